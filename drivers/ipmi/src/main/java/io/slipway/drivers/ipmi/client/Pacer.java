package io.slipway.drivers.ipmi.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The client-wide in-flight window: how many commands are on the wire at once, and how many
 * session setups (half the window) run beside them. Confined to the client's context thread.
 *
 * <p>The window adapts like a congestion window: it grows by one per window's worth of answers
 * that came back within {@code targetLatencyMs} of their BMC's fastest answer, shrinks by a tenth
 * when answers come slower than that (the BMCs or this host are queueing) and halves on a
 * retransmission timeout; at most one decrease per 200 ms. It never leaves [32, maxWindow]: below that, a
 * host that is slow for other reasons would only serve fewer BMCs, not faster ones.
 * Session setups are limited to half the window, so a burst of new sessions (a reconcile tick over
 * every node) cannot flood the BMCs and this host with handshakes.
 */
final class Pacer {

    private static final int MIN_WINDOW = 32;
    private static final long DECREASE_GAP_NS = 200_000_000L;

    private final int maxWindow;
    private final long targetLatencyMs;
    private final Deque<Promise<Void>> waiting = new ArrayDeque<>();
    private final Deque<Promise<Void>> waitingOpen = new ArrayDeque<>();
    private double window;
    private int inFlight;
    private int opening;
    private long lastDecrease;

    Pacer(IpmiClientOptions options) {
        this.window = Math.max(Math.min(MIN_WINDOW, options.maxWindow()), options.window());
        this.maxWindow = options.maxWindow();
        this.targetLatencyMs = options.targetLatencyMs();
    }

    /** Completes when the operation may start; every success must be paired with {@link #release}. */
    Future<Void> acquire() {
        if (inFlight < (int) window && waiting.isEmpty()) {
            inFlight++;
            return Future.succeededFuture();
        }
        Promise<Void> turn = Promise.promise();
        waiting.add(turn);
        return turn.future();
    }

    void release() {
        inFlight--;
        pump();
    }

    /** Runs {@code setup} when fewer than half the window are setting up sessions. */
    <T> Future<T> opening(java.util.function.Supplier<Future<T>> setup) {
        Future<Void> turn;
        if (opening < openLimit() && waitingOpen.isEmpty()) {
            opening++;
            turn = Future.succeededFuture();
        } else {
            Promise<Void> p = Promise.promise();
            waitingOpen.add(p);
            turn = p.future();
        }
        return turn.compose(v -> setup.get()).andThen(ar -> {
            opening--;
            pump();
        });
    }

    /** An answer after {@code rttMs}; {@code baselineMs} is the fastest answer of the same BMC. */
    void answered(long rttMs, long baselineMs) {
        if (rttMs > 2 * baselineMs + targetLatencyMs) {
            decrease(0.9);
        } else {
            window = Math.min(maxWindow, window + 1.0 / window);
            pump();
        }
    }

    /** A retransmission timer expired: the loss may be congestion. */
    void timedOut() {
        decrease(0.5);
    }

    int window() {
        return (int) window;
    }

    private void decrease(double factor) {
        long now = System.nanoTime();
        if (now - lastDecrease < DECREASE_GAP_NS) {
            return;
        }
        lastDecrease = now;
        window = Math.max(MIN_WINDOW, window * factor);
    }

    private int openLimit() {
        return Math.max(1, (int) window / 2);
    }

    private void pump() {
        while (inFlight < (int) window && !waiting.isEmpty()) {
            inFlight++;
            waiting.poll().complete();
        }
        while (opening < openLimit() && !waitingOpen.isEmpty()) {
            opening++;
            waitingOpen.poll().complete();
        }
    }
}
