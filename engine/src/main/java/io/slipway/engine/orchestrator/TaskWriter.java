package io.slipway.engine.orchestrator;

import io.slipway.store.Fence;
import io.slipway.store.ResultMessage;
import io.slipway.store.ResultMessageStore;
import io.slipway.store.StoreException;
import io.slipway.store.Task;
import io.slipway.store.TaskStore;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Fenced, ordered writes of tasks and their messages: changes to one task are applied one after
 * another to its latest stored version (a concurrent termination request is merged, not lost).
 * Confined to the orchestrator's context.
 */
final class TaskWriter {
  private final TaskStore tasks;
  private final ResultMessageStore messages;
  private final Fence fence;
  private final Map<UUID, Future<Task>> tails = new HashMap<>();

  TaskWriter(TaskStore tasks, ResultMessageStore messages, Fence fence) {
    this.tasks = tasks;
    this.messages = messages;
    this.fence = fence;
  }

  /** Applies {@code change} to the latest version of the task, after earlier changes to it. */
  Future<Task> change(UUID id, UnaryOperator<Task> change) {
    Future<Task> tail = tails.getOrDefault(id, Future.succeededFuture());
    Future<Task> next = tail.transform(ignored -> apply(id, change, 2));
    tails.put(id, next);
    return next;
  }

  private Future<Task> apply(UUID id, UnaryOperator<Task> change, int attempts) {
    return tasks.find(id).compose(current -> tasks.update(change.apply(current), fence)).recover(e -> {
      boolean conflict = e instanceof StoreException se && se.kind() == StoreException.Kind.CONFLICT;
      return conflict && attempts > 1 ? apply(id, change, attempts - 1) : Future.failedFuture(e);
    });
  }

  Future<Integer> log(UUID task, List<ResultMessage> list) {
    return list.isEmpty() ? Future.succeededFuture(0) : messages.append(task, list, fence);
  }

  Future<Task> createSubtask(Task subtask) {
    return tasks.createSubtask(subtask, fence);
  }

  Fence fence() {
    return fence;
  }
}
