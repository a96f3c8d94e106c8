package io.slipway.drivers.redfish;

import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverContract;
import io.slipway.drivers.spi.OobTarget;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The OOB contract for the Redfish driver against the in-process simulator (HTTP, basic auth). */
class RedfishOobDriverTest extends OobDriverContract {

    /**
     * 5 s per exchange: the first exchange of a fresh JVM takes up to 2.3 s on the shared 2-core
     * machine, and a tighter bound reports TIMEOUT for an answer that was merely slow to load.
     */
    static final JsonObject CONFIG = new JsonObject()
            .put("requestTimeoutMs", 5000)
            .put("pollIntervalMs", 50)
            .put("powerTimeoutMs", 5000);

    private static Vertx vertx;
    private static RedfishSimulator sim;
    private static OobDriver driver;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        sim = new RedfishSimulator(vertx, 1)
                .start(false)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        driver = DriverRegistry.load().oob("redfish").create(DriverContext.of(vertx), CONFIG);
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    protected OobDriver driver() {
        return driver;
    }

    @Override
    protected OobTarget target() {
        return OobTarget.of("127.0.0.1", sim.port(), Credentials.of(RedfishSimulator.USER, RedfishSimulator.PASSWORD))
                .withOption("scheme", "http");
    }

    @Override
    protected OobTarget wrongPasswordTarget() {
        return OobTarget.of("127.0.0.1", sim.port(), Credentials.of(RedfishSimulator.USER, "nope"))
                .withOption("scheme", "http");
    }

    @Override
    protected OobTarget unreachableTarget() {
        return OobTarget.of("127.0.0.1", closedPort(), target().credentials()).withOption("scheme", "http");
    }

    @Override
    protected Duration unreachableBound() {
        return Duration.ofMillis(CONFIG.getLong("requestTimeoutMs"));
    }

    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
