package io.slipway.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Tasks: requests from the API and the orchestrator's progress on them.
 *
 * <p>All methods are non-blocking and may be called from any thread, event loop included; the
 * returned future completes on a Vert.x context. Failures are {@link StoreException}s: {@code
 * UNAVAILABLE} when the database cannot be reached (retryable), plus the kinds named per method.
 * Writes that take a {@link Fence} are orchestrator writes and fail with {@code FENCED} once a
 * newer leader has advanced the epoch.
 */
public interface TaskStore {

    /**
     * Stores a new task requested through the API. Not fenced: any instance accepts requests. Not
     * idempotent: storing the same id twice fails with {@code CONFLICT}.
     */
    Future<Task> create(Task task);

    /**
     * Stores a subtask created by the orchestrator. Fails with {@code NOT_FOUND} if the parent does
     * not exist and {@code CONFLICT} if the id is taken.
     */
    Future<Task> createSubtask(Task subtask, Fence fence);

    /** The task with this id; fails with {@code NOT_FOUND}. */
    Future<Task> find(UUID id);

    /** The direct subtasks of a task, oldest first; empty if none (or no such task). */
    Future<List<Task>> subtasks(UUID parentId);

    /**
     * Saves changed progress and result. Succeeds only if {@code task.version()} is still the stored
     * version; otherwise fails with {@code CONFLICT} and the caller reloads (someone, e.g. a
     * termination request, changed the task). Returns the stored task with its new version.
     */
    Future<Task> update(Task task, Fence fence);

    /**
     * Atomically moves the oldest {@code queued} task whose action is in {@code actions} to {@code
     * running} and returns it; empty when none is queued. Concurrent callers never get the same task
     * ({@code FOR UPDATE SKIP LOCKED}). A claimed task may carry {@code terminate = true}: the caller
     * decides what that means.
     */
    Future<Optional<Task>> claimNext(Set<String> actions, Fence fence);

    /**
     * Flags a task for termination on behalf of {@code requestedBy}. Not fenced (the API does this);
     * idempotent; bumps the version so an orchestrator holding an older copy must reload before it
     * can save over the flag. Fails with {@code NOT_FOUND}.
     */
    Future<Task> requestTermination(UUID id, String requestedBy);
}
