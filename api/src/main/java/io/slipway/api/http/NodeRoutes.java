package io.slipway.api.http;

import io.slipway.engine.lifecycle.Explanation;
import io.slipway.engine.lifecycle.PlannedStep;
import io.slipway.engine.orchestrator.Actions;
import io.slipway.engine.orchestrator.NodeFilterJson;
import io.slipway.store.NodeEvent;
import io.slipway.store.NodeState;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/** Nodes: state, explain, timeline, build data; and {@code POST /plan}. */
final class NodeRoutes {
    private final ApiContext api;

    NodeRoutes(ApiContext api) {
        this.api = api;
    }

    void mount(Router r) {
        r.get("/api/v1.0/nodes")
                .handler(api.guard().apply("physical_provisioner:read_data"))
                .handler(this::list);
        r.get("/api/v1.0/nodes/:hostname")
                .handler(api.guard().apply("slipway:read_node"))
                .handler(this::one);
        r.get("/api/v1.0/nodes/:hostname/explain")
                .handler(api.guard().apply("slipway:explain"))
                .handler(this::explain);
        r.get("/api/v1.0/nodes/:hostname/timeline")
                .handler(api.guard().apply("slipway:read_node"))
                .handler(this::timeline);
        r.get("/api/v1.0/nodes/:hostname/builddata")
                .handler(api.guard().apply("physical_provisioner:read_build_data"))
                .handler(this::buildData);
        r.post("/api/v1.0/plan").handler(api.guard().apply("slipway:plan")).handler(this::plan);
        r.post("/api/v1.0/nodes/:hostname/pause")
                .handler(api.guard().apply("slipway:manage_node"))
                .handler(ctx -> pause(ctx, true));
        r.post("/api/v1.0/nodes/:hostname/resume")
                .handler(api.guard().apply("slipway:manage_node"))
                .handler(ctx -> pause(ctx, false));
    }

    private void list(RoutingContext ctx) {
        api.store()
                .nodes()
                .list()
                .onSuccess(nodes -> {
                    JsonArray out = new JsonArray();
                    nodes.forEach(n -> out.add(json(n)));
                    ctx.response().putHeader("Content-Type", "application/json").end(out.encode());
                })
                .onFailure(ctx::fail);
    }

    private void one(RoutingContext ctx) {
        String host = Bodies.hostname(ctx);
        api.store()
                .nodes()
                .find(host)
                .recover(e -> Future.failedFuture(Bodies.notFoundAs(e, "node " + host + " is not known")))
                .compose(n -> api.store()
                        .buildData()
                        .latest(host)
                        .map(data -> json(n).put("deployed_from", deployedFrom(data))))
                .onSuccess(j -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end(j.encode()))
                .onFailure(ctx::fail);
    }

    /** The image (name, sha256) and design revision of the node's last deployment, from its build data; null when none. */
    static JsonObject deployedFrom(List<io.slipway.store.BuildData> data) {
        return data.stream()
                .filter(b -> "deployment".equals(b.generator()))
                .findFirst()
                .map(b -> {
                    JsonObject d = new JsonObject(b.data());
                    return new JsonObject()
                            .put("image", d.getString("image"))
                            .put("sha256", d.getString("sha256"))
                            .put("design_revision", d.getLong("design_revision"))
                            .put(
                                    "collected",
                                    b.collected() == null ? null : b.collected().toString());
                })
                .orElse(null);
    }

    private void explain(RoutingContext ctx) {
        String host = Bodies.hostname(ctx);
        io.slipway.engine.Engine engine = api.engine();
        if (engine == null) {
            throw new ApiException(503, "explain is answered by the leading instance");
        }
        engine.explain(host)
                .onSuccess(e -> {
                    if (e.observed() == null) {
                        ctx.fail(ApiException.notFound("node " + host + " is not known"));
                        return;
                    }
                    ctx.response()
                            .putHeader("Content-Type", "application/json")
                            .end(explanation(e).encode());
                })
                .onFailure(ctx::fail);
    }

