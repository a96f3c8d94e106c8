package io.slipway.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;

/**
 * The ordered result log of each task. Messages are kept in full: no truncation, no width limit.
 *
 * <p>Non-blocking, any thread; failures are {@link StoreException}s ({@code UNAVAILABLE} is
 * retryable).
 */
public interface ResultMessageStore {

    /**
     * Appends messages to a task's log in list order, all or nothing, in one round trip. Fails with
     * {@code NOT_FOUND} if the task does not exist and {@code FENCED} if the epoch is stale. Not
     * idempotent: a retry after an ambiguous failure may append twice. Returns the number appended.
     */
    Future<Integer> append(UUID taskId, List<ResultMessage> messages, Fence fence);

    /** The whole log of a task, in append order; empty if none. */
    Future<List<ResultMessage>> list(UUID taskId);

    /** Up to {@code limit} messages with {@code seq > afterSeq}, in append order. */
    Future<List<ResultMessage>> page(UUID taskId, long afterSeq, int limit);
}
