package io.slipway.api.http;

import io.slipway.store.Task;
import io.slipway.store.TaskStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Drydock's {@code ?layers=N}: the task and its subtasks down to N levels, keyed by id, with
 * {@code init_task_id} naming the root.
 */
final class Layers {
    private Layers() {}

    static Future<JsonObject> collect(TaskStore tasks, UUID root, int depth) {
        JsonObject out = new JsonObject().put("init_task_id", root.toString());
        return tasks.find(root).compose(t -> add(tasks, t, depth, out)).map(out);
    }

    private static Future<Void> add(TaskStore tasks, Task t, int depth, JsonObject out) {
        return tasks.subtasks(t.id()).compose(subs -> {
            out.put(
                    t.id().toString(),
                    TaskJson.of(
                            t,
                            subs.stream()
                                    .map(s -> new TaskJson.UuidLike(s.id().toString()))
                                    .toList(),
                            List.of()));
            if (depth <= 0) {
                return Future.succeededFuture();
            }
            List<Future<Void>> children = new ArrayList<>();
            subs.forEach(s -> children.add(add(tasks, s, depth - 1, out)));
            return Future.all(children).mapEmpty();
        });
    }
}
