package io.slipway.drivers.lab;

import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Simulated durations for the lab drivers. Waits are Vert.x timers; a zero duration runs at once
 * without a timer, so a thousand simulated nodes with no latency finish in milliseconds.
 */
public final class LabTiming {

    private LabTiming() {}

    /** Runs {@code action} after {@code ms} on a timer, or now when {@code ms} is zero. */
    public static void after(Vertx vertx, long ms, Runnable action) {
        if (ms <= 0) {
            action.run();
        } else {
            vertx.setTimer(ms, id -> action.run());
        }
    }

    /**
     * {@code future}, failed with {@code TIMEOUT} if it is not complete within {@code boundMs}. The
     * bound costs a timer only while the future is pending.
     */
    public static <T> Future<T> bounded(Vertx vertx, Future<T> future, long boundMs, String what) {
        if (future.isComplete()) {
            return future;
        }
        Promise<T> bounded = Promise.promise();
        long timer = vertx.setTimer(
                boundMs,
                id -> bounded.tryFail(DriverException.timeout(what + ": no end state within " + boundMs + " ms")));
        future.onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                bounded.tryComplete(ar.result());
            } else {
                bounded.tryFail(ar.cause());
            }
        });
        return bounded.future();
    }

    /**
     * {@code future} as seen by the caller: when the caller is not on a Vert.x thread, the result is
     * bound to a Vert.x context, whose thread runs every listener, even one attached after completion
     * (the driver contract); on a Vert.x thread an answer known at once is returned as is.
     */
    public static <T> Future<T> onContext(Vertx vertx, Future<T> future) {
        if (Vertx.currentContext() != null) {
            return future;
        }
        return Future.fromCompletionStage(future.toCompletionStage(), vertx.getOrCreateContext());
    }
}
