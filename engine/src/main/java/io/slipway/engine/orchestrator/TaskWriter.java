package io.slipway.engine.orchestrator;

import io.slipway.engine.dispatch.StoreRetry;
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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Fenced, ordered writes of tasks and their messages. Writes on one chain (a top-level task: its own
 * changes, its messages, its subtasks) are applied strictly one after another, each change to the
 * latest stored version (a concurrent termination request is merged, not lost). A write the store
 * answers "unavailable" is kept and retried, with backoff, until the store is back; later writes on
 * its chain wait behind it, so nothing is reordered. Every retry is fenced with the same epoch (a
 * fenced write fails for good). At most {@link #MAX_PENDING} writes wait at once; beyond that a new
 * write fails at once (unavailable) rather than grow memory without bound. Confined to the
 * orchestrator's context.
 */
final class TaskWriter {
    static final int MAX_PENDING = 100_000;
    private final StoreRetry retry = new StoreRetry("a task write");
    private final TaskStore tasks;
    private final ResultMessageStore messages;
    private final Fence fence;
    private final Map<UUID, Future<?>> tails = new HashMap<>();
    private int pending;
    private boolean stopped;

    TaskWriter(TaskStore tasks, ResultMessageStore messages, Fence fence) {
        this.tasks = tasks;
        this.messages = messages;
        this.fence = fence;
    }

    /** Applies {@code change} to the latest version of task {@code id}, after earlier writes of its own chain. */
    Future<Task> change(UUID id, UnaryOperator<Task> change) {
        return change(id, id, change);
    }

    /** As {@link #change(UUID, UnaryOperator)}, ordered on the chain of top-level task {@code chain}. */
    Future<Task> change(UUID chain, UUID id, UnaryOperator<Task> change) {
        return enqueue(chain, () -> apply(id, change, 2));
    }

    Future<Integer> log(UUID task, List<ResultMessage> list) {
        return list.isEmpty() ? Future.succeededFuture(0) : enqueue(task, () -> messages.append(task, list, fence));
    }

    Future<Task> createSubtask(Task subtask) {
        return enqueue(subtask.parentId(), () -> tasks.createSubtask(subtask, fence));
    }

    Fence fence() {
        return fence;
    }

    /** Writes waiting or retrying now. */
    int pending() {
        return pending;
    }

    /** No more retries (this instance no longer leads): waiting writes fail as fenced. */
    void stop() {
        stopped = true;
        retry.stop();
    }

    private <T> Future<T> enqueue(UUID chain, Supplier<Future<T>> write) {
        if (pending >= MAX_PENDING) {
            return Future.failedFuture(StoreException.unavailable(
                    pending + " task writes are waiting for the database; refusing more", null));
        }
        pending++;
        Future<?> tail = tails.getOrDefault(chain, Future.succeededFuture());
        Future<T> next = tail.transform(
                ignored -> stopped ? Future.failedFuture(StoreException.fenced(fence)) : retry.run(write));
        tails.put(chain, next);
        next.onComplete(ar -> {
            pending--;
            tails.remove(chain, next);
        });
        return next;
    }

    private Future<Task> apply(UUID id, UnaryOperator<Task> change, int attempts) {
        return tasks.find(id)
                .compose(current -> tasks.update(change.apply(current), fence))
                .recover(e -> {
                    boolean conflict = e instanceof StoreException se && se.kind() == StoreException.Kind.CONFLICT;
                    return conflict && attempts > 1 ? apply(id, change, attempts - 1) : Future.failedFuture(e);
                });
    }
}
