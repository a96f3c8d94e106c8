package io.slipway.store;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Design locks per site (taken by {@code prepare_site}). Non-blocking, any thread; failures are
 * {@link StoreException}s ({@code FENCED} for a stale epoch on the orchestrator's writes).
 */
public interface SiteLockStore {

    /** The site's lock, if it is locked. */
    Future<Optional<SiteLock>> find(String site);

    /**
     * Locks the site to {@code revision} unless it is already locked, in which case the existing lock
     * is kept (and returned). Idempotent. Fenced: only the leader locks.
     */
    Future<SiteLock> lock(String site, long revision, String by, Fence fence);

    /** Records a newer revision waiting for approval on a locked site. Fenced. */
    Future<Void> pending(String site, long revision, Fence fence);

    /** An operator moves the lock to {@code revision} (usually the pending one). Fails with {@code NOT_FOUND} when not locked. */
    Future<SiteLock> approve(String site, long revision);

    /** An operator unlocks the site. Idempotent. */
    Future<Void> unlock(String site);
}
