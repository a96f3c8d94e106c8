package io.slipway.store.testing.memory;

import io.slipway.store.DesignRevision;
import io.slipway.store.DesignStore;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link DesignStore} in memory: revisions numbered from 1, identical content is the same revision. */
public final class MemoryDesignStore implements DesignStore {

    private final MemoryDatabase db;
    private final Map<Long, DesignRevision> rows = new TreeMap<>();
    private long lastId;

    MemoryDesignStore(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Future<DesignRevision> save(String sourceRef, String documents) {
        String hash = DesignRevision.hashOf(documents);
        return db.write(
                "saving design from " + sourceRef,
                () -> rows.values().stream()
                        .filter(r -> r.contentHash().equals(hash))
                        .findFirst()
                        .orElseGet(() -> {
                            DesignRevision r = new DesignRevision(++lastId, hash, sourceRef, documents, db.now());
                            rows.put(r.id(), r);
                            return r;
                        }));
    }

    @Override
    public Future<DesignRevision> find(long id) {
        return db.read("loading design revision " + id, () -> {
            DesignRevision r = rows.get(id);
            if (r == null) {
                throw StoreException.notFound("design revision " + id + " does not exist");
            }
            return r;
        });
    }

    @Override
    public Future<List<DesignRevision>> recent(int limit) {
        return db.read(
                "listing design revisions",
                () -> rows.values().stream()
                        .sorted(Comparator.comparingLong(DesignRevision::id).reversed())
                        .limit(limit)
                        .toList());
    }

    /** The foreign key check of the other stores; call under the database lock. */
    void requireExists(long id, String doing) {
        if (!rows.containsKey(id)) {
            throw StoreException.notFound(doing + ": referenced row does not exist");
        }
    }
}
