package io.slipway.api.http;

import io.slipway.engine.design.DesignShape;
import io.slipway.engine.design.SourceText;
import io.slipway.engine.effective.EffectiveCompiler;
import io.slipway.engine.effective.EffectiveNode;
import io.slipway.engine.effective.NodeFilters;
import io.slipway.engine.orchestrator.NodeFilterJson;
import io.slipway.engine.validation.DesignValidation;
import io.slipway.store.DesignRevision;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Designs: upload and read revisions, validate a design, evaluate a node filter. */
final class DesignRoutes {
    private static final String INGEST = "physical_provisioner:ingest_data";
    private final ApiContext api;

    DesignRoutes(ApiContext api) {
        this.api = api;
    }

    void mount(Router r) {
        r.post("/api/v1.0/validatedesign")
                .handler(api.guard().apply("physical_provisioner:validate_site_design"))
                .handler(this::validate);
        r.post("/api/v1.0/nodefilter")
                .handler(api.guard().apply("physical_provisioner:read_data"))
                .handler(this::nodeFilter);
        r.post("/api/v1.0/designs")
                .handler(api.guard().apply("physical_provisioner:ingest_data"))
                .handler(this::upload);
        r.get("/api/v1.0/designs")
                .handler(api.guard().apply("physical_provisioner:read_data"))
                .handler(this::list);
        r.get("/api/v1.0/designs/:id")
                .handler(api.guard().apply("physical_provisioner:read_data"))
                .handler(this::read);
        r.get("/api/v1.0/designs/:id/parts")
                .handler(api.guard().apply("physical_provisioner:read_data"))
                .handler(this::parts);
        r.get("/api/v1.0/designs/:id/parts/:kind")
                .handler(api.guard().apply("physical_provisioner:read_data"))
                .handler(this::parts);
        r.get("/api/v1.0/designs/:id/parts/:kind/:name")
                .handler(api.guard().apply("physical_provisioner:read_data"))
                .handler(this::parts);
    }

