package io.slipway.engine.orchestrator;

import io.slipway.store.Fence;
import io.slipway.store.Task;
import io.slipway.store.TaskStore;
import io.vertx.core.Future;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Claiming: moves queued tasks to running, oldest first, and hands each to {@code start} the moment
 * it is claimed. Polls run one after another: two claims in flight at once could come back out of
 * order (different pool connections), and a later task would then start before an earlier one it
 * overlaps. A failed claim (database unavailable, epoch fenced) fails that poll; the next poll claims
 * again. Confined to the orchestrator's context.
 */
final class TaskClaims {
    private final TaskStore tasks;
    private final Fence fence;
    private final Consumer<Task> start;
    private Future<Void> polling = Future.succeededFuture();

    TaskClaims(TaskStore tasks, Fence fence, Consumer<Task> start) {
        this.tasks = tasks;
        this.fence = fence;
        this.start = start;
    }

    /** Claims every queued task, after any poll still running; completes when the queue is empty. */
    Future<Void> poll() {
        polling = polling.transform(previous -> claimAll());
        return polling;
    }

    private Future<Void> claimAll() {
        return tasks.claimNext(Set.copyOf(Actions.ALL), fence).compose(claimed -> {
            if (claimed.isEmpty()) {
                return Future.succeededFuture();
            }
            start.accept(claimed.get());
            return claimAll();
        });
    }
}
