package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API drives a lab site through every task action; Drydock's JSON shapes come back. */
@ExtendWith(PostgresExtension.class)
class ApiRoutesIT {

    private static HttpResponse<Buffer> send(ApiHarness h, String method, String path, Object body, String type) {
        var req = h.http.request(io.vertx.core.http.HttpMethod.valueOf(method), h.server.port(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN);
        if (body == null) {
            return result(req.send());
        }
        req.putHeader("Content-Type", type);
        return result(req.sendBuffer(Buffer.buffer(body instanceof JsonObject j ? j.encode() : body.toString())));
    }

    private static JsonObject await(ApiHarness h, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonObject t = send(h, "GET", "/api/v1.0/tasks/" + id, null, null).bodyAsJsonObject();
            if (List.of("complete", "terminated").contains(t.getString("status"))) {
                return t;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("task " + id + " did not finish");
    }

    @Test
    void aLabSiteIsDrivenThroughEveryActionOverHttp(StoreHandle store) throws Exception {
        try (ApiHarness h = new ApiHarness(store)) {
            HttpResponse<Buffer> up =
                    send(h, "POST", "/api/v1.0/designs?name=lab-site.yaml", h.labSite(), "application/yaml");
            assertThat(up.statusCode()).isEqualTo(201);
            String ref = up.bodyAsJsonObject().getString("design_ref");

            HttpResponse<Buffer> valid =
                    send(h, "POST", "/api/v1.0/validatedesign", new JsonObject().put("href", ref), "application/json");
            assertThat(valid.statusCode()).isEqualTo(200);
            assertThat(valid.bodyAsJsonObject().getString("kind")).isEqualTo("Status");
            assertThat(valid.bodyAsJsonObject().getString("status")).isEqualTo("Success");

            for (String action : List.of(
                    "validate_design",
                    "verify_site",
                    "prepare_site",
                    "verify_nodes",
                    "prepare_nodes",
                    "deploy_nodes",
                    "relabel_nodes",
                    "destroy_nodes")) {
                HttpResponse<Buffer> created = send(
                        h,
                        "POST",
                        "/api/v1.0/tasks",
                        new JsonObject().put("action", action).put("design_ref", ref),
                        "application/json");
                assertThat(created.statusCode())
                        .as(action + ": " + created.bodyAsString())
                        .isEqualTo(201);
                assertThat(created.getHeader("Location")).startsWith("/api/v1.0/tasks/");
                JsonObject task = await(h, created.bodyAsJsonObject().getString("task_id"));
                assertThat(task.getString("kind")).isEqualTo("Task");
                assertThat(task.getJsonObject("result").getString("kind")).isEqualTo("Status");
                assertThat(task.getJsonObject("result").getString("status"))
                        .as(action + ": " + task.encodePrettily())
                        .isEqualTo(action.equals("relabel_nodes") ? "failure" : "success");
                if (action.equals("relabel_nodes")) {
                    assertThat(task.encode()).contains("needs a kubernetes driver, and none is configured");
                }
            }
            JsonObject nodes = new JsonObject()
                    .put("list", send(h, "GET", "/api/v1.0/nodes", null, null).bodyAsJsonArray());
            assertThat(nodes.getJsonArray("list")).hasSize(12);
            HttpResponse<Buffer> page1 = send(h, "GET", "/api/v1.0/tasks?limit=3", null, null);
            assertThat(page1.bodyAsJsonArray()).hasSize(3);
            HttpResponse<Buffer> page2 = send(h, "GET", page1.getHeader("X-Next-Page"), null, null);
            assertThat(page2.bodyAsJsonArray()).hasSize(3);
            assertThat(page2.bodyAsJsonArray().getJsonObject(0).getString("task_id"))
                    .isNotEqualTo(page1.bodyAsJsonArray().getJsonObject(0).getString("task_id"));
            // Newest first: page 2 starts with prepare_nodes, a task with one subtask per node.
            JsonObject prepare = page2.bodyAsJsonArray().getJsonObject(0);
            assertThat(prepare.getString("action")).isEqualTo("prepare_nodes");
            String nodeTaskId = prepare.getString("task_id");
            JsonObject layers = send(h, "GET", "/api/v1.0/tasks/" + nodeTaskId + "?layers=1", null, null)
                    .bodyAsJsonObject();
            assertThat(layers.getString("init_task_id")).isEqualTo(nodeTaskId);
            assertThat(layers.fieldNames()).hasSize(1 + 1 + 12);
            String rev = ref.substring("revision:".length());
            assertThat(send(h, "GET", "/api/v1.0/designs/" + rev + "/parts/Network", null, null)
                            .bodyAsJsonArray())
                    .hasSize(7);
            assertThat(send(h, "GET", "/api/v1.0/designs/" + rev + "/parts/BaremetalNode/ctl01", null, null)
                            .bodyAsJsonArray())
                    .hasSize(1);
            assertThat(send(h, "GET", "/api/v1.0/designs/" + rev + "/parts/BaremetalNode/nobody", null, null)
                            .statusCode())
                    .isEqualTo(404);

            assertThat(send(h, "POST", "/api/v1.0/nodes/ctl02/pause", null, null)
                            .bodyAsJsonObject()
                            .getBoolean("paused"))
                    .isTrue();
            assertThat(send(h, "GET", "/api/v1.0/nodes/ctl02/explain", null, null)
                            .bodyAsJsonObject()
                            .getJsonArray("holds")
                            .encode())
                    .contains("G-003");
            assertThat(send(h, "POST", "/api/v1.0/nodes/ctl02/resume", null, null)
                            .bodyAsJsonObject()
                            .getBoolean("paused"))
                    .isFalse();
            assertThat(send(h, "POST", "/api/v1.0/nodes/ghost/pause", null, null)
                            .statusCode())
                    .isEqualTo(404);

            HttpResponse<Buffer> explain = send(h, "GET", "/api/v1.0/nodes/ctl01/explain", null, null);
            assertThat(explain.statusCode()).isEqualTo(200);
            assertThat(explain.bodyAsJsonObject().getString("state")).isEqualTo("available");
        }
    }
}