    private void validate(RoutingContext ctx) {
        JsonObject body = Bodies.object(ctx);
        if (!body.containsKey("href")) {
            throw ApiException.badRequest("The \"href\" key must be provided in the request body.");
        }
        Designs.read(api, ctx, body.getValue("href"), INGEST)
                .compose(text -> api.vertx()
                        .executeBlocking(
                                () -> new DesignValidation(api.loader(), api.validationRules())
                                        .validate(List.of(text))
                                        .report()
                                        .toStatus(),
                                false))
                .onSuccess(status -> ctx.response()
                        .setStatusCode((Integer) status.get("code"))
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject(status).encode()))
                .onFailure(ctx::fail);
    }

    private void nodeFilter(RoutingContext ctx) {
        JsonObject body = Bodies.object(ctx);
        if (!body.containsKey("design_ref")) {
            throw ApiException.badRequest("Missing input required value: design_ref");
        }
        Object filter = body.getValue("node_filter");
        if (filter != null && !(filter instanceof JsonObject)) {
            throw ApiException.badRequest("node_filter must be an object");
        }
        var set = NodeFilterJson.parse((JsonObject) filter);
        Designs.read(api, ctx, body.getValue("design_ref"), INGEST)
                .compose(text -> api.vertx()
                        .executeBlocking(
                                () -> {
                                    var design = new EffectiveCompiler()
                                            .compile(api.loader().parse(List.of(text)));
                                    return new JsonArray(NodeFilters.select(set, design.nodes(), Map.of()).stream()
                                            .map(EffectiveNode::name)
                                            .toList());
                                },
                                false))
                .onSuccess(names -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end(names.encode()))
                .onFailure(ctx::fail);
    }

    private void upload(RoutingContext ctx) {
        String ct = String.valueOf(ctx.request().getHeader("Content-Type")).toLowerCase();
        Future<DesignRevision> rev;
        if (ct.startsWith("application/json")) {
            rev = Designs.resolve(api, ctx, Bodies.object(ctx).getValue("href"), INGEST);
        } else if (ct.contains("yaml") || ct.startsWith("text/plain")) {
            if (Bodies.empty(ctx)) {
                throw ApiException.badRequest("the design is empty");
            }
            String text = ctx.body().asString(StandardCharsets.UTF_8.name());
            String name = ctx.queryParams().get("name") == null
                    ? "upload"
                    : Bodies.storable("name", ctx.queryParams().get("name"));
            SourceText source = new SourceText(name, ctx.body().buffer().getBytes());
            rev = api.vertx()
                    .executeBlocking(
                            () -> {
                                DesignShape.requireStorable(source);
                                DesignShape.requireDesign(source, api.loader().parse(List.of(source)));
                                return source;
                            },
                            false)
                    .compose(parsed -> api.store().designs().save(name, text));
        } else {
            throw new ApiException(415, "send the design as application/yaml, or {\"href\": ...} as application/json");
        }
        rev.onSuccess(d -> ctx.response()
                        .setStatusCode(201)
                        .putHeader("Location", "/api/v1.0/designs/" + d.id())
                        .putHeader("Content-Type", "application/json")
                        .end(summary(d).encode()))
                .onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        api.store()
                .designs()
                .recent(Bodies.intParam(ctx, "limit", 50, 1, 500))
                .onSuccess(list -> {
                    JsonArray out = new JsonArray();
                    list.forEach(d -> out.add(summary(d)));
                    ctx.response().putHeader("Content-Type", "application/json").end(out.encode());
                })
                .onFailure(ctx::fail);
    }

    private void read(RoutingContext ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("design revision " + ctx.pathParam("id") + " does not exist");
        }
        long rid = id;
        api.store()
                .designs()
                .find(id)
                .recover(e -> Future.failedFuture(Bodies.notFoundAs(e, "design revision " + rid + " does not exist")))
                .onSuccess(d -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end(summary(d)
                                .put("documents", readsSecrets(ctx) ? d.documents() : Secrets.text(d.documents()))
                                .encode()))
                .onFailure(ctx::fail);
    }

    /** The revision's documents, optionally only one kind (and name), as JSON. */
    private void parts(RoutingContext ctx) {
        long id = revisionId(ctx);
        String kind = ctx.pathParam("kind");
        String name = ctx.pathParam("name");
        api.store()
                .designs()
                .find(id)
                .recover(e -> Future.failedFuture(Bodies.notFoundAs(e, "design revision " + id + " does not exist")))
                .compose(d -> api.vertx().executeBlocking(() -> DesignParts.select(d.documents(), kind, name), false))
                .onSuccess(list -> {
                    if (name != null && list.isEmpty()) {
                        ctx.fail(ApiException.notFound(kind + " " + name + " is not in design revision " + id));
                        return;
                    }
                    ctx.response()
                            .putHeader("Content-Type", "application/json")
                            .end((readsSecrets(ctx) ? list : Secrets.json(list)).encode());
                })
                .onFailure(ctx::fail);
    }

    /** Whether the caller may see secrets in design text ({@code slipway:read_secrets}). */
    private boolean readsSecrets(RoutingContext ctx) {
        return api.permits().test(ctx, "slipway:read_secrets");
    }

    private static long revisionId(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("design revision " + ctx.pathParam("id") + " does not exist");
        }
    }

    static JsonObject summary(DesignRevision d) {
        return new JsonObject()
                .put("revision", d.id())
                .put("design_ref", "revision:" + d.id())
                .put("source", d.sourceRef())
                .put("content_hash", d.contentHash())
                .put("created", d.created() == null ? null : d.created().toString());
    }

    static SourceText text(DesignRevision rev) {
        return new SourceText(
                rev.sourceRef() == null ? "revision-" + rev.id() : rev.sourceRef(),
                rev.documents().getBytes(StandardCharsets.UTF_8));
    }
}
