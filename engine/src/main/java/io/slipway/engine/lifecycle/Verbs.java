package io.slipway.engine.lifecycle;

import java.util.ArrayList;
import java.util.List;

/** The operator verbs that apply to a node as it is, each as {@code "verb: what it does here"}. */
final class Verbs {
    private Verbs() {}

    static List<String> of(NodeObservation o, InFlight running) {
        List<String> out = new ArrayList<>();
        if (o == null) {
            return out;
        }
        if (o.state() == LifecycleState.QUARANTINED) {
            out.add("release: back to " + o.releaseTo().label() + " with a fresh retry budget (POST /nodes/" + o.node()
                    + "/release)");
        }
        if (running != null) {
            out.add("abort: stop " + running.step().label() + " now; the node is paused (POST /nodes/" + o.node()
                    + "/abort)");
        }
        if (o.inMaintenance()) {
            out.add("maintenance off: let steps run again (DELETE /nodes/" + o.node() + "/maintenance)");
        } else {
            out.add("maintenance on: only reads happen to the node (PUT /nodes/" + o.node() + "/maintenance)");
        }
        out.add(
                o.paused()
                        ? "resume: let the rules act again (POST /nodes/" + o.node() + "/resume)"
                        : "pause: stop automatic actions (POST /nodes/" + o.node() + "/pause)");
        return out;
    }
}
