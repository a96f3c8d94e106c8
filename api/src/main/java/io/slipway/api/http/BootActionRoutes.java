package io.slipway.api.http;

import io.slipway.engine.bootaction.BootActionBundle;
import io.slipway.engine.bootaction.BootActionService;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * Nodes fetch their boot-action archives and report their boot actions, authenticated by their own
 * {@code X-Bootaction-Key} (not by API tokens). Every failure is a typed 4xx, never a 500.
 */
final class BootActionRoutes {
    static final String KEY_HEADER = "X-Bootaction-Key";
    private final ApiContext api;
    private final BootActionService service;

    BootActionRoutes(ApiContext api, BootActionService service) {
        this.api = api;
        this.service = service;
    }

    void mount(ApiRouter drydock) {
        String node = "/api/v1.0/bootactions/nodes/:hostname";
        drydock.route(HttpMethod.GET, node + "/units").respond(ctx -> fetch(ctx, BootActionBundle.Kind.UNITS));
        drydock.route(HttpMethod.GET, node + "/files").respond(ctx -> fetch(ctx, BootActionBundle.Kind.FILES));
        drydock.route(HttpMethod.POST, "/api/v1.0/bootactions/:action_id").respond(this::report);
    }

    private Future<Buffer> fetch(RoutingContext ctx, BootActionBundle.Kind kind) {
        String host = Bodies.hostname(ctx);
        return service.fetch(host, ctx.request().getHeader(KEY_HEADER), kind).map(b -> {
            ctx.response()
                    .putHeader("Content-Type", BootActionBundle.CONTENT_TYPE)
                    .putHeader("Content-Disposition", "attachment; filename=\"" + b.fileName() + "\"");
            return Buffer.buffer(b.data());
        });
    }

    private Future<JsonObject> report(RoutingContext ctx) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("action_id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("boot action " + ctx.pathParam("action_id") + " does not exist");
        }
        JsonObject body = Bodies.object(ctx);
        for (String k : body.fieldNames()) {
            if (!k.equals("status") && !k.equals("details")) {
                throw ApiException.badRequest("Error processing body: unknown field " + k);
            }
        }
        if (body.getValue("status") != null && !(body.getValue("status") instanceof String)) {
            throw ApiException.badRequest("Error processing body: status must be a string");
        }
        String status = body.getString("status");
        if (status == null) {
            // Without a status there is nothing to record, and no key would be checked: refuse.
            throw ApiException.badRequest("Error processing body: status is required");
        }
        return api.store()
                .bootActions()
                .action(id)
                .recover(e -> Future.failedFuture(Bodies.notFoundAs(e, "boot action " + id + " does not exist")))
                .compose(a -> service.report(
                        a.nodeName(), id, status.toLowerCase(), ctx.request().getHeader(KEY_HEADER)))
                .map(a -> new JsonObject()
                        .put("node_name", a.nodeName())
                        .put("action_id", a.actionId().toString())
                        .put("action_name", a.actionName())
                        .put("task_id", a.taskId() == null ? null : a.taskId().toString())
                        .put("action_status", a.status()));
    }
}
