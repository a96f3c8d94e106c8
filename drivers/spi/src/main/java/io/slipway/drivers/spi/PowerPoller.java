package io.slipway.drivers.spi;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Confirms a power change by polling on Vert.x timers until the expected state is read or a
 * deadline passes. No thread sleeps while waiting.
 *
 * <p>Read errors during polling are tolerated (a controller may be busy right after a power change)
 * until the deadline; the last error is then reported in the {@code TIMEOUT} message.
 */
public final class PowerPoller {

    private final Vertx vertx;
    private final long intervalMs;
    private final long timeoutMs;

    public PowerPoller(Vertx vertx, long intervalMs, long timeoutMs) {
        this.vertx = vertx;
        this.intervalMs = Math.max(1, intervalMs);
        this.timeoutMs = timeoutMs;
    }

    /** Polls {@code probe} until it yields {@code expected}; completes with the observed state. */
    public Future<PowerState> await(Supplier<Future<PowerState>> probe, PowerState expected, String what) {
        Promise<PowerState> done = Promise.promise();
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        poll(probe, expected, what, deadline, done, null);
        return done.future();
    }

    private void poll(
            Supplier<Future<PowerState>> probe,
            PowerState expected,
            String what,
            long deadline,
            Promise<PowerState> done,
            Object last) {
        probe.get().onComplete(ar -> {
            if (ar.succeeded() && ar.result() == expected) {
                done.complete(ar.result());
                return;
            }
            if (ar.failed() && isFatal(ar.cause())) {
                done.fail(ar.cause());
                return;
            }
            Object seen = ar.succeeded() ? ar.result() : ar.cause().getMessage();
            if (System.nanoTime() + intervalMs * 1_000_000L > deadline) {
                done.fail(DriverException.timeout(what
                        + ": power did not reach "
                        + expected
                        + " within "
                        + timeoutMs
                        + " ms (last seen: "
                        + seen
                        + ")"));
                return;
            }
            vertx.setTimer(intervalMs, id -> poll(probe, expected, what, deadline, done, seen));
        });
    }

    /** Credentials and unsupported operations will not fix themselves by waiting. */
    private static boolean isFatal(Throwable t) {
        return t instanceof DriverException de
                && (de.kind() == DriverException.Kind.AUTH || de.kind() == DriverException.Kind.UNSUPPORTED);
    }
}
