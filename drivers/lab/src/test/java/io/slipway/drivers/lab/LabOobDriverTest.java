package io.slipway.drivers.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.bmc.LabChassis;
import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverContract;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerState;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabOobDriverTest extends OobDriverContract {

    private static Vertx vertx;
    private static LabOobDriver driver;
    private static final OobTarget NODE = OobTarget.of("10.0.0.11", 623, Credentials.of("admin", "s3cret"));

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        driver = (LabOobDriver) DriverRegistry.load().oob("lab").create(DriverContext.of(vertx), new JsonObject());
        LabFixtures.join(driver.validate(NODE)); // the first call creates the node's BMC with these credentials
    }

    @AfterAll
    static void stop() {
        LabFixtures.join(driver.close());
        LabFixtures.join(vertx.close());
    }

    @Override
    protected OobDriver driver() {
        return driver;
    }

    @Override
    protected OobTarget target() {
        return NODE;
    }

    @Override
    protected OobTarget wrongPasswordTarget() {
        return OobTarget.of(NODE.address(), NODE.port(), Credentials.of("admin", "guess"));
    }

    @Override
    protected OobTarget unreachableTarget() {
        return OobTarget.of("10.0.0.99", 623, NODE.credentials()).withOption("lab.dead", "true");
    }

    @Override
    protected Duration unreachableBound() {
        return Duration.ofMillis(200 * 5);
    }

    @Test
    void aPxeBootIsVisibleToListenersOfTheSimulatedNode() {
        OobTarget node = OobTarget.of("10.0.0.12", 623, NODE.credentials());
        List<LabChassis.PowerEvent> events = new CopyOnWriteArrayList<>();
        LabFixtures.join(driver.bmc(node)).chassis().onPowerChange(events::add);
        LabFixtures.join(driver.setBootDevice(node, BootOptions.once(BootDevice.PXE)));
        LabFixtures.join(driver.setPower(node, PowerAction.ON));
        assertThat(events)
                .first()
                .isEqualTo(new LabChassis.PowerEvent(PowerState.ON, BootOptions.once(BootDevice.PXE)));
        // the one-time override was consumed by that boot
        assertThat(LabFixtures.join(driver.bootDevice(node)).device()).isEqualTo(BootDevice.NONE);
    }
}
