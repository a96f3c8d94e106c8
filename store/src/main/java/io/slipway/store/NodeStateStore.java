package io.slipway.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
     * How many nodes are in each lifecycle state (states without nodes absent). A store on a database
     * overrides this with one aggregate query; the default counts {@link #list()}.
     */
    default Future<Map<String, Long>> countByState() {
        return list().map(nodes -> {
            Map<String, Long> counts = new TreeMap<>();
            nodes.forEach(n -> counts.merge(n.lifecycleState(), 1L, Long::sum));
            return counts;
        });
    }

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
