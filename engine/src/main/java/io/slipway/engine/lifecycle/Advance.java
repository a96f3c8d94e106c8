package io.slipway.engine.lifecycle;

/** A rule's decision that {@code node} has reached {@code to} (no driver work needed). */
public record Advance(String node, LifecycleState to, String ruleId, String reason) {
    public static Advance to(String node, LifecycleState to, String ruleId, String reason) {
        return new Advance(node, to, ruleId, reason);
    }
}
