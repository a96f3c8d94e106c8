package io.slipway.api.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /api/v1.0/problems/{type}}: what a problem {@code type} URI means (no token needed), so the
 * {@code type} of every problem body resolves to its description. An unknown type is 404.
 */
final class ProblemRoutes {
    void mount(ApiRouter own) {
        own.route(HttpMethod.GET, ProblemType.BASE + ":type").respond(ctx -> {
            String slug = ctx.pathParam("type");
            return ProblemType.bySlug(slug)
                    .map(t -> Future.succeededFuture(new JsonObject()
                            .put("type", t.uri())
                            .put("title", t.title())
                            .put("status", t.status())
                            .put("description", t.description())))
                    .orElseGet(() -> Future.failedFuture(ApiException.notFound("no problem type " + slug)));
        });
    }
}
