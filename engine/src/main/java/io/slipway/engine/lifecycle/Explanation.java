package io.slipway.engine.lifecycle;

import java.util.List;

/**
 * Why a node is where it is and what happens next: its facts, the decisions rules reached for it
 * (with rule ids), the guards holding it, and, when nothing is decided, what is missing.
 */
public record Explanation(
    String node, NodeObservation observed, NodeDesign design, NodeIntent intent, InFlight inFlight,
    List<Action> actions, List<Advance> advances, List<Hold> holds, List<String> waiting) {}
