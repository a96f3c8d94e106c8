package io.slipway.api.http;

import io.slipway.engine.Engine;
import io.slipway.engine.orchestrator.Actions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/v1.0/plan}: the steps the leader's rules would take for a node action on a design,
 * without running anything. A node filter naming what the design does not have is a 400 naming it (the
 * engine's documented {@link IllegalArgumentException}).
 */
final class PlanRoutes {
    private final ApiContext api;

    PlanRoutes(ApiContext api) {
        this.api = api;
    }

    void mount(ApiRouter own) {
        own.post("/api/v1.0/plan", "slipway:plan")
                .handler(LeaderOnly.handler(api, "plans are answered by the leading instance"))
                .respond(this::plan);
    }

    private Future<JsonObject> plan(RoutingContext ctx) {
        JsonObject body = Bodies.object(ctx);
        Object action = body.getValue("action");
        if (!(action instanceof String a) || !Actions.isNodeAction(a)) {
            throw ApiException.badRequest("action must be one of " + Actions.NODE_ACTIONS);
        }
        JsonObject filter = Bodies.nodeFilter(body);
        Engine engine = LeaderOnly.engine(ctx);
        Object ref = body.getValue("design_ref");
        boolean stored = ref instanceof String s && s.trim().matches("(revision:)?\\d{1,18}");
        String purpose = "physical_provisioner:" + a;
        return (stored
                        ? Designs.resolve(api, ctx, ref, purpose).compose(rev -> engine.plan(a, rev.id(), filter))
                        : Designs.read(api, ctx, ref, purpose).compose(text -> engine.plan(a, text, filter)))
                .recover(e -> Future.failedFuture(Bodies.badRequestIf(e)))
                .map(ExplanationJson.PLAN::encode);
    }
}
