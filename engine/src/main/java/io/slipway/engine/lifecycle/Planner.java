package io.slipway.engine.lifecycle;

import io.slipway.engine.rules.RuleSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out, without running anything, the ordered steps the lifecycle rules would take for some
 * nodes: each decided step is assumed to succeed and the rules are asked again. Uses a session of
 * its own, so the live engine is untouched. Blocking CPU work.
 */
public final class Planner {
    private Planner() {}

    public static Map<String, List<PlannedStep>> plan(
            RuleSet rules,
            Collection<NodeDesign> designs,
            Collection<NodeObservation> observations,
            Collection<NodeIntent> intents,
            int maxStepsPerNode) {
        return plan(rules, NodeDriverFacts.selfBooting(), designs, observations, intents, maxStepsPerNode);
    }

    /** The plan for the configured node driver ({@code driver} as the rules see it). */
    public static Map<String, List<PlannedStep>> plan(
            RuleSet rules,
            NodeDriverFacts driver,
            Collection<NodeDesign> designs,
            Collection<NodeObservation> observations,
            Collection<NodeIntent> intents,
            int maxStepsPerNode) {
        Map<String, List<PlannedStep>> plan = new LinkedHashMap<>();
        observations.forEach(o -> plan.put(o.node(), new ArrayList<>()));
        try (LifecycleEngine engine = new LifecycleEngine(rules, driver)) {
            designs.forEach(engine::put);
            observations.forEach(engine::put);
            intents.forEach(engine::put);
            for (int round = 0; round < maxStepsPerNode; round++) {
                if (!step(engine, plan)) {
                    break;
                }
            }
        }
        return plan;
    }

    /** Applies one round of decisions; false when the rules decided nothing. State changes go first. */
    private static boolean step(LifecycleEngine engine, Map<String, List<PlannedStep>> plan) {
        Decisions d = engine.decide();
        if (d.isEmpty()) {
            return false;
        }
        Set<String> moved = new HashSet<>();
        for (Advance a : d.advances()) {
            if (moved.add(a.node())) {
                plan.computeIfAbsent(a.node(), k -> new ArrayList<>())
                        .add(new PlannedStep(a.node(), null, a.to(), a.ruleId()));
                engine.put(engine.observation(a.node()).advanced(a.to()));
            }
        }
        for (Action a : d.actions()) {
            if (moved.add(a.node())) {
                plan.computeIfAbsent(a.node(), k -> new ArrayList<>())
                        .add(new PlannedStep(a.node(), a.step(), null, a.ruleId()));
                engine.put(engine.observation(a.node()).succeeded(a.step()));
            }
        }
        return true;
    }
}
