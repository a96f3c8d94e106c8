package io.slipway.store;

import io.vertx.core.Future;

/**
 * The fencing epoch. Leadership itself is decided elsewhere (a lease); this store only makes sure
 * that once a new leader has advanced the epoch, writes issued under an older epoch fail with
 * {@link StoreException.Kind#FENCED}.
 *
 * <p>Non-blocking, any thread; failures are {@link StoreException}s ({@code UNAVAILABLE} is
 * retryable).
 */
public interface LeaderEpochStore {

    /**
     * Increments the epoch for {@code instanceId}, which has just won leadership, and returns the
     * fence to attach to its writes. Not idempotent: every call fences off the previous epoch,
     * including the caller's own.
     */
    Future<Fence> advance(String instanceId);

    /** The current epoch. */
    Future<Fence> current();
}
