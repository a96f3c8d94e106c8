package io.slipway.api.http;

import io.slipway.store.BuildData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Build data in Drydock's shape. */
final class BuildDataJson {
    private BuildDataJson() {}

    static JsonArray list(List<BuildData> items) {
        JsonArray out = new JsonArray();
        for (BuildData b : items) {
            out.add(new JsonObject()
                    .put("node_name", b.nodeName())
                    .put("task_id", b.taskId() == null ? null : b.taskId().toString())
                    .put(
                            "collected_date",
                            b.collected() == null ? null : b.collected().toString())
                    .put("generator", b.generator())
                    .put("data_format", b.format())
                    .put("data_element", b.data()));
        }
        return out;
    }
}
