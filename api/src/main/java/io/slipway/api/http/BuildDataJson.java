package io.slipway.api.http;

import io.slipway.store.BuildData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Build data in Drydock's shape. Pure; thread-safe. */
final class BuildDataJson {
    /** One build data record. */
    static final JsonCodec<BuildData> RECORD = b -> new JsonObject()
            .put("node_name", b.nodeName())
            .put("task_id", b.taskId() == null ? null : b.taskId().toString())
            .put("collected_date", b.collected() == null ? null : b.collected().toString())
            .put("generator", b.generator())
            .put("data_format", b.format())
            .put("data_element", b.data());

    private BuildDataJson() {}

    static JsonArray list(List<BuildData> items) {
        return RECORD.list(items);
    }
}
