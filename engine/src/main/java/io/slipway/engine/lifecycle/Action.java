package io.slipway.engine.lifecycle;

/** A rule's decision that {@code step} should run for {@code node} now. */
public record Action(String node, Step step, String ruleId, String reason) {
    public static Action of(String node, Step step, String ruleId, String reason) {
        return new Action(node, step, ruleId, reason);
    }
}
