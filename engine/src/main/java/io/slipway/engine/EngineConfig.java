package io.slipway.engine;

import io.slipway.engine.dispatch.Limits;
import io.slipway.engine.dispatch.RetryPolicy;
import io.slipway.engine.dispatch.StepTimeouts;
import java.time.Clock;

/**
 * Settings of the orchestrating engine.
 *
 * @param pollMs how often queued tasks and termination requests are looked for
 * @param reconcileMs how often deployed nodes' power is re-observed (jittered by up to 10 %)
 * @param clock where the engine reads the time (the system clock; a fixed one in tests)
 */
public record EngineConfig(
        Limits limits, RetryPolicy retry, StepTimeouts timeouts, long pollMs, long reconcileMs, Clock clock) {

    public static EngineConfig defaults() {
        return new EngineConfig(
                Limits.defaults(), RetryPolicy.defaults(), StepTimeouts.defaults(), 1_000, 60_000, Clock.systemUTC());
    }

    public EngineConfig withRetry(RetryPolicy r) {
        return new EngineConfig(limits, r, timeouts, pollMs, reconcileMs, clock);
    }

    public EngineConfig withTimeouts(StepTimeouts t) {
        return new EngineConfig(limits, retry, t, pollMs, reconcileMs, clock);
    }

    public EngineConfig withLimits(Limits l) {
        return new EngineConfig(l, retry, timeouts, pollMs, reconcileMs, clock);
    }

    public EngineConfig withIntervals(long poll, long reconcile) {
        return new EngineConfig(limits, retry, timeouts, poll, reconcile, clock);
    }

    public EngineConfig withClock(Clock c) {
        return new EngineConfig(limits, retry, timeouts, pollMs, reconcileMs, c);
    }
}
