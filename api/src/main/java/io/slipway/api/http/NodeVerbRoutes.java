package io.slipway.api.http;

import io.slipway.engine.Engine;
import io.slipway.engine.lifecycle.NodeObservation;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The operator's way out of every state (Ironic's vocabulary): release from quarantine,
 * maintenance on and off, abort of the running step, confirm and reject of a manual BMC request.
 * Each needs the leader's engine (503 on a standby), answers 404 for an unknown node and 409 when
 * the verb does not apply to the node as it is now.
 */
final class NodeVerbRoutes {
    private static final String NODE = "/api/v1.0/nodes/:hostname";
    private final ApiContext api;

    NodeVerbRoutes(ApiContext api) {
        this.api = api;
    }

    void mount(Router r) {
        r.post(NODE + "/release")
                .handler(api.guard().apply("slipway:release_node"))
                .handler(ctx ->
                        state(ctx, engine(ctx).release(Bodies.hostname(ctx), reason(ctx), Bodies.principal(ctx))));
        r.put(NODE + "/maintenance")
                .handler(api.guard().apply("slipway:maintain_node"))
                .handler(ctx -> state(
                        ctx, engine(ctx).maintenance(Bodies.hostname(ctx), true, reason(ctx), Bodies.principal(ctx))));
        r.delete(NODE + "/maintenance")
                .handler(api.guard().apply("slipway:maintain_node"))
                .handler(ctx -> state(
                        ctx,
                        engine(ctx)
                                .maintenance(
                                        Bodies.hostname(ctx),
                                        false,
                                        ctx.queryParams().get("reason"),
                                        Bodies.principal(ctx))));
        r.post(NODE + "/abort")
                .handler(api.guard().apply("slipway:abort_step"))
                .handler(ctx -> reply(
                        ctx,
                        engine(ctx)
                                .abort(Bodies.hostname(ctx), reason(ctx), Bodies.principal(ctx))
                                .map(s -> base(ctx).put("aborted", s.label()))));
        r.post(NODE + "/confirm")
                .handler(api.guard().apply("slipway:confirm_manual"))
                .handler(ctx -> reply(
                        ctx,
                        engine(ctx)
                                .answer(Bodies.hostname(ctx), true, null, Bodies.principal(ctx))
                                .map(d -> base(ctx).put("confirmed", d))));
        r.post(NODE + "/reject")
                .handler(api.guard().apply("slipway:confirm_manual"))
                .handler(ctx -> reply(
                        ctx,
                        engine(ctx)
                                .answer(Bodies.hostname(ctx), false, reason(ctx), Bodies.principal(ctx))
                                .map(d -> base(ctx).put("rejected", d))));
    }

    private Engine engine(RoutingContext ctx) {
        Engine engine = api.engine();
        if (engine == null) {
            throw new ApiException(503, "operator verbs on nodes are answered by the leading instance");
        }
        return engine;
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

    private static void state(RoutingContext ctx, Future<NodeObservation> change) {
        reply(
                ctx,
                change.map(o -> base(ctx)
                        .put("state", o.state().label())
                        .put("maintenance", o.maintenance())
                        .put("paused", o.paused())
                        .put("failures", o.failures())));
    }

    private static void reply(RoutingContext ctx, Future<JsonObject> answer) {
        answer.recover(e -> Future.failedFuture(mapped(e)))
                .onSuccess(json -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end(json.encode()))
                .onFailure(ctx::fail);
    }

    private static Throwable mapped(Throwable e) {
        if (e instanceof IllegalArgumentException
                && e.getMessage() != null
                && e.getMessage().endsWith("is not known")) {
            return ApiException.notFound(e.getMessage());
        }
        return e instanceof IllegalStateException ? new ApiException(409, e.getMessage()) : e;
    }
}
