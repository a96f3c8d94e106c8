package io.slipway.api.http;

import io.slipway.store.DesignRevision;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1.0/designs/{a}/diff/{b}}: what changed from revision {@code a} to revision
 * {@code b} (see {@link DesignDiff}). Both designs are parsed and compiled on a worker thread. An
 * unknown revision is 404 (problem+json: this is Slipway's route, not Drydock's).
 */
final class DiffRoutes {
    private final ApiContext api;

    DiffRoutes(ApiContext api) {
        this.api = api;
    }

    void mount(ApiRouter own) {
        own.get("/api/v1.0/designs/:a/diff/:b", "physical_provisioner:read_data")
                .respond(this::diff);
    }

    private Future<JsonObject> diff(RoutingContext ctx) {
        Future<DesignRevision> a = revision(ctx.pathParam("a"));
        Future<DesignRevision> b = revision(ctx.pathParam("b"));
        return Future.all(a, b)
                .compose(both -> api.vertx()
                        .executeBlocking(() -> DesignDiff.compare(api.loader(), a.result(), b.result()), false))
                .map(json -> api.permits().test(ctx, "slipway:read_secrets") ? json : Secrets.json(json));
    }

    private Future<DesignRevision> revision(String raw) {
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return Future.failedFuture(ApiException.notFound("design revision " + raw + " does not exist"));
        }
        return api.store()
                .designs()
                .find(id)
                .recover(e -> Future.failedFuture(Bodies.notFoundAs(e, "design revision " + id + " does not exist")));
    }
}
