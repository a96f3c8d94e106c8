package io.slipway.api.http;

import io.slipway.engine.dispatch.Provenance;
import io.slipway.store.BuildData;
import io.slipway.store.NodeEvent;
import io.slipway.store.NodeState;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The JSON shapes of a node's stored state and of its timeline events. Pure; thread-safe. */
final class NodeJson {
    /** A node's state, with the drivers it was observed through. */
    static final JsonCodec<NodeState> STATE = n -> new JsonObject()
            .put("hostname", n.nodeName())
            .put("state", n.lifecycleState())
            .put("power_state", n.power())
            .put("boot_device", n.bootDevice())
            .put("last_error", n.lastError())
            .put("retry_budget", n.retryBudget())
            .put("progress", n.progress())
            .put("updated", n.updated() == null ? null : n.updated().toString())
            .put("driver_id", driverId(n.progress().getJsonObject(Provenance.KEY)));

    /** One event of a node's timeline. */
    static final JsonCodec<NodeEvent> EVENT = e -> new JsonObject()
            .put("seq", e.seq())
            .put("ts", e.ts() == null ? null : e.ts().toString())
            .put("kind", e.kind())
            .put("from", e.fromState())
            .put("to", e.toState())
            .put("task_id", e.taskId() == null ? null : e.taskId().toString())
            .put("detail", e.detail())
            .put("extra", e.extra());

    private NodeJson() {}

    /** The drivers the node's state was observed through ({@code lab (simulated)} for the simulators). */
    static String driverId(JsonObject stamp) {
        if (stamp == null) {
            return null;
        }
        String id = stamp.getString("id");
        return stamp.getBoolean("simulated", false) && id != null && !id.contains("simulated")
                ? id + " (simulated)"
                : id;
    }

    /** The image (name, sha256) and design revision of the node's last deployment, from its build data; null when none. */
    static JsonObject deployedFrom(List<BuildData> data) {
        return data.stream()
                .filter(b -> "deployment".equals(b.generator()))
                .findFirst()
                .map(b -> {
                    JsonObject d = new JsonObject(b.data());
                    return new JsonObject()
                            .put("image", d.getString("image"))
                            .put("sha256", d.getString("sha256"))
                            .put("design_revision", d.getLong("design_revision"))
                            .put(
                                    "collected",
                                    b.collected() == null ? null : b.collected().toString());
                })
                .orElse(null);
    }
}
