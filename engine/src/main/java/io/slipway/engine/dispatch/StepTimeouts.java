package io.slipway.engine.dispatch;

import io.slipway.engine.lifecycle.Step;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long each step may take before it is failed with {@code TIMEOUT}: the long or the short bound
 * as the step declares ({@link Step#bound()}), unless overridden.
 */
public record StepTimeouts(long shortMs, long longMs, Map<Step, Long> overrides) {

    public static StepTimeouts defaults() {
        return new StepTimeouts(120_000, 3_600_000, Map.of());
    }

    public static StepTimeouts of(long shortMs, long longMs) {
        return new StepTimeouts(shortMs, longMs, Map.of());
    }

    public StepTimeouts with(Step step, long ms) {
        Map<Step, Long> m = new EnumMap<>(Step.class);
        m.putAll(overrides);
        m.put(step, ms);
        return new StepTimeouts(shortMs, longMs, m);
    }

    public long of(Step step) {
        Long o = overrides.get(step);
        if (o != null) {
            return o;
        }
        return step.bound() == Step.Bound.LONG ? longMs : shortMs;
    }
}
