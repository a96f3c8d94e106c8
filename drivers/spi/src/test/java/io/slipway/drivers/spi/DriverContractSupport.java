package io.slipway.drivers.spi;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every driver contract suite shares: waiting on the JUnit thread for a driver's future, bounded
 * by {@link #callBound()}, and turning its outcome into a value or the {@link DriverException} it
 * failed with.
 */
public abstract class DriverContractSupport {

    /** How long one driver call may take in the contract tests. */
    protected Duration callBound() {
        return Duration.ofSeconds(30);
    }

    /** Waits on the JUnit thread for {@code future} and returns its result or fails the test. */
    protected <T> T await(Future<T> future) {
        try {
            return join(future);
        } catch (DriverException e) {
            throw new AssertionError("driver call failed: " + e, e);
        }
    }

    /** Waits for {@code future} to fail and returns the {@link DriverException} it failed with. */
    protected DriverException awaitFailure(Future<?> future) {
        try {
            Object value = join(future);
            throw new AssertionError("expected a DriverException, got success: " + value);
        } catch (DriverException e) {
            return e;
        }
    }

    private <T> T join(Future<T> future) {
        return joinWithin(future.toCompletionStage().toCompletableFuture());
    }

    /** Waits for {@code f} within {@link #callBound()}; a {@link DriverException} failure is rethrown as is. */
    protected <T> T joinWithin(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(callBound().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DriverException de) {
                throw de;
            }
            throw new AssertionError("driver failed with a non-DriverException", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("driver call did not complete within " + callBound(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
