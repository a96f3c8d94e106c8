package io.slipway.api.http;

import io.slipway.engine.lifecycle.NodeObservation;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * The operator's way out of every state (Ironic's vocabulary): pause and resume of automatic actions,
 * release from quarantine, maintenance on and off, abort of the running step, confirm and reject of a
 * manual BMC request. Each needs the leader's engine (503 on a standby). The engine's documented refusals
 * are translated here: an unknown node ({@link IllegalArgumentException} naming it "not known") is 404,
 * other bad arguments 400, a verb that does not apply to the node as it is now ({@link
 * IllegalStateException}) 409.
 */
final class NodeVerbRoutes {
    private static final String NODE = "/api/v1.0/nodes/:hostname";
    private final ApiContext api;

    NodeVerbRoutes(ApiContext api) {
        this.api = api;
    }

    void mount(ApiRouter r) {
        verb(r, HttpMethod.POST, "/pause", "slipway:manage_node", "nodes are paused through the leading instance")
                .respond(ctx -> paused(ctx, true));
        verb(r, HttpMethod.POST, "/resume", "slipway:manage_node", "nodes are paused through the leading instance")
                .respond(ctx -> paused(ctx, false));
        verb(r, HttpMethod.POST, "/release", "slipway:release_node", null)
                .respond(ctx -> state(
                        ctx, LeaderOnly.engine(ctx).release(Bodies.hostname(ctx), reason(ctx), Bodies.principal(ctx))));
        verb(r, HttpMethod.PUT, "/maintenance", "slipway:maintain_node", null)
                .respond(ctx -> state(
                        ctx,
                        LeaderOnly.engine(ctx)
                                .maintenance(Bodies.hostname(ctx), true, reason(ctx), Bodies.principal(ctx))));
        verb(r, HttpMethod.DELETE, "/maintenance", "slipway:maintain_node", null)
                .respond(ctx -> state(
                        ctx,
                        LeaderOnly.engine(ctx)
                                .maintenance(
                                        Bodies.hostname(ctx),
                                        false,
                                        ctx.queryParams().get("reason"),
                                        Bodies.principal(ctx))));
        verb(r, HttpMethod.POST, "/abort", "slipway:abort_step", null)
                .respond(ctx -> refused(LeaderOnly.engine(ctx)
                        .abort(Bodies.hostname(ctx), reason(ctx), Bodies.principal(ctx))
                        .map(s -> base(ctx).put("aborted", s.label()))));
        verb(r, HttpMethod.POST, "/confirm", "slipway:confirm_manual", null)
                .respond(ctx -> refused(LeaderOnly.engine(ctx)
                        .answer(Bodies.hostname(ctx), true, null, Bodies.principal(ctx))
                        .map(d -> base(ctx).put("confirmed", d))));
        verb(r, HttpMethod.POST, "/reject", "slipway:confirm_manual", null)
                .respond(ctx -> refused(LeaderOnly.engine(ctx)
                        .answer(Bodies.hostname(ctx), false, reason(ctx), Bodies.principal(ctx))
                        .map(d -> base(ctx).put("rejected", d))));
    }

    private Route verb(ApiRouter r, HttpMethod method, String suffix, String permission, String refusal) {
        return r.route(method, NODE + suffix, permission)
                .handler(LeaderOnly.handler(
                        api,
                        refusal == null ? "operator verbs on nodes are answered by the leading instance" : refusal));
    }

    /** An operator stops (or restarts) automatic actions on a node, drift correction included. */
    private static Future<JsonObject> paused(RoutingContext ctx, boolean paused) {
        String host = Bodies.hostname(ctx);
        return LeaderOnly.engine(ctx)
                .pause(host, paused)
                .recover(e -> Future.failedFuture(
                        e instanceof IllegalArgumentException ? ApiException.notFound(e.getMessage()) : e))
                .map(o -> new JsonObject()
                        .put("hostname", host)
                        .put("state", o.state().label())
                        .put("paused", o.paused()));
    }

    /** The optional {@code reason} of the request body. */
    private static String reason(RoutingContext ctx) {
        if (Bodies.empty(ctx)) {
            return null;
        }
        Object r = Bodies.object(ctx).getValue("reason");
        if (r != null && !(r instanceof String)) {
            throw ApiException.badRequest("reason must be a string");
        }
        return (String) r;
    }

    private static JsonObject base(RoutingContext ctx) {
        return new JsonObject().put("hostname", Bodies.hostname(ctx));
    }

    private static Future<JsonObject> state(RoutingContext ctx, Future<NodeObservation> change) {
        return refused(change.map(o -> base(ctx)
                .put("state", o.state().label())
                .put("maintenance", o.maintenance())
                .put("paused", o.paused())
                .put("failures", o.failures())));
    }

    private static Future<JsonObject> refused(Future<JsonObject> answer) {
        return answer.recover(e -> Future.failedFuture(translated(e)));
    }

    private static Throwable translated(Throwable e) {
        if (e instanceof IllegalArgumentException) {
            String m = e.getMessage();
            return m != null && m.endsWith("is not known") ? ApiException.notFound(m) : ApiException.badRequest(m);
        }
        return e instanceof IllegalStateException ? ApiException.conflict(e.getMessage()) : e;
    }
}
