package io.slipway.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/**
 * Reading the task history and keeping it bounded.
 *
 * <p>Non-blocking, any thread; failures are {@link StoreException}s ({@code UNAVAILABLE} is
 * retryable).
 */
public interface TaskHistory {

    /** One page of tasks matching the query, newest first. */
    Future<TaskPage> query(TaskQuery query);

    /**
     * Every stored top-level task counted by action, status and result status. A store on a database
     * overrides this with one aggregate query; the default pages through {@link #query}.
     */
    default Future<List<TaskCount>> countTopLevel() {
        return TaskCounting.count(this);
    }

    /**
     * Deletes finished ({@code complete} or {@code terminated}) tasks last updated more than {@code
     * olderThan} ago, together with their result messages. Runs as many short, separately committed
     * batches, so the site keeps working while it runs (no table lock, no {@code VACUUM FULL}). A
     * task that still has a subtask that is not purgeable is kept. Build data and boot action history
     * are kept; their task reference becomes empty. Idempotent; safe to interrupt and run again.
     */
    Future<PurgeReport> purge(Duration olderThan);
}
