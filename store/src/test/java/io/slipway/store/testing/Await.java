package io.slipway.store.testing;

import io.slipway.store.StoreException;
import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for futures from a test thread. Never use on a Vert.x event loop: it blocks. */
public final class Await {

    public static final long TIMEOUT_SECONDS = 60;

    private Await() {}

    /** The future's value; its failure is rethrown as is (wrapped only if checked). */
    public static <T> T result(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("future not complete after " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /** The failure of a future that must fail. */
    public static Throwable failure(Future<?> future) {
        try {
            Object value = result(future);
            throw new AssertionError("expected a failure but got " + value);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The kind of the {@link StoreException} a future must fail with. */
    public static StoreException.Kind failureKind(Future<?> future) {
        Throwable failure = failure(future);
        if (failure instanceof StoreException store) {
            return store.kind();
        }
        throw new AssertionError("expected a StoreException", failure);
    }
}
