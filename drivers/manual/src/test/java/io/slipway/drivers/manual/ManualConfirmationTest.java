package io.slipway.drivers.manual;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Operators answer manual requests by BMC target: the oldest request of that target, and only it. */
class ManualConfirmationTest {
    private static final OobTarget A = OobTarget.of("10.1.0.5", 0, Credentials.of("n/a", "n/a"));
    private static final OobTarget B = OobTarget.of("10.1.0.6", 0, Credentials.of("n/a", "n/a"));
    private final Vertx vertx = Vertx.vertx();
    private final ManualOobDriver driver = new ManualOobDriver(vertx, 60_000);

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void confirmAnswersTheOldestRequestOfThatTargetOnly() throws Exception {
        Future<Void> boot = driver.setBootDevice(A, BootOptions.once(BootDevice.PXE));
        Future<PowerState> power = driver.setPower(A, PowerAction.CYCLE);
        Future<PowerState> other = driver.setPower(B, PowerAction.ON);
        assertThat(driver.waiting(A)).hasSize(2).first().asString().startsWith("set boot device PXE");
        assertThat(driver.waiting(B)).singleElement().asString().startsWith("set power ON");

        assertThat(driver.confirm(A)).hasValueSatisfying(d -> assertThat(d).startsWith("set boot device PXE"));
        await(boot);
        assertThat(power.isComplete()).isFalse();
        assertThat(other.isComplete()).isFalse();
        assertThat(driver.confirm(A)).hasValueSatisfying(d -> assertThat(d).startsWith("set power CYCLE"));
        assertThat(await(power)).isEqualTo(PowerState.ON);
        assertThat(driver.confirm(A)).isEmpty();
        assertThat(driver.waiting(B)).hasSize(1);
    }

    @Test
    void rejectFailsTheRequestRefusedWithTheReasonAndNothingElse() throws Exception {
        Future<PowerState> power = driver.setPower(A, PowerAction.ON);
        assertThat(driver.reject(B, "wrong node")).isEmpty();
        assertThat(driver.reject(A, "wrong chassis"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("set power ON"));
        Throwable failure = power.toCompletionStage()
                .toCompletableFuture()
                .handle((v, e) -> e)
                .get(5, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(DriverException.class).hasMessageContaining("wrong chassis");
        assertThat(((DriverException) failure).kind()).isEqualTo(DriverException.Kind.REFUSED);
        assertThat(((DriverException) failure).retriable()).isFalse();
        assertThat(driver.waiting(A)).isEmpty();
    }
}
