package io.slipway.api.cli;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Helpers of the long-running commands: blocking waits on the main thread. */
final class Runtime {
    private Runtime() {}

    /** Runs a blocking start-up step on the main thread, saying what it is and how long it took. */
    static <T> T step(String what, java.util.function.Supplier<T> work) {
        System.err.println("slipway: " + what + " ...");
        long t0 = System.nanoTime();
        T value = work.get();
        System.err.printf("slipway: %s: done in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
        return value;
    }

    /**
     * Waits for a future on the main thread (never called on an event loop), saying on stderr what it
     * waits for and, once done, how long it took: a starting server never sits silent.
     */
    static <T> T await(Future<T> f, long seconds, String what) {
        System.err.println("slipway: " + what + " ...");
        long t0 = System.nanoTime();
        try {
            T value = f.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
            System.err.printf("slipway: %s: done in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
            return value;
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not finish within " + seconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted");
        }
    }
}
