package io.slipway.engine.dispatch;

import io.slipway.drivers.spi.DriverException;
import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.lifecycle.Step;
import io.slipway.store.StoreException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * When each node may be tried again after a failed step, read from the injected clock: the retry
 * policy's backoff after a driver failure (none once the node is quarantined), a short pause when the
 * step failed because the database was down. Confined to the dispatcher's context.
 */
final class Backoff {
    /** How long a step waits after the database failed it; the node's budget is not spent. */
    static final long STORE_PAUSE_MS = 2_000;

    private final Clock clock;
    private final RetryPolicy retry;
    private final Map<String, Long> notBefore = new HashMap<>();

    Backoff(Clock clock, RetryPolicy retry) {
        this.clock = clock;
        this.retry = retry;
    }

    long now() {
        return clock.millis();
    }

    /** Earliest time (epoch ms) the node may be tried again, or 0. */
    long notBefore(String node) {
        return notBefore.getOrDefault(node, 0L);
    }

    void succeeded(String node) {
        notBefore.remove(node);
    }

    /** The node after {@code step} failed with {@code cause}; schedules its next attempt. */
    NodeObservation failed(NodeObservation before, Step step, Throwable cause) {
        if (storeUnavailable(cause)) {
            // The step needed the database (build data, boot-action keys), which is down: not the node's
            // failure. The step runs again once the pause is over, without spending the node's retry budget.
            notBefore.put(before.node(), now() + STORE_PAUSE_MS);
            return before;
        }
        String why = describe(cause);
        boolean retriable = !(cause instanceof DriverException de) || de.retriable();
        NodeObservation after = retriable ? before.failed(step, why) : before.exhausted(step, why);
        if (!after.state().equals(LifecycleState.QUARANTINED)) {
            notBefore.put(before.node(), now() + retry.delayAfter(after.failures()));
        }
        return after;
    }

    static String describe(Throwable t) {
        if (t instanceof DriverException de) {
            return de.kind() + ": " + de.getMessage()
                    + de.completionCode().stream()
                            .mapToObj(c -> " (code " + c + ")")
                            .findFirst()
                            .orElse("");
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static boolean storeUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreException se && se.retryable()) {
                return true;
            }
        }
        return false;
    }
}
