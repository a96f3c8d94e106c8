package io.slipway.engine.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Starts a batch of operations evenly over a time span instead of all in the same instant. */
final class Staggered {
    private Staggered() {}

    /**
     * Starts {@code ops[i]} about {@code i * spreadMs / ops.size()} ms from now on Vert.x timers (all
     * at once when {@code spreadMs} is 0 or less); the returned futures complete with the operations.
     */
    static <T> List<Future<T>> start(Vertx vertx, List<Supplier<Future<T>>> ops, long spreadMs) {
        List<Future<T>> started = new ArrayList<>();
        long gapMs = ops.isEmpty() ? 0 : spreadMs / ops.size();
        for (int i = 0; i < ops.size(); i++) {
            Supplier<Future<T>> op = ops.get(i);
            if (gapMs <= 0 || i == 0) {
                started.add(op.get());
            } else {
                Promise<T> later = Promise.promise();
                vertx.setTimer(i * gapMs, id -> op.get().onComplete(later));
                started.add(later.future());
            }
        }
        return started;
    }
}
