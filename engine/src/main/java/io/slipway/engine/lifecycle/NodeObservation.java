package io.slipway.engine.lifecycle;

import io.slipway.drivers.spi.PowerState;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What is known about a node from its drivers and from the steps already done: the observed facts
 * the lifecycle rules match on. Immutable; every change makes a new value (and is persisted).
 *
 * @param power as last observed or as the last step left it (stored as {@code on}, {@code off},
 *     {@code unknown}: {@link #powerLabel()})
 * @param done steps completed since the node last changed state (so a retried task resumes; stored
 *     as their labels: {@link #doneLabels()})
 * @param failures consecutive failed attempts of the current step
 * @param budget attempts allowed before the node is quarantined
 * @param paused an operator stopped automatic actions (drift correction included)
 * @param reason why the node is quarantined or failed, null otherwise
 * @param maintenance why an operator put the node in maintenance (nothing but reads happen to it),
 *     null when it is not in maintenance
 * @param quarantinedFrom the state the node was in when it was quarantined (where a release returns
 *     it), null when it is not quarantined
 */
public record NodeObservation(
        String node,
        LifecycleState state,
        PowerState power,
        Set<Step> done,
        String lastError,
        int failures,
        int budget,
        boolean paused,
        String reason,
        String maintenance,
        LifecycleState quarantinedFrom) {

    public NodeObservation {
        done = done.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Step.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(done));
    }

    /** Without maintenance or quarantine bookkeeping. */
    public NodeObservation(
            String node,
            LifecycleState state,
            PowerState power,
            Set<Step> done,
            String lastError,
            int failures,
            int budget,
            boolean paused,
            String reason) {
        this(node, state, power, done, lastError, failures, budget, paused, reason, null, null);
    }

    public static NodeObservation enrolled(String node, int budget) {
        return new NodeObservation(
                node, LifecycleState.ENROLLED, PowerState.UNKNOWN, Set.of(), null, 0, budget, false, null);
    }

    /** Whether an operator put the node in maintenance. */
    public boolean inMaintenance() {
        return maintenance != null;
    }

    public boolean did(Step step) {
        return done.contains(step);
    }

    /** The done steps' labels, in step order (as stored and shown). */
    public List<String> doneLabels() {
        return Step.labels(done);
    }

    /** The power's label as stored and shown: {@code on}, {@code off} or {@code unknown}. */
    public String powerLabel() {
        return label(power);
    }

    /** The label of {@code power}: {@code on}, {@code off} or {@code unknown}. */
    public static String label(PowerState power) {
        return power.name().toLowerCase(Locale.ROOT);
    }

    /** The power a stored label names; null or a label of no state is {@code UNKNOWN}. */
    public static PowerState power(String label) {
        for (PowerState p : PowerState.values()) {
            if (label(p).equals(label)) {
                return p;
            }
        }
        return PowerState.UNKNOWN;
    }

    /** The node after {@code step} succeeded: recorded as done, failures reset, power as the step leaves it. */
    public NodeObservation succeeded(Step step) {
        Set<Step> d = EnumSet.of(step);
        d.addAll(done);
        PowerState p = step.powerAfter().orElse(power);
        LifecycleState s = state.stable() && step.phase() != null && step.phase() != state ? step.phase() : state;
        return new NodeObservation(node, s, p, d, null, 0, budget, paused, null, maintenance, null);
    }

    /**
     * The node after {@code step} failed: in the failed state of the step's phase, or, once the
     * budget is spent, quarantined with the reason.
     */
    public NodeObservation failed(Step step, String error) {
        int f = failures + 1;
        if (f >= budget) {
            return new NodeObservation(
                    node,
                    LifecycleState.QUARANTINED,
                    power,
                    done,
                    error,
                    f,
                    budget,
                    paused,
                    step.label() + " failed " + f + " time(s): " + error,
                    maintenance,
                    quarantinedFrom(state));
        }
        LifecycleState s = step.failedState(state);
        return new NodeObservation(node, s, power, done, error, f, budget, paused, null, maintenance, null);
    }

    /** The node as a step starts: in the step's transitional state when it rests in a stable one. */
    public NodeObservation starting(Step step) {
        LifecycleState phase = step.phase();
        if (phase == null || !state.stable() || state == phase || state == LifecycleState.QUARANTINED) {
            return this;
        }
        return new NodeObservation(
                node, phase, power, done, lastError, failures, budget, paused, reason, maintenance, quarantinedFrom);
    }

    /** The node after a failure that retrying cannot fix (bad credentials, unsupported): quarantined now. */
    public NodeObservation exhausted(Step step, String error) {
        return new NodeObservation(
                node,
                LifecycleState.QUARANTINED,
                power,
                done,
                error,
                failures + 1,
                budget,
                paused,
                step.label() + " failed and cannot succeed by retrying: " + error,
                maintenance,
                quarantinedFrom(state));
    }

    /** The node moved to {@code to}: steps done in the previous state no longer count. */
    public NodeObservation advanced(LifecycleState to) {
        return new NodeObservation(node, to, power, Set.of(), lastError, 0, budget, paused, null, maintenance, null);
    }

    public NodeObservation withPower(PowerState p) {
        return new NodeObservation(
                node, state, p, done, lastError, failures, budget, paused, reason, maintenance, quarantinedFrom);
    }

    public NodeObservation withPaused(boolean p) {
        return new NodeObservation(
                node, state, power, done, lastError, failures, budget, p, reason, maintenance, quarantinedFrom);
    }

    /** An operator released a quarantined node back to {@code to} with a fresh budget. */
    public NodeObservation released(LifecycleState to) {
        return new NodeObservation(node, to, power, Set.of(), lastError, 0, budget, paused, null, maintenance, null);
    }

    /** The state a release returns this quarantined node to: where it was quarantined from, else enrolled. */
    public LifecycleState releaseTo() {
        return quarantinedFrom == null ? LifecycleState.ENROLLED : quarantinedFrom;
    }

    /** The node put in maintenance for {@code why} (non-null), or taken out of it ({@code null}). */
    public NodeObservation withMaintenance(String why) {
        return new NodeObservation(
                node, state, power, done, lastError, failures, budget, paused, reason, why, quarantinedFrom);
    }

    /**
     * The node after an operator aborted {@code step} while it ran: in the failed state of the step's
     * phase (or where it was), without spending its retry budget; nothing retries it on its own.
     */
    public NodeObservation aborted(Step step, String why) {
        LifecycleState s = step.failedState(state);
        return new NodeObservation(node, s, power, done, why, failures, budget, paused, why, maintenance, null);
    }

    private static LifecycleState quarantinedFrom(LifecycleState s) {
        return s == LifecycleState.QUARANTINED ? null : s;
    }
}
