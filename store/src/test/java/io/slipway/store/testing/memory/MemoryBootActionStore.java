package io.slipway.store.testing.memory;

import io.slipway.store.BootActionContext;
import io.slipway.store.BootActionStatus;
import io.slipway.store.BootActionStore;
import io.slipway.store.Fence;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@link BootActionStore} in memory, as {@code PgBootActionStore}: one live context per node, the
 * actions of older contexts kept as history but not listed, a finished action cannot change.
 */
public final class MemoryBootActionStore implements BootActionStore {

    private static final String INCOMPLETE = "incomplete";

    private final MemoryDatabase db;
    private final MemoryTaskStore tasks;
    private final Map<String, BootActionContext> contexts = new HashMap<>();
    private final Map<UUID, Row> actions = new LinkedHashMap<>();

    /** An action row and the key hash of the context that created it. */
    private record Row(BootActionStatus status, byte[] keyHash) {}

    MemoryBootActionStore(MemoryDatabase db, MemoryTaskStore tasks) {
        this.db = db;
        this.tasks = tasks;
    }

    @Override
    public Future<Void> createContext(BootActionContext context, List<BootActionStatus> statuses, Fence fence) {
        String doing = "creating the boot action context of " + context.nodeName();
        return db.fenced(fence, doing, () -> {
            tasks.requireExists(context.taskId(), doing);
            if (statuses.stream().anyMatch(a -> actions.containsKey(a.actionId()))) {
                throw StoreException.conflict(doing + ": already exists");
            }
            byte[] hash = context.identityKeyHash();
            contexts.put(
                    context.nodeName(), new BootActionContext(context.nodeName(), context.taskId(), hash, db.now()));
            for (BootActionStatus a : statuses) {
                BootActionStatus row = new BootActionStatus(
                        a.actionId(), context.nodeName(), context.taskId(), a.actionName(), a.status(), db.now());
                actions.put(a.actionId(), new Row(row, hash));
            }
            return null;
        });
    }

    @Override
    public Future<BootActionContext> context(String nodeName) {
        return db.read("loading the boot action context of " + nodeName, () -> {
            BootActionContext c = contexts.get(nodeName);
            if (c == null) {
                throw StoreException.notFound("node " + nodeName + " has no boot action context");
            }
            return c;
        });
    }

    @Override
    public Future<List<BootActionStatus>> actions(String nodeName) {
        return db.read("loading the boot actions of " + nodeName, () -> {
            BootActionContext live = contexts.get(nodeName);
            return actions.values().stream()
                    .filter(r -> live != null
                            && r.status().nodeName().equals(nodeName)
                            && Arrays.equals(r.keyHash(), live.identityKeyHash()))
                    .map(Row::status)
                    .sorted(Comparator.comparing(BootActionStatus::actionName)
                            .thenComparing(BootActionStatus::actionId))
                    .toList();
        });
    }

    @Override
    public Future<BootActionStatus> report(UUID actionId, String status) {
        return db.write("recording boot action " + actionId, () -> {
            Row r = existing(actionId);
            BootActionStatus s = r.status();
            if (!s.status().equals(INCOMPLETE) && !s.status().equals(status)) {
                throw StoreException.conflict("boot action " + actionId + " is already " + s.status());
            }
            BootActionStatus next =
                    new BootActionStatus(actionId, s.nodeName(), s.taskId(), s.actionName(), status, db.now());
            actions.put(actionId, new Row(next, r.keyHash()));
            return next;
        });
    }

    @Override
    public Future<BootActionStatus> action(UUID actionId) {
        return db.read(
                "loading boot action " + actionId, () -> existing(actionId).status());
    }

    /** Purged tasks leave contexts and actions without a task reference; call under the database lock. */
    void forget(Set<UUID> taskIds) {
        contexts.replaceAll((node, c) ->
                taskIds.contains(c.taskId()) ? new BootActionContext(node, null, c.identityKeyHash(), c.created()) : c);
        actions.replaceAll((id, r) -> taskIds.contains(r.status().taskId()) ? withoutTask(r) : r);
    }

    private static Row withoutTask(Row r) {
        BootActionStatus s = r.status();
        return new Row(
                new BootActionStatus(s.actionId(), s.nodeName(), null, s.actionName(), s.status(), s.updated()),
                r.keyHash());
    }

    private Row existing(UUID actionId) {
        Row r = actions.get(actionId);
        if (r == null) {
            throw StoreException.notFound("boot action " + actionId + " does not exist");
        }
        return r;
    }
}
