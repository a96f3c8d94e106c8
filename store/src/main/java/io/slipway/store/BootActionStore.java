package io.slipway.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;

/**
 * Boot action contexts (one live context per node) and the status of each boot action.
 *
 * <p>Non-blocking, any thread; failures are {@link StoreException}s ({@code UNAVAILABLE} is
 * retryable).
 */
public interface BootActionStore {

    /**
     * Replaces the node's context with {@code context} and stores its actions, in one transaction.
     * Actions of earlier contexts stay as history but are no longer returned by {@link #actions}.
     * Orchestrator write: fenced.
     */
    Future<Void> createContext(BootActionContext context, List<BootActionStatus> actions, Fence fence);

    /** The node's live context; fails with {@code NOT_FOUND}. */
    Future<BootActionContext> context(String nodeName);

    /** The actions of the node's live context, by name; empty if it has none. */
    Future<List<BootActionStatus>> actions(String nodeName);

    /**
     * Records a status reported by the node. Not fenced (nodes report to any instance); idempotent
     * for the same status; a different status after the action finished fails with {@code CONFLICT}.
     * Fails with {@code NOT_FOUND} for an unknown action id.
     */
    Future<BootActionStatus> report(UUID actionId, String status);

    /** One action by id (whatever context it belongs to); fails with {@code NOT_FOUND}. */
    Future<BootActionStatus> action(UUID actionId);
}
