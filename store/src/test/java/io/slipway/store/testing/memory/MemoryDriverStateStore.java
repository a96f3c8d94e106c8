package io.slipway.store.testing.memory;

import io.slipway.drivers.spi.state.DriverStateStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link DriverStateStore} in memory: last writer wins, the version grows by one per write. */
public final class MemoryDriverStateStore implements DriverStateStore {

    private final MemoryDatabase db;
    private final Map<String, Map<String, Entry>> scopes = new TreeMap<>();

    MemoryDriverStateStore(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Future<Entry> get(String scope, String key) {
        return db.read(
                "loading driver state " + scope + "/" + key, () -> scope(scope).get(key));
    }

    @Override
    public Future<Entry> put(String scope, String key, String value) {
        return db.write("storing driver state " + scope + "/" + key, () -> {
            Entry old = scope(scope).get(key);
            Entry next = new Entry(scope, key, value, old == null ? 1 : old.version() + 1);
            scope(scope).put(key, next);
            return next;
        });
    }

    @Override
    public Future<Boolean> delete(String scope, String key) {
        return db.write(
                "deleting driver state " + scope + "/" + key, () -> scope(scope).remove(key) != null);
    }

    @Override
    public Future<List<Entry>> list(String scope) {
        return db.read(
                "listing driver state " + scope, () -> List.copyOf(scope(scope).values()));
    }

    private Map<String, Entry> scope(String scope) {
        return scopes.computeIfAbsent(scope, s -> new TreeMap<>());
    }
}
