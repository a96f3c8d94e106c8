package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.auth.Permissions;
import io.slipway.engine.bootaction.BootActionConfig;
import io.slipway.engine.bootaction.BootActionService;
import io.slipway.engine.design.DesignLoader;
import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The published OpenAPI document describes exactly the routes the router serves, and requests that
 * do not match it are answered 400 naming the field, after the permission check.
 */
@ExtendWith(PostgresExtension.class)
class OpenApiIT {

    private static HttpResponse<Buffer> call(ApiHarness h, HttpMethod m, String path, String token, String json) {
        var req = h.http.request(m, h.server.port(), "127.0.0.1", path);
        if (token != null) {
            req.putHeader("Authorization", "Bearer " + token);
        }
        return result(
                json == null
                        ? req.send()
                        : req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(json)));
    }

    @Test
    void theDocumentListsEveryRouteOfTheRouter(StoreHandle store) throws Exception {
        try (ApiHarness h = new ApiHarness(store)) {
            HttpResponse<Buffer> resp = call(h, HttpMethod.GET, "/api/v1.0/openapi.yaml", null, null);
            assertThat(resp.statusCode()).isEqualTo(200);
            assertThat(resp.getHeader("Content-Type")).isEqualTo("application/yaml");
            JsonObject doc = OpenApiDocument.parse(resp.bodyAsString());
            assertThat(doc.getString("openapi")).startsWith("3.1");
            Set<String> documented =
                    new TreeSet<>(OpenApiDocument.operations(doc).keySet());

            // Wait for the router's document before the harness closes Vert.x under its loading.
            var loading = OpenApiDocument.load(h.vertx);
            Router router = Routes.build(
                    new ApiContext(
                            h.vertx,
                            io.slipway.engine.leadership.LeaderView.fixed(h.engine),
                            store,
                            new DesignLoader(),
                            null,
                            p -> ctx -> ctx.next(),
                            (ctx, p) -> true,
                            false,
                            BootActionService.create(
                                    h.vertx,
                                    store,
                                    id -> io.vertx.core.Future.failedFuture("not used"),
                                    BootActionConfig.defaults())),
                    loading);
            result(loading);
            Set<String> served = new TreeSet<>();
            collect(router, served);
            assertThat(documented).isEqualTo(served).hasSizeGreaterThanOrEqualTo(26);
            Set<Object> known = new java.util.HashSet<>();
            for (java.lang.reflect.Field f : Permissions.class.getFields()) {
                known.add(f.get(null));
            }
            OpenApiDocument.operations(doc).values().stream()
                    .map(op -> op.getString(OpenApiDocument.PERMISSION))
                    .filter(java.util.Objects::nonNull)
                    .forEach(p -> assertThat(known).as("permission " + p).contains(p));
        }
    }

    @Test
    void malformedRequestsAreRefusedNamingTheField(StoreHandle store) throws Exception {
        try (ApiHarness h = new ApiHarness(store)) {
            HttpResponse<Buffer> drydock = call(
                    h,
                    HttpMethod.POST,
                    "/api/v1.0/tasks",
                    ApiHarness.TOKEN,
                    "{\"action\":5,\"design_ref\":\"revision:1\"}");
            assertThat(drydock.statusCode()).isEqualTo(400);
            assertThat(drydock.getHeader("Content-Type")).isEqualTo("application/json");
            JsonObject body = drydock.bodyAsJsonObject();
            assertThat(body.getString("type")).isEqualTo("error");
            assertThat(body.getString("message")).isEqualTo("request body field action: must be string, not number");

            HttpResponse<Buffer> nested = call(
                    h,
                    HttpMethod.POST,
                    "/api/v1.0/nodefilter",
                    ApiHarness.TOKEN,
                    "{\"design_ref\":\"revision:1\",\"node_filter\":{\"filter_set_type\":\"union\",\"filter_set\":[{\"filter_type\":\"x\"}]}}");
            assertThat(nested.bodyAsJsonObject().getString("message"))
                    .startsWith("request body field node_filter.filter_set[0].filter_type: must be one of");

            HttpResponse<Buffer> missing =
                    call(h, HttpMethod.POST, "/api/v1.0/plan", ApiHarness.TOKEN, "{\"action\":\"deploy_nodes\"}");
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.getHeader("Content-Type")).isEqualTo("application/problem+json");
            assertThat(missing.bodyAsJsonObject().getString("detail"))
                    .isEqualTo("request body field design_ref is required");

            HttpResponse<Buffer> param =
                    call(h, HttpMethod.GET, "/api/v1.0/designs/1/diff/two", ApiHarness.TOKEN, null);
            assertThat(param.statusCode()).isEqualTo(400);
            assertThat(param.bodyAsJsonObject().getString("detail"))
                    .isEqualTo("path parameter b: must be integer, not string");

            HttpResponse<Buffer> anonymous = call(h, HttpMethod.POST, "/api/v1.0/tasks", null, "{\"action\":5}");
            assertThat(anonymous.statusCode())
                    .as("the guard runs before validation")
                    .isEqualTo(401);
            assertThat(anonymous.bodyAsString()).doesNotContain("action");
        }
    }

    /** The operations of a router and of the sub-routers it mounts (the Drydock and Slipway families). */
    private static void collect(Router router, Set<String> served) {
        for (Route route : router.getRoutes()) {
            if (route.getSubRouter() != null) {
                collect(route.getSubRouter(), served);
            } else if (route.getPath() != null && route.methods() != null) {
                route.methods()
                        .forEach(
                                m -> served.add(m.name() + " " + route.getPath().replaceAll(":(\\w+)", "{$1}")));
            }
        }
    }
}
