package io.slipway.api.http;

import io.slipway.engine.lifecycle.Explanation;
import io.slipway.engine.lifecycle.PlannedStep;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the engine's answers about nodes: an explanation and a plan. Pure; thread-safe. */
final class ExplanationJson {
    /** Why a node is where it is: observed facts, intent, decisions, holds, what it waits for, its verbs. */
    static final JsonCodec<Explanation> EXPLANATION = ExplanationJson::explanation;

    /** Per node, the steps (or state changes) the rules would take, with the rule behind each. */
    static final JsonCodec<Map<String, List<PlannedStep>>> PLAN = ExplanationJson::plan;

    private ExplanationJson() {}

    private static JsonObject plan(Map<String, List<PlannedStep>> plan) {
        JsonObject out = new JsonObject();
        plan.forEach((node, steps) -> out.put(
                node,
                new JsonArray(steps.stream()
                        .map(s -> s.step() != null
                                ? new JsonObject().put("step", s.step().label()).put("rule", s.ruleId())
                                : new JsonObject().put("state", s.to().label()).put("rule", s.ruleId()))
                        .toList())));
        return out;
    }

    private static JsonObject explanation(Explanation e) {
        JsonObject o = new JsonObject()
                .put("hostname", e.node())
                .put("state", e.observed().state().label())
                .put("power", e.observed().power())
                .put("steps_done", new JsonArray(List.copyOf(e.observed().done())))
                .put("failures", e.observed().failures())
                .put("reason", e.observed().reason())
                .put("paused", e.observed().paused());
        if (e.intent() != null) {
            o.put(
                    "intent",
                    new JsonObject()
                            .put("target", e.intent().target().label())
                            .put("destroy", e.intent().destroy())
                            .put("relabel", e.intent().relabel())
                            .put("task_id", e.intent().taskId()));
        }
        o.put("running", e.inFlight() == null ? null : e.inFlight().step().label());
        JsonArray decisions = new JsonArray(e.actions().stream()
                .map(a -> new JsonObject()
                        .put("rule", a.ruleId())
                        .put("step", a.step().label())
                        .put("reason", a.reason()))
                .toList());
        e.advances()
                .forEach(a -> decisions.add(new JsonObject()
                        .put("rule", a.ruleId())
                        .put("state", a.to().label())
                        .put("reason", a.reason())));
        o.put("decisions", decisions);
        o.put(
                "holds",
                new JsonArray(e.holds().stream()
                        .map(h -> new JsonObject()
                                .put("rule", h.ruleId())
                                .put("scope", h.scope())
                                .put("reason", h.reason()))
                        .toList()));
        o.put("waiting", new JsonArray(e.waiting()));
        o.put("maintenance", e.observed().maintenance());
        o.put("verbs", new JsonArray(e.verbs()));
        return o;
    }
}
