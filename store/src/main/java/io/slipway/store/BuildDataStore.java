package io.slipway.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;

/**
 * Data collected about nodes while tasks run. Append-only: history survives redeploys and task
 * purges.
 *
 * <p>Non-blocking, any thread; failures are {@link StoreException}s ({@code UNAVAILABLE} is
 * retryable).
 */
public interface BuildDataStore {

    /** Stores one item and returns it with its id and collection time. Orchestrator write: fenced. */
    Future<BuildData> append(BuildData data, Fence fence);

    /** Everything collected about a node, newest first. */
    Future<List<BuildData>> history(String nodeName);

    /** The newest item per generator for a node. */
    Future<List<BuildData>> latest(String nodeName);

    /** Everything collected by one task, oldest first. */
    Future<List<BuildData>> forTask(UUID taskId);
}
