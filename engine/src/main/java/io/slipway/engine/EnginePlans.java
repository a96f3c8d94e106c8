package io.slipway.engine;

import io.slipway.engine.dispatch.NodeRuntime;
import io.slipway.engine.effective.EffectiveNode;
import io.slipway.engine.effective.NodeFilters;
import io.slipway.engine.lifecycle.NodeIntent;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.lifecycle.PlannedStep;
import io.slipway.engine.lifecycle.Planner;
import io.slipway.engine.orchestrator.Actions;
import io.slipway.engine.orchestrator.NodeFilterJson;
import io.slipway.engine.site.SiteModel;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Dry runs: the steps the rules would take for an action, from the nodes' current observations. */
final class EnginePlans {
    private EnginePlans() {}

    /**
     * The planned steps per node selected by {@code nodeFilter} in {@code site}, nothing run or
     * written. Fails {@link IllegalArgumentException} naming what the filter names that {@code where}
     * does not have. Call on the engine's context (it reads the rule session).
     */
    static Map<String, List<PlannedStep>> plan(
            NodeRuntime runtime, String action, SiteModel site, JsonObject nodeFilter, String where) {
        List<String> unknown = NodeFilters.unknownNames(
                NodeFilterJson.parse(nodeFilter), site.design().nodes());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("node_filter: " + String.join(", ", unknown) + " in " + where);
        }
        List<String> nodes =
                NodeFilters.select(
                                NodeFilterJson.parse(nodeFilter), site.design().nodes(), Map.of())
                        .stream()
                        .map(EffectiveNode::name)
                        .toList();
        List<NodeObservation> observed = new ArrayList<>();
        List<NodeIntent> intents = new ArrayList<>();
        for (String n : nodes) {
            NodeObservation o = runtime.observation(n);
            observed.add(o != null ? o : NodeObservation.enrolled(n, 1));
            intents.add(Actions.intent(action, n, "plan"));
        }
        return Planner.plan(
                runtime.session().rules(),
                runtime.session().driverFacts(),
                nodes.stream().map(site.nodeDesigns()::get).toList(),
                observed,
                intents,
                64);
    }
}
