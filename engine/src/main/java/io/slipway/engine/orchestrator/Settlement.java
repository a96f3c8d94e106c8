package io.slipway.engine.orchestrator;

import io.slipway.engine.lifecycle.Goals;
import io.slipway.engine.lifecycle.NodeIntent;
import io.slipway.engine.lifecycle.NodeObservation;
import java.util.function.Consumer;

/**
 * Decides when a node is done with its task: its goal reached (success) or out of reach (failure),
 * or an operator took it out. A settled node is released (reservation and intent) and recorded by
 * the {@link SubtaskTracker}; when it was its task's last node, {@code onSettled} gets the task.
 * Confined to the orchestrator's context.
 */
final class Settlement {
    private final SubtaskTracker tracker;
    private final Reservations reservations;
    private final TaskNodes nodes;
    private final Consumer<NodeTask> onSettled;

    Settlement(SubtaskTracker tracker, Reservations reservations, TaskNodes nodes, Consumer<NodeTask> onSettled) {
        this.tracker = tracker;
        this.reservations = reservations;
        this.nodes = nodes;
        this.onSettled = onSettled;
    }

    /** A node's observation changed: settles it in the task holding it when its goal is decided. */
    void changed(NodeObservation o) {
        NodeTask nt = tracker.get(reservations.holder(o.node()));
        if (nt != null) {
            settleIfDone(nt, o);
        }
    }

    /** The node settles as failed with {@code why} and loses its intent; no-op when no task holds it. */
    void abandon(String node, String why) {
        NodeTask nt = tracker.get(reservations.holder(node));
        if (nt != null && nt.pending.contains(node)) {
            settle(nt, node, false, node + ": " + why);
        } else {
            nodes.clearIntent(node);
        }
    }

    /** Settles {@code node} of {@code nt} when its current observation decides its goal. */
    void settleIfDone(NodeTask nt, String node) {
        settleIfDone(nt, nodes.observation(node));
    }

    /** The node leaves its task: its reservation goes, and its intent when the task set it. */
    void release(NodeTask nt, String node) {
        reservations.release(node, nt.id());
        NodeIntent intent = nodes.intent(node);
        if (intent != null && intent.taskId().equals(nt.id().toString())) {
            nodes.clearIntent(node);
        }
    }

    private void settleIfDone(NodeTask nt, NodeObservation o) {
        NodeIntent intent = o == null ? null : nodes.intent(o.node());
        if (intent == null || !nt.pending.contains(o.node())) {
            return;
        }
        if (Goals.reached(o, intent)) {
            settle(nt, o.node(), true, o.node() + ": " + o.state().label());
        } else if (Goals.unreachable(o)) {
            settle(nt, o.node(), false, o.node() + ": " + Goals.blocker(o));
        }
    }

    private void settle(NodeTask nt, String node, boolean ok, String message) {
        release(nt, node);
        tracker.settle(nt, node, ok, message);
        if (nt.settled()) {
            onSettled.accept(nt);
        }
    }
}
