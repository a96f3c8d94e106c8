package io.slipway.engine.lifecycle;

import io.slipway.drivers.spi.DriverKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A guard rule's verdict that steps using a driver of {@code kind} must not run for {@code node}
 * (every step when {@code kind} is null), and why. The guard rules turn each hold into {@link
 * Blocked} facts, one per driver kind it covers, which is what the step guard matches.
 */
public record Hold(String node, DriverKind kind, String ruleId, String reason) {

    /** A hold on every step of {@code node}. */
    public static Hold all(String node, String ruleId, String reason) {
        return new Hold(node, null, ruleId, reason);
    }

    /** A hold on the steps of {@code node} that use a driver of {@code kind}. */
    public static Hold of(String node, DriverKind kind, String ruleId, String reason) {
        return new Hold(node, kind, ruleId, reason);
    }

    /**
     * A hold by scope label, {@code all} or a driver kind's label ({@code oob}); an unknown scope
     * fails naming it, so a mistyped scope never silently holds nothing.
     */
    public static Hold of(String node, String scope, String ruleId, String reason) {
        return "all".equals(scope) ? all(node, ruleId, reason) : of(node, DriverKind.fromLabel(scope), ruleId, reason);
    }

    /** {@code all}, or the label of the driver kind held (as the API shows it). */
    public String scope() {
        return kind == null ? "all" : kind.label();
    }

    /** The driver kinds this hold blocks. */
    public Set<DriverKind> kinds() {
        return kind == null ? EnumSet.allOf(DriverKind.class) : EnumSet.of(kind);
    }

    /** The blocked facts this hold stands for. */
    public List<Blocked> blocked() {
        return kinds().stream().map(k -> new Blocked(node, k)).toList();
    }
}
