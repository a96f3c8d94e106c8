package io.slipway.drivers.manual;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobDriverContract;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OOB contract for the manual driver, with a simulated operator who confirms every request a
 * few milliseconds after it appears (on a timer: nobody sleeps).
 */
class ManualOobDriverTest extends OobDriverContract {

    private static final OobTarget NODE = OobTarget.of("10.1.0.5", 0, Credentials.of("n/a", "n/a"));
    private static Vertx vertx;
    private static ManualOobDriver driver;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        driver =
                (ManualOobDriver) DriverRegistry.load().oob("manual").create(DriverContext.of(vertx), new JsonObject());
        driver.onRequest(rq -> {
            if (rq.target().equals(NODE)) {
                vertx.setTimer(5, id -> driver.confirm(rq.id()));
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Override
    protected OobDriver driver() {
        return driver;
    }

    @Override
    protected OobTarget target() {
        return NODE;
    }

    @Test
    void requestsWaitInTheWorkListUntilConfirmed() {
        OobTarget other = OobTarget.of("10.1.0.6", 0, null);
        Future<PowerState> on = driver.setPower(other, PowerAction.ON);
        assertThat(driver.pending()).singleElement().satisfies(rq -> {
            assertThat(rq.power()).isEqualTo(PowerAction.ON);
            assertThat(rq.describe()).contains("power ON").contains("10.1.0.6");
        });
        assertThat(on.isComplete()).isFalse();
        assertThat(driver.confirm(driver.pending().get(0).id())).isTrue();
        assertThat(await(on)).isEqualTo(PowerState.ON);
        assertThat(driver.pending()).isEmpty();
    }

    @Test
    void aRejectedRequestFailsAsRefused() {
        OobTarget other = OobTarget.of("10.1.0.7", 0, null);
        Future<Void> pxe = driver.setBootDevice(other, BootOptions.once(BootDevice.PXE));
        driver.reject(driver.pending().get(0).id(), "node is on fire");
        DriverException e = awaitFailure(pxe);
        assertThat(e.kind()).isEqualTo(DriverException.Kind.REFUSED);
        assertThat(e.getMessage()).contains("node is on fire");
    }

    @Test
    void anUnansweredRequestTimesOut() {
        ManualOobDriver impatient = new ManualOobDriver(vertx, 50);
        DriverException e = awaitFailure(impatient.setPower(NODE, PowerAction.OFF));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.TIMEOUT);
    }

    @Test
    void powerIsUnknownUntilSomeoneConfirmsIt() {
        assertThat(await(driver.powerState(OobTarget.of("10.1.0.8", 0, null)))).isEqualTo(PowerState.UNKNOWN);
    }
}
