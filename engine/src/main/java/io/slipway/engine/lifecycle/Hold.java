package io.slipway.engine.lifecycle;

/**
 * A guard rule's verdict that steps of {@code scope} ({@code all}, or a driver kind such as
 * {@code oob}) must not run for {@code node}, and why.
 */
public record Hold(String node, String scope, String ruleId, String reason) {
    public static Hold of(String node, String scope, String ruleId, String reason) {
        return new Hold(node, scope, ruleId, reason);
    }
}
