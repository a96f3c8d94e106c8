package io.slipway.drivers.spi.state;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link DriverStateStore} in memory, for unit tests and throw-away runs: nothing survives the
 * process. Thread-safe; futures are already complete.
 */
public final class MemoryDriverStateStore implements DriverStateStore {
    private final Map<String, ConcurrentSkipListMap<String, Entry>> scopes = new ConcurrentHashMap<>();

    @Override
    public Future<Entry> get(String scope, String key) {
        return Future.succeededFuture(scope(scope).get(key));
    }

    @Override
    public Future<Entry> put(String scope, String key, String value) {
        Entry e =
                scope(scope).compute(key, (k, old) -> new Entry(scope, k, value, old == null ? 1 : old.version() + 1));
        return Future.succeededFuture(e);
    }

    @Override
    public Future<Boolean> delete(String scope, String key) {
        return Future.succeededFuture(scope(scope).remove(key) != null);
    }

    @Override
    public Future<List<Entry>> list(String scope) {
        return Future.succeededFuture(List.copyOf(scope(scope).values()));
    }

    private ConcurrentSkipListMap<String, Entry> scope(String scope) {
        return scopes.computeIfAbsent(scope, s -> new ConcurrentSkipListMap<>());
    }
}
