package io.slipway.api.http;

import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Rendered JSON of finished tasks. A complete or terminated task no longer changes, so its answer
 * is kept (bounded, least recently used first out, and for at most {@code ttlMs} so a purge made by
 * another instance is seen). Thread-safe: route handlers run on several event loops.
 */
final class FinishedTasks {
    private record Entry(Buffer json, long at) {}

    private final int capacity;
    private final long ttlMs;
    private final Map<UUID, Entry> entries;

    FinishedTasks(int capacity, long ttlMs) {
        this.capacity = capacity;
        this.ttlMs = ttlMs;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
                return size() > FinishedTasks.this.capacity;
            }
        };
    }

    synchronized Buffer get(UUID id) {
        Entry e = entries.get(id);
        if (e == null || System.currentTimeMillis() - e.at() > ttlMs) {
            entries.remove(id);
            return null;
        }
        return e.json();
    }

    synchronized void put(UUID id, Buffer json) {
        entries.put(id, new Entry(json, System.currentTimeMillis()));
    }

    synchronized void clear() {
        entries.clear();
    }
}