    /** An operator stops (or restarts) automatic actions on a node, drift correction included. */
    private void pause(RoutingContext ctx, boolean paused) {
        String host = Bodies.hostname(ctx);
        io.slipway.engine.Engine engine = api.engine();
        if (engine == null) {
            throw new ApiException(503, "nodes are paused through the leading instance");
        }
        engine.pause(host, paused)
                .recover(e -> Future.failedFuture(
                        e instanceof IllegalArgumentException ? ApiException.notFound(e.getMessage()) : e))
                .onSuccess(o -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("hostname", host)
                                .put("state", o.state().label())
                                .put("paused", o.paused())
                                .encode()))
                .onFailure(ctx::fail);
    }

    private void timeline(RoutingContext ctx) {
        String host = Bodies.hostname(ctx);
        long after = Bodies.intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
        api.store()
                .nodes()
                .timeline(host, after, Bodies.intParam(ctx, "limit", 200, 1, 1000))
                .onSuccess(events -> {
                    JsonArray out = new JsonArray();
                    for (NodeEvent e : events) {
                        out.add(new JsonObject()
                                .put("seq", e.seq())
                                .put("ts", e.ts() == null ? null : e.ts().toString())
                                .put("kind", e.kind())
                                .put("from", e.fromState())
                                .put("to", e.toState())
                                .put(
                                        "task_id",
                                        e.taskId() == null ? null : e.taskId().toString())
                                .put("detail", e.detail())
                                .put("extra", e.extra()));
                    }
                    ctx.response().putHeader("Content-Type", "application/json").end(out.encode());
                })
                .onFailure(ctx::fail);
    }

    private void buildData(RoutingContext ctx) {
        String host = Bodies.hostname(ctx);
        boolean latest = "true".equalsIgnoreCase(ctx.queryParams().get("latest"));
        (latest ? api.store().buildData().latest(host) : api.store().buildData().history(host))
                .onSuccess(list -> {
                    if (list.isEmpty()) {
                        ctx.fail(ApiException.notFound("No build data found for " + host));
                        return;
                    }
                    ctx.response()
                            .putHeader("Content-Type", "application/json")
                            .end(BuildDataJson.list(list).encode());
                })
                .onFailure(ctx::fail);
    }

    private void plan(RoutingContext ctx) {
        JsonObject body = Bodies.object(ctx);
        Object action = body.getValue("action");
        if (!(action instanceof String a) || !Actions.isNodeAction(a)) {
            throw ApiException.badRequest("action must be one of " + Actions.NODE_ACTIONS);
        }
        io.slipway.engine.Engine engine = api.engine();
        if (engine == null) {
            throw new ApiException(503, "plans are answered by the leading instance");
        }
        Object filter = body.getValue("node_filter");
        if (filter != null && !(filter instanceof JsonObject)) {
            throw ApiException.badRequest("node_filter must be an object");
        }
        NodeFilterJson.parse((JsonObject) filter);
        Object ref = body.getValue("design_ref");
        boolean stored = ref instanceof String s && s.trim().matches("(revision:)?\\d{1,18}");
        (stored
                        ? Designs.resolve(api, ctx, ref, "physical_provisioner:" + a)
                                .compose(rev -> engine.plan(a, rev.id(), (JsonObject) filter))
                        : Designs.read(api, ctx, ref, "physical_provisioner:" + a)
                                .compose(text -> engine.plan(a, text, (JsonObject) filter)))
                .onSuccess(plan -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end(plan(plan).encode()))
                .onFailure(ctx::fail);
    }

    static JsonObject plan(Map<String, List<PlannedStep>> plan) {
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

    static JsonObject json(NodeState n) {
        return new JsonObject()
                .put("hostname", n.nodeName())
                .put("state", n.lifecycleState())
                .put("power_state", n.power())
                .put("boot_device", n.bootDevice())
                .put("last_error", n.lastError())
                .put("retry_budget", n.retryBudget())
                .put("progress", n.progress())
                .put("updated", n.updated() == null ? null : n.updated().toString())
                .put("driver_id", driverId(n.progress().getJsonObject(io.slipway.engine.dispatch.Provenance.KEY)));
    }

    /** The drivers the node's state was observed through ({@code lab (simulated)} for the simulators). */
    static String driverId(JsonObject stamp) {
        if (stamp == null) {
            return null;
        }
        String id = stamp.getString("id");
        return stamp.getBoolean("simulated", false) && id != null && !id.contains("simulated")
                ? id + " (simulated)"
                : id;
    }

    static JsonObject explanation(Explanation e) {
        JsonObject o = new JsonObject()
                .put("hostname", e.node())
                .put("state", e.observed().state().label())
                .put("power", e.observed().powerLabel())
                .put("steps_done", new JsonArray(e.observed().doneLabels()))
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
        o.put(
                "decisions",
                new JsonArray(e.actions().stream()
                        .map(a -> new JsonObject()
                                .put("rule", a.ruleId())
                                .put("step", a.step().label())
                                .put("reason", a.reason()))
                        .toList()));
        e.advances()
                .forEach(a -> o.getJsonArray("decisions")
                        .add(new JsonObject()
                                .put("rule", a.ruleId())
                                .put("state", a.to().label())
                                .put("reason", a.reason())));
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
