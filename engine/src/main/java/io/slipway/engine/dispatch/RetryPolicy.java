package io.slipway.engine.dispatch;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries of a failed step: exponential backoff from {@code baseMs} doubling up to {@code maxMs},
 * with up to 20 % jitter so a rack of nodes failing together does not retry in lockstep, and
 * {@code budget} attempts per step before the node is quarantined.
 */
public record RetryPolicy(long baseMs, long maxMs, int budget) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(2_000, 120_000, 4);
    }

    /** Delay before attempt {@code failures + 1}. */
    public long delayAfter(int failures) {
        long d = Math.min(maxMs, baseMs << Math.min(20, Math.max(0, failures - 1)));
        return d + (d > 0 ? ThreadLocalRandom.current().nextLong(d / 5 + 1) : 0);
    }
}
