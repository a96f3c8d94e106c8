package io.slipway.api.http;

import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * One task in Drydock's JSON shape with its subtask ids and result messages, optionally each failed
 * subtask's result ({@code subtask_errors}) and the task's build data. Reads only; fails as the store does
 * ({@code NOT_FOUND} for an unknown task).
 */
final class TaskDetail {
    private final StoreHandle store;

    TaskDetail(StoreHandle store) {
        this.store = store;
    }

    Future<JsonObject> read(UUID id, boolean subtaskErrors, boolean withBuildData) {
        return store.tasks()
                .find(id)
                .compose(t -> store.tasks()
                        .subtasks(id)
                        .compose(subs -> store.messages().list(id).map(msgs -> {
                            JsonObject json = TaskJson.of(
                                    t,
                                    subs.stream()
                                            .map(s -> new TaskJson.UuidLike(s.id().toString()))
                                            .toList(),
                                    msgs);
                            return subtaskErrors ? json.put("subtask_errors", errors(subs)) : json;
                        })))
                .compose(json -> withBuildData
                        ? store.buildData().forTask(id).map(bd -> json.put("build_data", BuildDataJson.list(bd)))
                        : Future.succeededFuture(json));
    }

    private static JsonObject errors(List<Task> subtasks) {
        JsonObject errors = new JsonObject();
        subtasks.stream()
                .filter(s -> !s.result().failures().isEmpty())
                .forEach(s ->
                        errors.put(s.id().toString(), TaskJson.SUMMARY.encode(s).getJsonObject("result")));
        return errors;
    }
}
