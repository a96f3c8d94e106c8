package io.slipway.engine.lifecycle;

/** When a node has reached what its intent asks for, or can no longer get there. */
public final class Goals {
    private Goals() {}

    /** The node is where the intent wants it (nothing more will be done for it). */
    public static boolean reached(NodeObservation o, NodeIntent i) {
        if (o.state() == LifecycleState.QUARANTINED) {
            return false;
        }
        if (i.relabel()) {
            return o.did(Step.RELABEL)
                    || o.state() != LifecycleState.DEPLOYED && o.state().rank() < LifecycleState.DEPLOYED.rank();
        }
        if (i.destroy()) {
            return o.state().stable()
                    && o.state().rank() <= LifecycleState.AVAILABLE.rank()
                    && o.state().rank() >= 0
                    && !o.state().failed();
        }
        return o.state().stable()
                && !o.state().failed()
                && o.state().rank() >= i.target().rank();
    }

    /** The node cannot get there without an operator (quarantined, or in maintenance short of the goal). */
    public static boolean unreachable(NodeObservation o) {
        return o.state() == LifecycleState.QUARANTINED || o.inMaintenance();
    }

    /** Why {@link #unreachable} holds, for the task's log. */
    public static String blocker(NodeObservation o) {
        return o.inMaintenance()
                ? "in maintenance: " + o.maintenance()
                : o.state().label() + " - " + o.reason();
    }
}
