package io.slipway.engine.lifecycle;

import io.slipway.drivers.spi.DriverKind;
import java.util.List;

/**
 * A transition rule's wish that {@code step} run for {@code node} next. The guard rule turns it into
 * an {@link Action} only when the node is {@link Idle} and no {@link Blocked} fact covers a driver
 * kind the step uses, so a transition rule cannot forget or mistype its guard.
 */
public record Proposal(String node, Step step, String ruleId, String reason) {
    public static Proposal of(String node, Step step, String ruleId, String reason) {
        return new Proposal(node, step, ruleId, reason);
    }

    /** The driver kinds the step uses (what a guard must not block). */
    public List<DriverKind> kinds() {
        return step.kinds();
    }
}
