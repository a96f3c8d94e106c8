package io.slipway.drivers.kubernetes;

import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Helpers of the Kubernetes driver tests; they wait on the JUnit thread, never on an event loop.
 */
final class K8sFixtures {

    private K8sFixtures() {}

    static <T> T join(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static DriverException failure(Future<?> future) {
        try {
            join(future);
        } catch (DriverException e) {
            return e;
        }
        throw new AssertionError("expected the call to fail");
    }
}
