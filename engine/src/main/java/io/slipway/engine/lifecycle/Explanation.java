package io.slipway.engine.lifecycle;

import java.util.List;

/**
 * Why a node is where it is and what happens next: its facts, the decisions rules reached for it
 * (with rule ids), the guards holding it, when nothing is decided what is missing, and the
 * operator verbs that apply to it now ({@code "release: ..."}).
 */
public record Explanation(
        String node,
        NodeObservation observed,
        NodeDesign design,
        NodeIntent intent,
        InFlight inFlight,
        List<Action> actions,
        List<Advance> advances,
        List<Hold> holds,
        List<String> waiting,
        List<String> verbs) {

    public Explanation {
        verbs = List.copyOf(verbs);
    }

    /** The same explanation with {@code more} operator verbs added. */
    public Explanation withVerbs(List<String> more) {
        List<String> all = new java.util.ArrayList<>(verbs);
        all.addAll(more);
        return new Explanation(node, observed, design, intent, inFlight, actions, advances, holds, waiting, all);
    }
}
