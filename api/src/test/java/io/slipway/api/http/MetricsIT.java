package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /metrics} speaks Prometheus: request timers by route template, nodes by state, tasks, JVM. */
@ExtendWith(PostgresExtension.class)
class MetricsIT {

    @Test
    void aDeployedLabSiteShowsInTheMetrics(StoreHandle store) throws Exception {
        try (ApiHarness h = new ApiHarness(store)) {
            long rev =
                    result(store.designs().save("lab-site.yaml", h.labSite())).id();
            JsonObject filter = new JsonObject()
                    .put("filter_set_type", "union")
                    .put(
                            "filter_set",
                            new JsonArray()
                                    .add(new JsonObject()
                                            .put("filter_type", "union")
                                            .put("node_names", new JsonArray().add("ctl01"))));
            HttpResponse<Buffer> created = result(h.http.post(h.server.port(), "127.0.0.1", "/api/v1.0/tasks")
                    .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN)
                    .sendJsonObject(new JsonObject()
                            .put("action", "deploy_nodes")
                            .put("design_ref", "revision:" + rev)
                            .put("node_filter", filter)));
            assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
            UUID id = UUID.fromString(created.bodyAsJsonObject().getString("task_id"));
            for (int i = 0;
                    i < 300 && result(store.tasks().find(id)).status() != io.slipway.store.TaskStatus.COMPLETE;
                    i++) {
                Thread.sleep(100);
            }
            result(h.http.get(h.server.port(), "127.0.0.1", "/api/v1.0/nodes/ctl01")
                    .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN)
                    .send());

            HttpResponse<Buffer> anonymous =
                    result(h.http.get(h.server.port(), "127.0.0.1", "/metrics").send());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            HttpResponse<Buffer> scrape = result(h.http.get(h.server.port(), "127.0.0.1", "/metrics")
                    .putHeader("Authorization", "Bearer " + ApiHarness.TOKEN)
                    .send());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.getHeader("Content-Type")).startsWith("text/plain; version=0.0.4");
            String text = scrape.bodyAsString();
            assertThat(text)
                    .contains("# TYPE http_server_requests_seconds summary")
                    .containsPattern(
                            "http_server_requests_seconds_count\\{method=\"POST\",route=\"/api/v1.0/tasks\",status=\"201\"} 1")
                    .containsPattern(
                            "http_server_requests_seconds_count\\{method=\"GET\",route=\"/api/v1.0/nodes/\\{hostname}\",status=\"200\"} 1")
                    .containsPattern(
                            "http_server_requests_seconds_count\\{method=\"GET\",route=\"/metrics\",status=\"401\"} 1")
                    .containsPattern("slipway_nodes\\{state=\"deployed\"} 1")
                    .containsPattern(
                            "slipway_tasks\\{action=\"deploy_nodes\",result=\"success\",status=\"complete\"} 1")
                    .contains("slipway_store_up 1")
                    .contains("jvm_memory_used_bytes", "jvm_gc_", "system_cpu_count");
        }
    }
}
