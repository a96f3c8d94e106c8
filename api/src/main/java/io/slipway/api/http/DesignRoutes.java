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

    void mount(ApiRouter drydock) {
        String read = "physical_provisioner:read_data";
        drydock.post("/api/v1.0/validatedesign", "physical_provisioner:validate_site_design")
                .respond(this::validate);
        drydock.post("/api/v1.0/nodefilter", read).respond(this::nodeFilter);
        drydock.post("/api/v1.0/designs", INGEST).respond(this::upload);
        drydock.get("/api/v1.0/designs", read)
                .respond(ctx -> api.store()
                        .designs()
                        .recent(Bodies.intParam(ctx, "limit", 50, 1, 500))
                        .map(SUMMARY::list));
        drydock.get("/api/v1.0/designs/:id", read).respond(this::read);
        drydock.get("/api/v1.0/designs/:id/parts", read).respond(this::parts);
        drydock.get("/api/v1.0/designs/:id/parts/:kind", read).respond(this::parts);
        drydock.get("/api/v1.0/designs/:id/parts/:kind/:name", read).respond(this::parts);
    }

    private Future<JsonObject> validate(RoutingContext ctx) {
        JsonObject body = Bodies.object(ctx);
        if (!body.containsKey("href")) {
            throw ApiException.badRequest("The \"href\" key must be provided in the request body.");
        }
        return Designs.read(api, ctx, body.getValue("href"), INGEST)
                .compose(text -> api.vertx()
                        .executeBlocking(
                                () -> new DesignValidation(api.loader(), api.validationRules())
                                        .validate(List.of(text))
                                        .report()
                                        .toStatus(),
                                false))
                .map(status -> {
                    ctx.response().setStatusCode((Integer) status.get("code"));
                    return new JsonObject(status);
                });
    }

    private Future<JsonArray> nodeFilter(RoutingContext ctx) {
        JsonObject body = Bodies.object(ctx);
        if (!body.containsKey("design_ref")) {
            throw ApiException.badRequest("Missing input required value: design_ref");
        }
        var set = NodeFilterJson.parse(Bodies.nodeFilter(body));
        return Designs.read(api, ctx, body.getValue("design_ref"), INGEST)
                .compose(text -> api.vertx()
                        .executeBlocking(
                                () -> {
                                    var design = new EffectiveCompiler()
                                            .compile(api.loader().parse(List.of(text)));
                                    return new JsonArray(NodeFilters.select(set, design.nodes(), Map.of()).stream()
                                            .map(EffectiveNode::name)
                                            .toList());
                                },
                                false));
    }

    private Future<JsonObject> upload(RoutingContext ctx) {
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
        return rev.map(d -> {
            ctx.response().setStatusCode(201).putHeader("Location", "/api/v1.0/designs/" + d.id());
            return SUMMARY.encode(d);
        });
    }

    private Future<JsonObject> read(RoutingContext ctx) {
        long id = revisionId(ctx);
        return find(id).map(d ->
                SUMMARY.encode(d).put("documents", readsSecrets(ctx) ? d.documents() : Secrets.text(d.documents())));
    }

    /** The revision's documents, optionally only one kind (and name), as JSON. */
    private Future<JsonArray> parts(RoutingContext ctx) {
        long id = revisionId(ctx);
        String kind = ctx.pathParam("kind");
        String name = ctx.pathParam("name");
        return find(id).compose(d -> api.vertx()
                .executeBlocking(() -> DesignParts.select(d.documents(), kind, name), false)
                .compose(list -> name != null && list.isEmpty()
                        ? Future.failedFuture(
                                ApiException.notFound(kind + " " + name + " is not in design revision " + id))
                        : Future.succeededFuture(readsSecrets(ctx) ? list : Secrets.json(list))));
    }

    private Future<DesignRevision> find(long id) {
        return api.store()
                .designs()
                .find(id)
                .recover(e -> Future.failedFuture(Bodies.notFoundAs(e, "design revision " + id + " does not exist")));
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

    /** A revision without its documents. */
    static final JsonCodec<DesignRevision> SUMMARY = d -> new JsonObject()
            .put("revision", d.id())
            .put("design_ref", "revision:" + d.id())
            .put("source", d.sourceRef())
            .put("content_hash", d.contentHash())
            .put("created", d.created() == null ? null : d.created().toString());

    static SourceText text(DesignRevision rev) {
        return new SourceText(
                rev.sourceRef() == null ? "revision-" + rev.id() : rev.sourceRef(),
                rev.documents().getBytes(StandardCharsets.UTF_8));
    }
}
