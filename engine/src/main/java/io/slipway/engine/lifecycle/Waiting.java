package io.slipway.engine.lifecycle;

import java.util.ArrayList;
import java.util.List;

/** Plain-language reasons a node has no decision: the facts a transition rule is missing. */
final class Waiting {
    private Waiting() {}

    static List<String> reasons(NodeObservation o, NodeDesign d, NodeIntent i, InFlight running, List<Hold> holds) {
        List<String> out = new ArrayList<>();
        if (o == null) {
            out.add("no observed state: the node has not been enrolled");
            return out;
        }
        if (d == null) {
            out.add("no design facts: the node is not in the pinned design revision");
        }
        if (running != null) {
            out.add("step " + running.step().label() + " is running");
        }
        holds.forEach(h -> out.add("held by " + h.ruleId() + ": " + h.reason()));
        if (i == null) {
            out.add("no task asks anything of this node (state " + o.state().label() + ")");
        } else if (Goals.reached(o, i)) {
            out.add("goal reached: " + o.state().label()
                    + (i.destroy()
                            ? " after destroy"
                            : " satisfies target " + i.target().label()));
        } else if (out.isEmpty()) {
            out.add("no transition rule applies to state " + o.state().label() + " with target "
                    + i.target().label() + (i.destroy() ? " (destroy)" : "") + "; steps done: " + o.doneLabels());
        }
        return out;
    }
}
