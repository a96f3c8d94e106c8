package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.node.LabNodeConfig;
import io.slipway.store.DatabaseConfig;
import io.slipway.store.Databases;
import io.slipway.store.StoreHandle;
import io.slipway.store.embedded.EmbeddedPostgresServer;
import io.slipway.store.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Postgres stops for 30 s in the middle of a {@code deploy_nodes} task (lab drivers) and starts again
 * on the same data: every API call during the outage is a 503 with {@code Retry-After}; afterwards the
 * task ends complete with every node's result, and no task or subtask is left running.
 */
class StoreOutageApiIT {
    private static final long OUTAGE_MS = 30_000;

    @Test
    void aDeploySurvivesAThirtySecondDatabaseStop() throws Exception {
        Path data = TestServers.tempDir();
        int port = freePort();
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, port, false);
        pg.ensureDatabase("outage");
        Vertx storeVertx = Vertx.vertx();
        StoreHandle store = result(Databases.open(
                storeVertx, DatabaseConfig.ofUrl(pg.endpoint("outage").toUrl())));
        try (ApiHarness h = new ApiHarness(store, LabNodeConfig.latency(100).withDeployMs(12_000))) {
            String rev = post(h, "/api/v1.0/designs", "application/yaml", h.labSite())
                    .bodyAsJsonObject()
                    .getString("design_ref");
            String id = post(
                            h,
                            "/api/v1.0/tasks",
                            "application/json",
                            new JsonObject()
                                    .put("action", "deploy_nodes")
                                    .put("design_ref", rev)
                                    .encode())
                    .bodyAsJsonObject()
                    .getString("task_id");
            JsonObject task =
                    awaitTask(h, id, t -> t.getJsonArray("subtask_id_list").size() == 12, 60_000);
            assertThat(task.getString("status")).isEqualTo("running");

            pg.close();
            long end = System.currentTimeMillis() + OUTAGE_MS;
            int calls = 0;
            while (System.currentTimeMillis() < end) {
                for (String[] call : duringOutage(id, rev)) {
                    HttpResponse<Buffer> r = send(h, call);
                    assertThat(r.statusCode())
                            .as(String.join(" ", call) + " during the outage -> " + r.bodyAsString())
                            .isEqualTo(503);
                    assertThat(r.getHeader("Retry-After"))
                            .as(String.join(" ", call))
                            .isNotBlank();
                    calls++;
                }
                Thread.sleep(1_000);
            }
            assertThat(calls).isGreaterThan(100);
            pg = EmbeddedPostgresServer.start(data, port, false);

            JsonObject done = awaitTask(h, id, t -> "complete".equals(t.getString("status")), 120_000);
            JsonObject outcome = done.getJsonObject("result");
            assertThat(outcome.getJsonArray("successes").size()
                            + outcome.getJsonArray("failures").size())
                    .isEqualTo(12);
            assertThat(outcome.getString("status")).isEqualTo("success");
            for (Object sub : done.getJsonArray("subtask_id_list")) {
                JsonObject s = get(h, "/api/v1.0/tasks/" + sub).bodyAsJsonObject();
                assertThat(s.getString("status")).as("subtask " + sub).isEqualTo("complete");
            }
            assertThat(get(h, "/api/v1.0/tasks?status=running").bodyAsJsonArray())
                    .isEmpty();
        } finally {
            result(store.close());
            result(storeVertx.close());
            pg.close();
            TestServers.deleteTree(data);
        }
    }

    private static List<String[]> duringOutage(String id, String rev) {
        String task = new JsonObject()
                .put("action", "verify_nodes")
                .put("design_ref", rev)
                .encode();
        return List.of(
                new String[] {"GET", "/api/v1.0/tasks", null},
                new String[] {"GET", "/api/v1.0/tasks/" + id, null},
                new String[] {"GET", "/api/v1.0/tasks/" + id + "/builddata", null},
                new String[] {"POST", "/api/v1.0/tasks", task},
                new String[] {
                    "POST",
                    "/api/v1.0/validatedesign",
                    new JsonObject().put("href", rev).encode()
                },
                new String[] {
                    "POST",
                    "/api/v1.0/nodefilter",
                    new JsonObject().put("design_ref", rev).encode()
                },
                new String[] {"GET", "/api/v1.0/designs", null},
                new String[] {"GET", "/api/v1.0/designs/1", null},
                new String[] {"GET", "/api/v1.0/nodes", null},
                new String[] {"GET", "/api/v1.0/nodes/cmp01/timeline", null});
    }

    private static JsonObject awaitTask(ApiHarness h, String id, java.util.function.Predicate<JsonObject> done, long ms)
            throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        JsonObject last = null;
        while (System.currentTimeMillis() < end) {
            HttpResponse<Buffer> r = get(h, "/api/v1.0/tasks/" + id);
            if (r.statusCode() == 200) {
                last = r.bodyAsJsonObject();
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("task " + id + " never got there; last seen " + last);
    }

    private static HttpResponse<Buffer> send(ApiHarness h, String[] call) {
        var req = h.http.request(HttpMethod.valueOf(call[0]), h.server.port(), "127.0.0.1", call[1])
                .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN);
        return result(
                call[2] == null
                        ? req.send()
                        : req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(call[2])));
    }

    private static HttpResponse<Buffer> get(ApiHarness h, String path) {
        return send(h, new String[] {"GET", path, null});
    }

    private static HttpResponse<Buffer> post(ApiHarness h, String path, String type, String body) {
        HttpResponse<Buffer> r = result(h.http.post(h.server.port(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN)
                .putHeader("Content-Type", type)
                .sendBuffer(Buffer.buffer(body)));
        assertThat(r.statusCode()).as(path + " -> " + r.bodyAsString()).isEqualTo(201);
        return r;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
