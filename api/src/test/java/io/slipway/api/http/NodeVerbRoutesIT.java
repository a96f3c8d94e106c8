package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator verbs over HTTP: two lab-site nodes whose BMCs are operated by hand ({@code oob.type:
 * manual}); the confirm route completes their power steps, the reject route fails one, and release
 * brings that one back. The other nodes' BMCs are never asked for anything.
 */
@ExtendWith(PostgresExtension.class)
class NodeVerbRoutesIT {

    private static HttpResponse<Buffer> send(ApiHarness h, String method, String path, JsonObject body) {
        var req = h.http.request(io.vertx.core.http.HttpMethod.valueOf(method), h.server.port(), "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN);
        return body == null
                ? result(req.send())
                : result(req.putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer()));
    }

    private static String manualSite(ApiHarness h) throws Exception {
        String site = h.labSite();
        for (String node : List.of("ctl01", "ctl02")) {
            String head = "  name: " + node + "\n  storagePolicy: cleartext\ndata:\n  host_profile: controller\n";
            assertThat(site).contains(head);
            site = site.replace(head, head + "  oob:\n    type: manual\n");
        }
        return site;
    }

    private static JsonObject task(String action, String ref, String... nodes) {
        return new JsonObject()
                .put("action", action)
                .put("design_ref", ref)
                .put(
                        "node_filter",
                        new JsonObject()
                                .put("filter_set_type", "union")
                                .put(
                                        "filter_set",
                                        new JsonArray()
                                                .add(new JsonObject()
                                                        .put("filter_type", "union")
                                                        .put("node_names", new JsonArray(List.of(nodes))))));
    }

