package io.slipway.drivers.lab;

import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Future;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Helpers shared by the lab tests. Tests wait on the JUnit thread, never on an event loop. */
public final class LabFixtures {

    private LabFixtures() {}

    public static <T> T join(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static DriverException failure(Future<?> future) {
        try {
            join(future);
        } catch (DriverException e) {
            return e;
        }
        throw new AssertionError("expected the call to fail");
    }

    /** A loopback UDP port on which nothing listens (bound briefly, then released). */
    public static int deadPort() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
