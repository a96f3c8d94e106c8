package io.slipway.api.auth;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocks the test thread (never an event loop) on a future. */
final class Await {
    private Await() {}

    static <T> T result(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("future failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    static Throwable failure(Future<?> f) {
        try {
            Object value = f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** The failure, which must be an {@link AuthException}. */
    static AuthException refusal(Future<?> f) {
        Throwable t = failure(f);
        if (!(t instanceof AuthException a)) {
            throw new AssertionError("expected an AuthException, got " + t, t);
        }
        return a;
    }
}
