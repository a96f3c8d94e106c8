package io.slipway.drivers.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OobDriver} must show. A driver's test extends this class, sets up a
 * controller to talk to (simulator, fake operator, real peer) and implements the hooks.
 *
 * <p>Tests run on the JUnit thread and wait for futures there, never on an event loop.
 */
public abstract class OobDriverContract extends io.slipway.drivers.spi.DriverContractSupport {

    /** The driver under test; the same instance for every test of a class is fine. */
    protected abstract OobDriver driver();

    /** A reachable controller with correct credentials. */
    protected abstract OobTarget target();

    /**
     * The same controller with a wrong password, or {@code null} when the driver has no credentials.
     */
    protected OobTarget wrongPasswordTarget() {
        return null;
    }

    /** An address where nothing answers, or {@code null} when the driver reaches nothing. */
    protected OobTarget unreachableTarget() {
        return null;
    }

    /** The driver's configured bound for an unreachable controller. */
    protected Duration unreachableBound() {
        return Duration.ofSeconds(5);
    }

    @Test
    void typeIsNamed() {
        assertThat(driver().type()).isNotBlank().isLowerCase();
    }

    @Test
    void powerOnIsConfirmed() {
        assertThat(await(driver().setPower(target(), PowerAction.ON))).isEqualTo(PowerState.ON);
        assertThat(await(driver().powerState(target()))).isEqualTo(PowerState.ON);
    }

    @Test
    void powerOffIsConfirmed() {
        assertThat(await(driver().setPower(target(), PowerAction.OFF))).isEqualTo(PowerState.OFF);
        assertThat(await(driver().powerState(target()))).isEqualTo(PowerState.OFF);
    }

    @Test
    void powerOnIsIdempotent() {
        await(driver().setPower(target(), PowerAction.ON));
        assertThat(await(driver().setPower(target(), PowerAction.ON))).isEqualTo(PowerState.ON);
        assertThat(await(driver().powerState(target()))).isEqualTo(PowerState.ON);
    }

    @Test
    void powerCycleEndsOn() {
        await(driver().setPower(target(), PowerAction.ON));
        assertThat(await(driver().setPower(target(), PowerAction.CYCLE))).isEqualTo(PowerState.ON);
        assertThat(await(driver().powerState(target()))).isEqualTo(PowerState.ON);
    }

    @Test
    void powerCycleOfAnOffNodePowersItOn() {
        await(driver().setPower(target(), PowerAction.OFF));
        assertThat(await(driver().setPower(target(), PowerAction.CYCLE))).isEqualTo(PowerState.ON);
    }

    @Test
    void pxeBootOnceReadsBack() {
        await(driver().setBootDevice(target(), BootOptions.once(BootDevice.PXE)));
        assertThat(await(driver().bootDevice(target())).device()).isEqualTo(BootDevice.PXE);
    }

    @Test
    protected void diskBootPersistentReadsBack() {
        await(driver().setBootDevice(target(), BootOptions.persistent(BootDevice.DISK)));
        assertThat(await(driver().bootDevice(target())).device()).isEqualTo(BootDevice.DISK);
    }

    @Test
    void interrogateReportsPower() {
        PowerState now = await(driver().setPower(target(), PowerAction.ON));
        OobInventory inventory = await(driver().interrogate(target()));
        assertThat(inventory.power()).isEqualTo(now);
        assertThat(inventory.device()).isNotNull();
    }

    @Test
    void validateSucceeds() {
        await(driver().validate(target()));
    }

    @Test
    void wrongPasswordFailsWithAuthWithinTwoSeconds() {
        OobTarget bad = wrongPasswordTarget();
        assumeTrue(bad != null, "driver uses no credentials");
        long start = System.nanoTime();
        DriverException e = awaitFailure(driver().validate(bad));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.AUTH);
        assertThat(e.retriable()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void unreachableControllerFailsWithinBound() {
        OobTarget nowhere = unreachableTarget();
        assumeTrue(nowhere != null, "driver reaches no controller");
        long start = System.nanoTime();
        DriverException e = awaitFailure(driver().powerState(nowhere));
        assertThat(e.kind()).isIn(DriverException.Kind.TIMEOUT, DriverException.Kind.UNREACHABLE);
        assertThat(e.retriable()).isTrue();
        // a functional bound, loosely asserted: the configured bound plus scheduling slack
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThanOrEqualTo(unreachableBound().plusSeconds(1));
    }

    @Test
    void futuresCompleteOnAVertxContext() {
        Thread caller = Thread.currentThread();
        for (int attempt = 0; attempt < 5; attempt++) {
            await(driver().setPower(target(), PowerAction.OFF));
            CompletableFuture<Boolean> onContext = new CompletableFuture<>();
            driver().setPower(target(), PowerAction.ON).onComplete(ar -> {
                // a listener attached after completion runs on the caller: that says nothing, try
                // again
                if (Thread.currentThread() != caller) {
                    onContext.complete(Vertx.currentContext() != null);
                } else {
                    onContext.complete(null);
                }
            });
            Boolean seen = joinWithin(onContext);
            if (seen != null) {
                assertThat(seen).as("completed on a Vert.x context thread").isTrue();
                return;
            }
        }
        throw new AssertionError("every call completed before a listener could be attached");
    }
}
