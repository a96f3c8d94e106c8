package io.slipway.store.testing.memory;

import io.slipway.store.Fence;
import io.slipway.store.SiteLock;
import io.slipway.store.SiteLockStore;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SiteLockStore} in memory, as {@code PgSiteLockStore}: {@code lock} keeps and returns an
 * existing lock (whatever the fence), and fails with {@code FENCED} only when it would create one
 * under a stale epoch; {@code pending} under a stale epoch changes nothing, as the Pg statement
 * does; revisions must exist (foreign keys).
 */
public final class MemorySiteLockStore implements SiteLockStore {

    private final MemoryDatabase db;
    private final MemoryDesignStore designs;
    private final Map<String, SiteLock> rows = new HashMap<>();

    MemorySiteLockStore(MemoryDatabase db, MemoryDesignStore designs) {
        this.db = db;
        this.designs = designs;
    }

    @Override
    public Future<Optional<SiteLock>> find(String site) {
        return db.read("loading the lock of site " + site, () -> Optional.ofNullable(rows.get(site)));
    }

    @Override
    public Future<SiteLock> lock(String site, long revision, String by, Fence fence) {
        return db.write("locking site " + site, () -> {
            SiteLock existing = rows.get(site);
            if (existing != null) {
                return existing;
            }
            if (!db.current(fence)) {
                throw StoreException.fenced(fence);
            }
            designs.requireExists(revision, "locking site " + site);
            SiteLock lock = new SiteLock(site, revision, by, db.now(), null);
            rows.put(site, lock);
            return lock;
        });
    }

    @Override
    public Future<Void> pending(String site, long revision, Fence fence) {
        return db.write("recording a pending revision of site " + site, () -> {
            SiteLock l = rows.get(site);
            if (l != null && l.revision() != revision && db.current(fence)) {
                designs.requireExists(revision, "recording a pending revision of site " + site);
                rows.put(site, new SiteLock(site, l.revision(), l.lockedBy(), l.lockedAt(), revision));
            }
            return null;
        });
    }

    @Override
    public Future<SiteLock> approve(String site, long revision) {
        return db.write("approving revision " + revision + " of site " + site, () -> {
            SiteLock l = rows.get(site);
            if (l == null) {
                throw StoreException.notFound("site " + site + " is not locked");
            }
            designs.requireExists(revision, "approving revision " + revision + " of site " + site);
            SiteLock approved = new SiteLock(site, revision, l.lockedBy(), db.now(), null);
            rows.put(site, approved);
            return approved;
        });
    }

    @Override
    public Future<Void> unlock(String site) {
        return db.write("unlocking site " + site, () -> {
            rows.remove(site);
            return null;
        });
    }
}
