package io.slipway.store;

import io.vertx.core.Future;
import java.util.List;

/**
 * Observed node state and each node's append-only timeline.
 *
 * <p>Non-blocking, any thread; failures are {@link StoreException}s ({@code UNAVAILABLE} is
 * retryable). Writes are orchestrator writes and take a {@link Fence}.
 */
public interface NodeStateStore {

    /** The state of one node; fails with {@code NOT_FOUND}. */
    Future<NodeState> find(String nodeName);

    /** Every known node, by name. */
    Future<List<NodeState>> list();

    /**
     * Saves a node's state with optimistic concurrency. A state with version 0 is inserted ({@code
     * CONFLICT} if the node exists); otherwise the stored version must match ({@code CONFLICT} if it
     * moved on, {@code NOT_FOUND} if the node is gone). Returns the stored state with its new
     * version.
     */
    Future<NodeState> save(NodeState state, Fence fence);

    /** Appends one event to the node's timeline and returns it with its sequence number. */
    Future<NodeEvent> append(NodeEvent event, Fence fence);

    /** Up to {@code limit} events of a node with {@code seq > afterSeq}, oldest first. */
    Future<List<NodeEvent>> timeline(String nodeName, long afterSeq, int limit);
}
