package io.slipway.engine.lifecycle;

/**
 * Where a node is in its life. The happy path runs enrolled → verifying → manageable → inspecting →
 * inspected → available → deploying → deployed; {@link #rank()} orders the stable states along it
 * so rules can ask "is the target beyond where the node is?".
 */
public enum LifecycleState {
    ENROLLED(0, true),
    VERIFYING(0, false),
    VERIFY_FAILED(0, true),
    MANAGEABLE(1, true),
    INSPECTING(1, false),
    INSPECT_FAILED(1, true),
    INSPECTED(2, true),
    AVAILABLE(3, true),
    DEPLOYING(3, false),
    DEPLOY_FAILED(3, true),
    DEPLOYED(4, true),
    DESTROYING(4, false),
    CLEANING(4, false),
    /** Retry budget spent: nothing happens until an operator releases the node. */
    QUARANTINED(-1, true),
    /** Deployed outside Slipway: only power is managed. */
    ADOPTED(4, true);

    private final int rank;
    private final boolean stable;

    LifecycleState(int rank, boolean stable) {
        this.rank = rank;
        this.stable = stable;
    }

    /** Position on the happy path (higher = further); quarantined is below everything. */
    public int rank() {
        return rank;
    }

    /** Whether the node rests in this state (as opposed to passing through it). */
    public boolean stable() {
        return stable;
    }

    /** Whether this is the failed state of a transitional one (a task cannot end here successfully). */
    public boolean failed() {
        return this == VERIFY_FAILED || this == INSPECT_FAILED || this == DEPLOY_FAILED;
    }

    /**
     * Where a node lands when a step fails while it is in this transitional state; empty for states
     * that have no failed state of their own (the node stays where it is).
     */
    public java.util.Optional<LifecycleState> failedState() {
        return java.util.Optional.ofNullable(
                switch (this) {
                    case VERIFYING -> VERIFY_FAILED;
                    case INSPECTING -> INSPECT_FAILED;
                    case DEPLOYING, DESTROYING -> DEPLOY_FAILED;
                    default -> null;
                });
    }

    /** The state name as the API and the store show it ({@code verify_failed}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The state with {@code label} ({@code verify_failed}); an unknown label fails naming it. */
    public static LifecycleState fromLabel(String label) {
        for (LifecycleState s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown lifecycle state " + label);
    }
}
