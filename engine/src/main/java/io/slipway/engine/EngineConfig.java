package io.slipway.engine;

import io.slipway.engine.dispatch.Limits;
import io.slipway.engine.dispatch.RetryPolicy;
import io.slipway.engine.dispatch.StepTimeouts;

/**
 * Settings of the orchestrating engine.
 *
 * @param pollMs how often queued tasks and termination requests are looked for
 * @param reconcileMs how often deployed nodes' power is re-observed (jittered by up to 10 %)
 */
public record EngineConfig(Limits limits, RetryPolicy retry, StepTimeouts timeouts, long pollMs, long reconcileMs) {

    public static EngineConfig defaults() {
        return new EngineConfig(Limits.defaults(), RetryPolicy.defaults(), StepTimeouts.defaults(), 1_000, 60_000);
    }

    public EngineConfig withRetry(RetryPolicy r) {
        return new EngineConfig(limits, r, timeouts, pollMs, reconcileMs);
    }

    public EngineConfig withTimeouts(StepTimeouts t) {
        return new EngineConfig(limits, retry, t, pollMs, reconcileMs);
    }

    public EngineConfig withLimits(Limits l) {
        return new EngineConfig(l, retry, timeouts, pollMs, reconcileMs);
    }

    public EngineConfig withIntervals(long poll, long reconcile) {
        return new EngineConfig(limits, retry, timeouts, poll, reconcile);
    }
}
