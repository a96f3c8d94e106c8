package io.slipway.drivers.ipmi.it;

import io.slipway.drivers.ipmi.IpmiOobDriverProvider;
import io.slipway.drivers.ipmi.sim.IpmiSim;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverContract;
import io.slipway.drivers.spi.OobTarget;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The OOB contract for the IPMI driver against OpenIPMI's {@code ipmi_sim}. */
class IpmiOobDriverIT extends OobDriverContract {

    static final JsonObject CONFIG = new JsonObject()
            .put("attemptTimeoutMs", 300)
            .put("retries", 3)
            .put("maxRtoMs", 600)
            .put("pollIntervalMs", 100)
            .put("powerTimeoutMs", 10_000)
            .put("cipherSuite", "3");

    private static IpmiSim sim;
    private static Vertx vertx;
    private static OobDriver driver;

    @BeforeAll
    static void start() throws Exception {
        IpmiSim.requireOrSkip();
        sim = IpmiSim.start(1);
        vertx = Vertx.vertx();
        driver = new IpmiOobDriverProvider().create(DriverContext.of(vertx), CONFIG);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Override
    protected OobDriver driver() {
        return driver;
    }

    @Override
    protected OobTarget target() {
        return OobTarget.of("127.0.0.1", sim.get(0).port(), Credentials.of(IpmiSim.USER, IpmiSim.PASSWORD));
    }

    @Override
    protected OobTarget wrongPasswordTarget() {
        return OobTarget.of("127.0.0.1", sim.get(0).port(), Credentials.of(IpmiSim.USER, "not-the-password"));
    }

    @Override
    protected OobTarget unreachableTarget() {
        return OobTarget.of("127.0.0.1", 9, Credentials.of(IpmiSim.USER, IpmiSim.PASSWORD));
    }

    @Override
    protected Duration unreachableBound() {
        return Duration.ofMillis(io.slipway.drivers.ipmi.client.IpmiClientOptions.fromJson(CONFIG)
                .requestBoundMs());
    }
}
