package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.BootActionStatus;
import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Boot-action fetches serve the pinned revision's files, with key checks and one report per action. */
@ExtendWith(PostgresExtension.class)
class BootActionRoutesIT {

    private static HttpResponse<Buffer> call(ApiHarness h, HttpMethod m, String path, String key, String json) {
        var req = h.http.request(m, h.server.port(), "127.0.0.1", path);
        if (key != null) {
            req.putHeader("X-Bootaction-Key", key);
        }
        if (json == null) {
            return result(req.send());
        }
        req.putHeader("Content-Type", "application/json").putHeader("Authorization", "Bearer " + ApiHarness.TOKEN);
        return result(req.sendBuffer(Buffer.buffer(json)));
    }

    @Test
    void filesOfThePinnedRevisionSurviveADesignChange(StoreHandle store) throws Exception {
        try (ApiHarness h = new ApiHarness(store)) {
            String site = h.labSite();
            long rev = result(store.designs().save("lab-site.yaml", site)).id();
            JsonObject task = call(
                            h,
                            HttpMethod.POST,
                            "/api/v1.0/tasks",
                            null,
                            new JsonObject()
                                    .put("action", "deploy_nodes")
                                    .put("design_ref", "revision:" + rev)
                                    .put(
                                            "node_filter",
                                            new JsonObject()
                                                    .put("filter_set_type", "union")
                                                    .put(
                                                            "filter_set",
                                                            new io.vertx.core.json.JsonArray()
                                                                    .add(new JsonObject()
                                                                            .put("filter_type", "union")
                                                                            .put(
                                                                                    "node_names",
                                                                                    new io.vertx.core.json.JsonArray()
                                                                                            .add("ctl01")))))
                                    .encode())
                    .bodyAsJsonObject();
            String id = task.getString("task_id");
            for (int i = 0;
                    i < 300
                            && !"complete"
                                    .equals(result(store.tasks().find(java.util.UUID.fromString(id)))
                                            .status());
                    i++) {
                Thread.sleep(100);
            }
            String key = h.labNodes.bootActionKey("ctl01");
            assertThat(key).as("key handed to the node before deploy").hasSize(64);

            HttpResponse<Buffer> before = call(h, HttpMethod.GET, "/api/v1.0/bootactions/nodes/ctl01/files", key, null);
            assertThat(before.statusCode()).isEqualTo(200);
            assertThat(before.getHeader("Content-Type")).isEqualTo("application/gzip");
            result(store.designs()
                    .save("lab-site-v2.yaml", site.replace("is managed by Slipway", "is managed by someone else")));
            HttpResponse<Buffer> after = call(h, HttpMethod.GET, "/api/v1.0/bootactions/nodes/ctl01/files", key, null);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body().getBytes()).isEqualTo(before.body().getBytes());

            assertThat(call(h, HttpMethod.GET, "/api/v1.0/bootactions/nodes/ctl01/units", null, null)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(call(h, HttpMethod.GET, "/api/v1.0/bootactions/nodes/ctl01/units", "zz-not-hex", null)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(call(h, HttpMethod.GET, "/api/v1.0/bootactions/nodes/ctl01/units", "ab".repeat(32), null)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(call(h, HttpMethod.GET, "/api/v1.0/bootactions/nodes/nobody/units", key, null)
                            .statusCode())
                    .isEqualTo(404);

            List<BootActionStatus> actions = result(store.bootActions().actions("ctl01"));
            BootActionStatus signalled = actions.stream()
                    .filter(a -> a.status().equals("incomplete"))
                    .findFirst()
                    .orElseThrow();
            String path = "/api/v1.0/bootactions/" + signalled.actionId();
            HttpResponse<Buffer> ok = call(h, HttpMethod.POST, path, key, "{\"status\":\"Success\"}");
            assertThat(ok.statusCode()).as(ok.bodyAsString()).isEqualTo(200);
            assertThat(ok.bodyAsJsonObject().getString("action_status")).isEqualTo("success");
            assertThat(call(h, HttpMethod.POST, path, key, "{\"status\":\"failure\"}")
                            .statusCode())
                    .isEqualTo(409);
            assertThat(call(h, HttpMethod.POST, "/api/v1.0/bootactions/not-a-uuid", key, "{\"status\":\"success\"}")
                            .statusCode())
                    .isEqualTo(404);
        }
    }
}
