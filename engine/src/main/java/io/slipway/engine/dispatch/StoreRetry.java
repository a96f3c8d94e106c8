package io.slipway.engine.dispatch;

import io.slipway.store.StoreException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a store write that failed as {@code UNAVAILABLE} until the store is back, with backoff
 * (250 ms doubling to 5 s); any other failure, fencing included, ends the retries at once, and so does
 * {@link #stop()}. The write itself carries its fence, so every retry is checked against the same
 * epoch. Call from a Vert.x context (the retry timers run on it).
 */
public final class StoreRetry {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRetry.class);
    private static final long FIRST_MS = 250;
    private static final long MAX_MS = 5_000;
    private final String what;
    private volatile boolean stopped;

    public StoreRetry(String what) {
        this.what = what;
    }

    /** No more retries: writes still waiting fail with their last error. */
    public void stop() {
        stopped = true;
    }

    public <T> Future<T> run(Supplier<Future<T>> write) {
        return attempt(write, FIRST_MS);
    }

    private <T> Future<T> attempt(Supplier<Future<T>> write, long backoff) {
        return write.get().recover(e -> {
            Vertx vertx = Vertx.currentContext() == null
                    ? null
                    : Vertx.currentContext().owner();
            if (stopped || vertx == null || !(e instanceof StoreException se && se.retryable())) {
                return Future.failedFuture(e);
            }
            if (backoff >= MAX_MS || backoff == FIRST_MS) {
                LOG.warn("{} waits for the database; retrying every {} ms at most ({})", what, MAX_MS, e.getMessage());
            }
            Promise<T> later = Promise.promise();
            vertx.setTimer(
                    backoff, id -> attempt(write, Math.min(MAX_MS, backoff * 2)).onComplete(later));
            return later.future();
        });
    }
}
