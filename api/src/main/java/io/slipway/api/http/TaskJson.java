package io.slipway.api.http;

import io.slipway.store.ResultMessage;
import io.slipway.store.Task;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Tasks in Drydock's JSON shape ({@code kind: Task}, {@code result} as a {@code Status} with messages). */
final class TaskJson {
    /** A task alone: no subtask ids, no messages (listings, a task just created). */
    static final JsonCodec<Task> SUMMARY = t -> of(t, List.of(), List.of());

    private TaskJson() {}

    static JsonObject of(Task t, List<UuidLike> subtasks, List<ResultMessage> messages) {
        JsonArray list = new JsonArray();
        long errors = 0;
        for (ResultMessage m : messages) {
            errors += m.isError() ? 1 : 0;
            list.add(new JsonObject()
                    .put("message", m.message())
                    .put("error", m.isError())
                    .put("level", m.level())
                    .put("context_type", m.contextType())
                    .put("context", m.contextId())
                    .put("ts", m.ts() == null ? null : m.ts().toString())
                    .put("extra", m.extra() == null ? new JsonObject() : m.extra()));
        }
        JsonObject result = new JsonObject()
                .put("kind", "Status")
                .put("apiVersion", "v1.0")
                .put("metadata", new JsonObject())
                .put("message", t.result().message())
                .put("reason", t.result().reason())
                .put("status", t.result().status())
                .put("successes", new JsonArray(t.result().successes()))
                .put("failures", new JsonArray(t.result().failures()))
                .put(
                        "links",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("rel", "detail_logs")
                                        .put("href", "/api/v1.0/tasks/" + t.id() + "/builddata")))
                .put("details", new JsonObject().put("errorCount", errors).put("messageList", list));
        return new JsonObject()
                .put("kind", "Task")
                .put("apiVersion", "v1")
                .put("task_id", t.id().toString())
                .put("action", t.action())
                .put(
                        "parent_task_id",
                        t.parentId() == null ? null : t.parentId().toString())
                .put("design_ref", t.designRevision() == null ? null : "revision:" + t.designRevision())
                .put("design_revision", t.designRevision())
                .put("status", t.status())
                .put("result", result)
                .put("node_filter", t.nodeFilter())
                .put(
                        "subtask_id_list",
                        new JsonArray(subtasks.stream().map(UuidLike::id).toList()))
                .put("created", str(t.created()))
                .put("created_by", t.createdBy())
                .put("updated", str(t.updated()))
                .put("terminated", str(t.terminated()))
                .put("terminated_by", t.terminatedBy())
                .put("terminate", t.terminate())
                .put("retry", t.retry());
    }

    /** Just the id of a subtask (listing subtasks needs no more). */
    record UuidLike(String id) {}

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
