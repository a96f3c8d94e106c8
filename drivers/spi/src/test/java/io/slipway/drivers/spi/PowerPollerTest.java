package io.slipway.drivers.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PowerPollerTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void pollsUntilTheExpectedStateIsRead() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        var poller = new PowerPoller(vertx, 5, 5000);
        var state = poller.await(
                () -> Future.succeededFuture(reads.incrementAndGet() < 4 ? PowerState.OFF : PowerState.ON),
                PowerState.ON,
                "node");
        assertThat(state.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isEqualTo(PowerState.ON);
        assertThat(reads).hasValue(4);
    }

    @Test
    void transientReadErrorsAreToleratedUntilTheDeadline() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        var poller = new PowerPoller(vertx, 5, 5000);
        var state = poller.await(
                () -> reads.incrementAndGet() < 3
                        ? Future.failedFuture(DriverException.timeout("busy"))
                        : Future.succeededFuture(PowerState.OFF),
                PowerState.OFF,
                "node");
        assertThat(state.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isEqualTo(PowerState.OFF);
    }

    @Test
    void theDeadlineFailsWithTimeoutAndTheLastSeenState() {
        var poller = new PowerPoller(vertx, 10, 100);
        var f = poller.await(() -> Future.succeededFuture(PowerState.ON), PowerState.OFF, "node 7");
        var e = Assertions.catchThrowableOfType(
                ExecutionException.class,
                () -> f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertThat(e.getCause())
                .isInstanceOf(DriverException.class)
                .hasMessageContaining("node 7")
                .hasMessageContaining("last seen: ON");
        assertThat(((DriverException) e.getCause()).kind()).isEqualTo(DriverException.Kind.TIMEOUT);
    }

    @Test
    void authFailuresStopPollingAtOnce() {
        var poller = new PowerPoller(vertx, 10, 60_000);
        var f = poller.await(() -> Future.failedFuture(DriverException.auth("bad password")), PowerState.ON, "node");
        var e = Assertions.catchThrowableOfType(
                ExecutionException.class,
                () -> f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertThat(((DriverException) e.getCause()).kind()).isEqualTo(DriverException.Kind.AUTH);
    }
}