    /**
     * Waits until the node rests in {@code state} (read from the store), then until its explain offers
     * a confirm verb, and returns that verb. Explain is asked only once the node waits for a person:
     * the harness's store runs on a Vert.x instance of its own, so its callbacks reach the engine on
     * another thread, and explain's rule evaluation must not run while the orchestrator enlists a node.
     */
    private static String awaitManualRequest(ApiHarness h, String node, String state) throws InterruptedException {
        String last = null;
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline
                && !state.equals(send(h, "GET", "/api/v1.0/nodes/" + node, null)
                        .bodyAsJsonObject()
                        .getString("state"))) {
            Thread.sleep(100);
        }
        while (System.currentTimeMillis() < deadline) {
            last = send(h, "GET", "/api/v1.0/nodes/" + node + "/explain", null).bodyAsString();
            JsonArray verbs = last.startsWith("{") ? new JsonObject(last).getJsonArray("verbs") : null;
            for (Object v : verbs == null ? new JsonArray() : verbs) {
                if (v.toString().startsWith("confirm: ")) {
                    return v.toString();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(node + " never waited for a manual confirmation: " + last + " timeline "
                + send(h, "GET", "/api/v1.0/nodes/" + node + "/timeline", null).bodyAsString());
    }

    private static JsonObject await(ApiHarness h, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonObject t = send(h, "GET", "/api/v1.0/tasks/" + id, null).bodyAsJsonObject();
            if (List.of("complete", "terminated").contains(t.getString("status"))) {
                return t;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("task " + id + " did not finish");
    }

    @Test
    void confirmCompletesManualPowerStepsRejectFailsOneAndReleaseBringsItBack(StoreHandle store) throws Exception {
        try (ApiHarness h = new ApiHarness(store, (String) null)) {
            HttpResponse<Buffer> up = h.http.post(
                            h.server.port(), "127.0.0.1", "/api/v1.0/designs?name=manual-site.yaml")
                    .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN)
                    .putHeader("Content-Type", "application/yaml")
                    .sendBuffer(Buffer.buffer(manualSite(h)))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get();
            assertThat(up.statusCode()).isEqualTo(201);
            String ref = up.bodyAsJsonObject().getString("design_ref");

            HttpResponse<Buffer> typo =
                    send(h, "POST", "/api/v1.0/tasks", task("prepare_nodes", ref, "ctl01", "nosuch"));
            assertThat(typo.statusCode()).isEqualTo(400);
            assertThat(typo.bodyAsString()).contains("unknown node nosuch");

            String id = send(h, "POST", "/api/v1.0/tasks", task("prepare_nodes", ref, "ctl01"))
                    .bodyAsJsonObject()
                    .getString("task_id");
            assertThat(awaitManualRequest(h, "ctl01", "inspecting")).contains("set boot device PXE");
            assertThat(send(h, "GET", "/api/v1.0/nodes/ctl01/explain", null)
                            .bodyAsJsonObject()
                            .getString("running"))
                    .isEqualTo("set_pxe");
            HttpResponse<Buffer> confirmed = send(h, "POST", "/api/v1.0/nodes/ctl01/confirm", new JsonObject());
            assertThat(confirmed.statusCode()).isEqualTo(200);
            assertThat(confirmed.bodyAsJsonObject().getString("confirmed")).startsWith("set boot device PXE");
            assertThat(awaitManualRequest(h, "ctl01", "inspecting")).contains("set power CYCLE");
            assertThat(send(h, "POST", "/api/v1.0/nodes/ctl01/confirm", null)
                            .bodyAsJsonObject()
                            .getString("confirmed"))
                    .startsWith("set power CYCLE");
            JsonObject done = await(h, id);
            assertThat(done.getJsonObject("result").getString("status"))
                    .as(done.encodePrettily())
                    .isEqualTo("success");
            assertThat(send(h, "GET", "/api/v1.0/nodes/ctl01", null)
                            .bodyAsJsonObject()
                            .getString("state"))
                    .isEqualTo("available");
            JsonArray timeline =
                    send(h, "GET", "/api/v1.0/nodes/ctl01/timeline", null).bodyAsJsonArray();
            assertThat(timeline.stream()
                            .map(e -> ((JsonObject) e).getString("kind"))
                            .filter("confirmed"::equals))
                    .hasSize(2);
            assertThat(timeline.encode())
                    .contains("step\",\"from\":null,\"to\":null,\"task_id\":null,\"detail\":\"power_cycle: power ON");
            HttpResponse<Buffer> nothing = send(h, "POST", "/api/v1.0/nodes/ctl01/confirm", null);
            assertThat(nothing.statusCode()).isEqualTo(409);
            assertThat(nothing.bodyAsJsonObject().getString("detail"))
                    .isEqualTo("no manual request is waiting for ctl01");

            String second = send(h, "POST", "/api/v1.0/tasks", task("prepare_nodes", ref, "ctl02"))
                    .bodyAsJsonObject()
                    .getString("task_id");
            awaitManualRequest(h, "ctl02", "inspecting");
            HttpResponse<Buffer> rejected = send(
                    h,
                    "POST",
                    "/api/v1.0/nodes/ctl02/reject",
                    new JsonObject().put("reason", "wrong chassis on the shelf"));
            assertThat(rejected.bodyAsJsonObject().getString("rejected")).startsWith("set boot device PXE");
            assertThat(await(h, second).getJsonObject("result").getString("status"))
                    .isEqualTo("failure");
            JsonObject quarantined =
                    send(h, "GET", "/api/v1.0/nodes/ctl02/explain", null).bodyAsJsonObject();
            assertThat(quarantined.getString("state")).isEqualTo("quarantined");
            assertThat(quarantined.getString("reason")).contains("REFUSED").contains("wrong chassis on the shelf");
            assertThat(quarantined.getJsonArray("verbs").getString(0)).startsWith("release: back to inspecting");

            HttpResponse<Buffer> released =
                    send(h, "POST", "/api/v1.0/nodes/ctl02/release", new JsonObject().put("reason", "right chassis"));
            assertThat(released.statusCode()).isEqualTo(200);
            assertThat(released.bodyAsJsonObject().getString("state")).isEqualTo("inspecting");
            assertThat(send(h, "POST", "/api/v1.0/nodes/ctl02/release", null).statusCode())
                    .isEqualTo(409);
            assertThat(send(h, "POST", "/api/v1.0/nodes/ghost/release", null).statusCode())
                    .isEqualTo(404);
            assertThat(send(h, "POST", "/api/v1.0/nodes/ctl02/abort", null).statusCode())
                    .isEqualTo(409);
            assertThat(send(h, "PUT", "/api/v1.0/nodes/ctl02/maintenance", new JsonObject())
                            .statusCode())
                    .isEqualTo(400);
            HttpResponse<Buffer> on =
                    send(h, "PUT", "/api/v1.0/nodes/ctl02/maintenance", new JsonObject().put("reason", "rewiring"));
            assertThat(on.bodyAsJsonObject().getString("maintenance")).isEqualTo("rewiring");
            assertThat(send(h, "GET", "/api/v1.0/nodes/ctl02/explain", null)
                            .bodyAsJsonObject()
                            .getJsonArray("holds")
                            .encode())
                    .contains("G-006");
            assertThat(send(h, "DELETE", "/api/v1.0/nodes/ctl02/maintenance", null)
                            .bodyAsJsonObject()
                            .getValue("maintenance"))
                    .isNull();
            assertThat(h.labNodes.calls().calls("cmp04"))
                    .as("nodes nobody asked about are untouched")
                    .isEmpty();
        }
    }
}
