package io.slipway.api.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** {@code /api/v1.0/health} (unauthenticated: 204 or 503) and {@code /health/extended}. */
final class HealthRoutes {
    private final ApiContext api;

    HealthRoutes(ApiContext api) {
        this.api = api;
    }

    void mount(ApiRouter drydock) {
        drydock.route(HttpMethod.GET, "/api/v1.0/health")
                .handler(ctx -> api.store()
                        .leaderEpoch()
                        .current()
                        .onSuccess(f -> ctx.response().setStatusCode(204).end())
                        .onFailure(e -> ctx.response()
                                .setStatusCode(503)
                                .putHeader("Retry-After", "5")
                                .end()));
        drydock.get("/api/v1.0/health/extended", "physical_provisioner:health_data")
                .respond(ctx -> api.store().leaderEpoch().current().transform(ar -> {
                    JsonArray messages = new JsonArray();
                    if (ar.failed()) {
                        messages.add(new JsonObject()
                                .put("message", "Unable to connect to database")
                                .put("error", true)
                                .put("kind", "SimpleMessage"));
                    }
                    boolean ok = ar.succeeded();
                    JsonObject body = new JsonObject()
                            .put("kind", "Status")
                            .put("apiVersion", "v1.0")
                            .put("metadata", new JsonObject())
                            .put("status", ok ? "Success" : "Failure")
                            .put("message", ok ? "" : "Slipway failed to respond")
                            .put("reason", "HealthCheck")
                            .put(
                                    "details",
                                    new JsonObject()
                                            .put("errorCount", messages.size())
                                            .put("messageList", messages))
                            .put("code", ok ? 200 : 503)
                            .put("role", api.leader().role())
                            .put("members", new JsonArray(api.leader().members()))
                            .put("epoch", ok ? ar.result().epoch() : null)
                            .put("simulated", api.simulated())
                            .put("drivers", api.drivers().copy());
                    ctx.response().setStatusCode(ok ? 200 : 503);
                    return Future.succeededFuture(body);
                }));
    }
}
