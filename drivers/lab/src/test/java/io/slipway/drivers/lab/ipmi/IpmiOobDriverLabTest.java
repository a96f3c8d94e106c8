package io.slipway.drivers.lab.ipmi;

import static io.slipway.drivers.lab.LabFixtures.join;

import io.slipway.drivers.ipmi.IpmiOobDriverProvider;
import io.slipway.drivers.lab.LabFixtures;
import io.slipway.drivers.lab.bmc.LabBmc;
import io.slipway.drivers.lab.bmc.LabBmcConfig;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverContract;
import io.slipway.drivers.spi.OobTarget;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The IPMI driver, over real UDP, against an in-JVM lab BMC. */
class IpmiOobDriverLabTest extends OobDriverContract {

    static final JsonObject CONFIG = new JsonObject()
            .put("attemptTimeoutMs", 200)
            .put("retries", 3)
            .put("maxRtoMs", 200)
            .put("pollIntervalMs", 50)
            .put("powerTimeoutMs", 5000);

    private static Vertx vertx;
    private static LabBmc bmc;
    private static OobDriver driver;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        bmc = join(LabBmc.start(vertx, LabBmcConfig.defaults("SN-LAB-1")));
        driver = new IpmiOobDriverProvider().create(DriverContext.of(vertx), CONFIG);
    }

    @AfterAll
    static void stop() {
        join(driver.close());
        join(vertx.close());
    }

    @Override
    protected OobDriver driver() {
        return driver;
    }

    @Override
    protected OobTarget target() {
        return OobTarget.of(bmc.host(), bmc.port(), Credentials.of("admin", "password"));
    }

    @Override
    protected OobTarget wrongPasswordTarget() {
        return OobTarget.of(bmc.host(), bmc.port(), Credentials.of("admin", "wrong"));
    }

    @Override
    protected OobTarget unreachableTarget() {
        return OobTarget.of("127.0.0.1", LabFixtures.deadPort(), Credentials.of("admin", "password"));
    }

    @Override
    protected Duration unreachableBound() {
        return Duration.ofMillis(200 * 4);
    }
}
