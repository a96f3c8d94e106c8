package io.slipway.store.testing.memory;

import io.slipway.store.Fence;
import io.slipway.store.NodeEvent;
import io.slipway.store.NodeState;
import io.slipway.store.NodeStateStore;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link NodeStateStore} in memory, as {@code PgNodeStateStore}: version 0 inserts (stored as
 * version 1), any other version must match the stored one, every write is fenced, and a miss is
 * explained the same way (stale epoch first, then missing row, then version).
 */
public final class MemoryNodeStateStore implements NodeStateStore {

    private final MemoryDatabase db;
    private final Map<String, NodeState> rows = new TreeMap<>();
    private final List<NodeEvent> events = new ArrayList<>();

    MemoryNodeStateStore(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Future<NodeState> find(String nodeName) {
        return db.read("loading node " + nodeName, () -> {
            NodeState s = rows.get(nodeName);
            if (s == null) {
                throw StoreException.notFound("node " + nodeName + " is unknown");
            }
            return s;
        });
    }

    @Override
    public Future<List<NodeState>> list() {
        return db.read("listing nodes", () -> List.copyOf(rows.values()));
    }

    @Override
    public Future<NodeState> save(NodeState state, Fence fence) {
        String doing = "saving node " + state.nodeName();
        return db.fenced(fence, doing, () -> {
            NodeState stored = rows.get(state.nodeName());
            boolean insert = state.version() == 0;
            if (insert ? stored != null : stored == null || stored.version() != state.version()) {
                throw miss(stored, doing);
            }
            NodeState saved = new NodeState(
                    state.nodeName(),
                    state.lifecycleState(),
                    state.power(),
                    state.bootDevice(),
                    state.lastError(),
                    state.retryBudget(),
                    state.progress().copy(),
                    db.now(),
                    insert ? 1 : stored.version() + 1);
            rows.put(saved.nodeName(), saved);
            return saved;
        });
    }

    @Override
    public Future<NodeEvent> append(NodeEvent event, Fence fence) {
        return db.fenced(fence, "recording an event of node " + event.nodeName(), () -> {
            NodeEvent stored = new NodeEvent(
                    db.nextId(),
                    event.nodeName(),
                    event.ts() == null ? db.now() : event.ts(),
                    event.kind(),
                    event.fromState(),
                    event.toState(),
                    event.taskId(),
                    event.detail(),
                    event.extra());
            events.add(stored);
            return stored;
        });
    }

    @Override
    public Future<List<NodeEvent>> timeline(String nodeName, long afterSeq, int limit) {
        return db.read(
                "loading the timeline of node " + nodeName,
                () -> events.stream()
                        .filter(e -> e.nodeName().equals(nodeName) && e.seq() > afterSeq)
                        .limit(limit)
                        .toList());
    }

    private static StoreException miss(NodeState stored, String doing) {
        if (stored == null) {
            return StoreException.notFound(doing + ": no such row");
        }
        return StoreException.conflict(doing + ": changed concurrently (now version " + stored.version() + ")");
    }
}
