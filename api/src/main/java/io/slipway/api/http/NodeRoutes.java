package io.slipway.api.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Reading nodes: Drydock's node list and build data; Slipway's one node, its timeline and the leader's
 * explanation of it.
 */
final class NodeRoutes {
    private static final String NODE = "/api/v1.0/nodes/:hostname";
    private final ApiContext api;

    NodeRoutes(ApiContext api) {
        this.api = api;
    }

    /** Drydock's node routes: the node list and a node's build data. */
    void mountDrydock(ApiRouter drydock) {
        drydock.get("/api/v1.0/nodes", "physical_provisioner:read_data")
                .respond(ctx -> api.store().nodes().list().map(NodeJson.STATE::list));
        drydock.get(NODE + "/builddata", "physical_provisioner:read_build_data").respond(this::buildData);
    }

    /** Slipway's node routes: one node, its timeline and the leader's explanation. */
    void mountOwn(ApiRouter own) {
        own.get(NODE, "slipway:read_node").respond(this::one);
        own.get(NODE + "/timeline", "slipway:read_node").respond(this::timeline);
        own.get(NODE + "/explain", "slipway:explain")
                .handler(LeaderOnly.handler(api, "explain is answered by the leading instance"))
                .respond(this::explain);
    }

    private Future<JsonObject> one(RoutingContext ctx) {
        String host = Bodies.hostname(ctx);
        return api.store()
                .nodes()
                .find(host)
                .recover(e -> Future.failedFuture(Bodies.notFoundAs(e, "node " + host + " is not known")))
                .compose(n -> api.store()
                        .buildData()
                        .latest(host)
                        .map(data -> NodeJson.STATE.encode(n).put("deployed_from", NodeJson.deployedFrom(data))));
    }

    private Future<JsonObject> explain(RoutingContext ctx) {
        String host = Bodies.hostname(ctx);
        return LeaderOnly.engine(ctx)
                .explain(host)
                .compose(e -> e.observed() == null
                        ? Future.failedFuture(ApiException.notFound("node " + host + " is not known"))
                        : Future.succeededFuture(ExplanationJson.EXPLANATION.encode(e)));
    }

    private Future<io.vertx.core.json.JsonArray> timeline(RoutingContext ctx) {
        String host = Bodies.hostname(ctx);
        long after = Bodies.intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
        return api.store()
                .nodes()
                .timeline(host, after, Bodies.intParam(ctx, "limit", 200, 1, 1000))
                .map(NodeJson.EVENT::list);
    }

    private Future<io.vertx.core.json.JsonArray> buildData(RoutingContext ctx) {
        String host = Bodies.hostname(ctx);
        boolean latest = "true".equalsIgnoreCase(ctx.queryParams().get("latest"));
        return (latest
                        ? api.store().buildData().latest(host)
                        : api.store().buildData().history(host))
                .compose(list -> list.isEmpty()
                        ? Future.failedFuture(ApiException.notFound("No build data found for " + host))
                        : Future.succeededFuture(BuildDataJson.list(list)));
    }
}
