package io.slipway.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A task as stored: the request (action, design revision, node filter), its progress and its
 * result. Immutable; the {@code with*} methods return a changed copy to hand to {@link
 * TaskStore#update}. Timestamps and {@code version} are assigned by the store and are {@code null}
 * or zero on a task that was never stored. {@code node} is the one node a node action's subtask
 * stands for (stored as its own column, never read back out of the filter); {@code null} on
 * top-level tasks.
 */
public record Task(
        UUID id,
        UUID parentId,
        String action,
        Long designRevision,
        JsonObject nodeFilter,
        String node,
        TaskStatus status,
        TaskResult result,
        int retry,
        Instant created,
        String createdBy,
        Instant updated,
        Instant terminated,
        String terminatedBy,
        JsonObject requestContext,
        boolean terminate,
        long version) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
    }

    /** A new top-level task in status {@code requested}, not yet stored. */
    public static Task request(
            String action, Long designRevision, JsonObject nodeFilter, String createdBy, JsonObject requestContext) {
        return new Task(
                UUID.randomUUID(),
                null,
                action,
                designRevision,
                nodeFilter,
                null,
                TaskStatus.REQUESTED,
                TaskResult.incomplete(),
                0,
                null,
                createdBy,
                null,
                null,
                null,
                requestContext,
                false,
                0);
    }

    /** A new subtask of {@code parent}: same design revision, requester and retry round. */
    public static Task subtask(Task parent, String action, JsonObject nodeFilter) {
        return subtaskOf(parent, action, null, nodeFilter);
    }

    /**
     * A new subtask of {@code parent} for one node: as {@link #subtask}, with the node recorded
     * explicitly so a later leader reads it back without interpreting {@code nodeFilter}.
     */
    public static Task nodeSubtask(Task parent, String action, String node, JsonObject nodeFilter) {
        return subtaskOf(parent, action, Objects.requireNonNull(node, "node"), nodeFilter);
    }

    private static Task subtaskOf(Task parent, String action, String node, JsonObject nodeFilter) {
        return new Task(
                UUID.randomUUID(),
                parent.id(),
                action,
                parent.designRevision(),
                nodeFilter,
                node,
                TaskStatus.REQUESTED,
                TaskResult.incomplete(),
                parent.retry(),
                null,
                parent.createdBy(),
                null,
                null,
                null,
                parent.requestContext(),
                false,
                0);
    }

    public Task withStatus(TaskStatus newStatus) {
        return new Task(
                id,
                parentId,
                action,
                designRevision,
                nodeFilter,
                node,
                newStatus,
                result,
                retry,
                created,
                createdBy,
                updated,
                terminated,
                terminatedBy,
                requestContext,
                terminate,
                version);
    }

    public Task withResult(TaskResult newResult) {
        return new Task(
                id,
                parentId,
                action,
                designRevision,
                nodeFilter,
                node,
                status,
                newResult,
                retry,
                created,
                createdBy,
                updated,
                terminated,
                terminatedBy,
                requestContext,
                terminate,
                version);
    }

    public Task withRetry(int newRetry) {
        return new Task(
                id,
                parentId,
                action,
                designRevision,
                nodeFilter,
                node,
                status,
                result,
                newRetry,
                created,
                createdBy,
                updated,
                terminated,
                terminatedBy,
                requestContext,
                terminate,
                version);
    }

    /** Status {@code terminated}; the store stamps the time when this is first saved. */
    public Task markTerminated(String who) {
        return new Task(
                id,
                parentId,
                action,
                designRevision,
                nodeFilter,
                node,
                TaskStatus.TERMINATED,
                result,
                retry,
                created,
                createdBy,
                updated,
                terminated,
                who,
                requestContext,
                terminate,
                version);
    }
}
