package io.slipway.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A task as stored: the request (action, design revision, node filter), its progress and its
 * result. Immutable; the {@code with*} methods return a changed copy to hand to {@link
 * TaskStore#update}. Timestamps and {@code version} are assigned by the store and are {@code null}
 * or zero on a task that was never stored.
 */
public record Task(
        UUID id,
        UUID parentId,
        String action,
        Long designRevision,
        JsonObject nodeFilter,
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
        return new Task(
                UUID.randomUUID(),
                parent.id(),
                action,
                parent.designRevision(),
                nodeFilter,
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
