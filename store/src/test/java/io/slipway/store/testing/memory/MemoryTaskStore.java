package io.slipway.store.testing.memory;

import io.slipway.store.Fence;
import io.slipway.store.StoreException;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import io.slipway.store.TaskStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link TaskStore} in memory, with the semantics of {@code PgTaskStore}: the store stamps {@code
 * created}/{@code updated}, bumps {@code version} on every update, rejects stale versions with
 * {@code CONFLICT} and stale epochs with {@code FENCED}, and checks the parent and design revision
 * exist as the foreign keys do. Tasks created at the same instant are claimed in creation order.
 */
public final class MemoryTaskStore implements TaskStore {

    private static final Comparator<Task> OLDEST_FIRST = Comparator.comparing(Task::created);

    private final MemoryDatabase db;
    private final MemoryDesignStore designs;
    private final Map<UUID, Task> rows = new LinkedHashMap<>();

    MemoryTaskStore(MemoryDatabase db, MemoryDesignStore designs) {
        this.db = db;
        this.designs = designs;
    }

    @Override
    public Future<Task> create(Task task) {
        return db.write("creating task " + task.id(), () -> insert(task));
    }

    @Override
    public Future<Task> createSubtask(Task subtask, Fence fence) {
        if (subtask.parentId() == null) {
            return Future.failedFuture(new IllegalArgumentException("a subtask needs a parent"));
        }
        return db.fenced(fence, "creating subtask " + subtask.id(), () -> insert(subtask));
    }

    @Override
    public Future<Task> find(UUID id) {
        return db.read("loading task " + id, () -> existing(id));
    }

    @Override
    public Future<List<Task>> subtasks(UUID parentId) {
        return db.read(
                "loading subtasks of " + parentId,
                () -> oldestFirst(rows.values().stream().filter(t -> parentId.equals(t.parentId())))
                        .toList());
    }

    @Override
    public Future<Task> update(Task task, Fence fence) {
        String doing = "updating task " + task.id();
        return db.fenced(fence, doing, () -> {
            Task stored = rows.get(task.id());
            if (stored == null) {
                throw StoreException.notFound(doing + ": no such row");
            }
            if (stored.version() != task.version()) {
                throw StoreException.conflict(doing + ": changed concurrently (now version " + stored.version() + ")");
            }
            return put(updated(stored, task));
        });
    }

    @Override
    public Future<Optional<Task>> claimNext(Set<String> actions, Fence fence) {
        return db.fenced(
                fence,
                "claiming a task",
                () -> oldestFirst(rows.values().stream()
                                .filter(t -> TaskStatus.QUEUED.equals(t.status()) && actions.contains(t.action())))
                        .findFirst()
                        .map(t -> put(stamped(
                                t.withStatus(TaskStatus.RUNNING), t.terminatedBy(), t.terminated(), t.terminate()))));
    }

    @Override
    public Future<Task> requestTermination(UUID id, String requestedBy) {
        return db.write("terminating task " + id, () -> {
            Task t = existing(id);
            String by = t.terminatedBy() == null ? requestedBy : t.terminatedBy();
            if (t.terminate()) {
                return put(copy(t, by, t.terminated(), true, t.updated(), t.version()));
            }
            return put(stamped(t, by, t.terminated(), true));
        });
    }

    /** Every task, for {@link MemoryTaskHistory}; call under the database lock. */
    Stream<Task> all() {
        return rows.values().stream();
    }

    /** Deletes tasks (the purge); call under the database lock. */
    void remove(Set<UUID> ids) {
        rows.keySet().removeAll(ids);
    }

    /** The foreign key check of the other stores; call under the database lock. */
    void requireExists(UUID id, String doing) {
        if (id != null && !rows.containsKey(id)) {
            throw StoreException.notFound(doing + ": referenced row does not exist");
        }
    }

    private Task insert(Task task) {
        if (rows.containsKey(task.id())) {
            throw StoreException.conflict("creating task " + task.id() + ": already exists");
        }
        requireExists(task.parentId(), "creating task " + task.id());
        if (task.designRevision() != null) {
            designs.requireExists(task.designRevision(), "creating task " + task.id());
        }
        Instant now = db.now();
        return put(new Task(
                task.id(),
                task.parentId(),
                task.action(),
                task.designRevision(),
                task.nodeFilter(),
                task.node(),
                task.status(),
                task.result(),
                task.retry(),
                now,
                task.createdBy(),
                now,
                null,
                null,
                task.requestContext(),
                task.terminate(),
                0));
    }

    /** The columns {@code UPDATE} sets, from {@code change}; the rest stays as stored. */
    private Task updated(Task stored, Task change) {
        boolean terminating = TaskStatus.TERMINATED.equals(change.status());
        Instant terminated = terminating && stored.terminated() == null ? db.now() : stored.terminated();
        String by = change.terminatedBy() != null ? change.terminatedBy() : stored.terminatedBy();
        Task next = new Task(
                stored.id(),
                stored.parentId(),
                stored.action(),
                stored.designRevision(),
                change.nodeFilter(),
                stored.node(),
                change.status(),
                change.result(),
                change.retry(),
                stored.created(),
                stored.createdBy(),
                stored.updated(),
                stored.terminated(),
                stored.terminatedBy(),
                stored.requestContext(),
                stored.terminate(),
                stored.version());
        return stamped(next, by, terminated, stored.terminate());
    }

    private Task stamped(Task t, String terminatedBy, Instant terminated, boolean terminate) {
        return copy(t, terminatedBy, terminated, terminate, db.now(), t.version() + 1);
    }

    private static Task copy(
            Task t, String terminatedBy, Instant terminated, boolean terminate, Instant updated, long version) {
        return new Task(
                t.id(),
                t.parentId(),
                t.action(),
                t.designRevision(),
                t.nodeFilter(),
                t.node(),
                t.status(),
                t.result(),
                t.retry(),
                t.created(),
                t.createdBy(),
                updated,
                terminated,
                terminatedBy,
                t.requestContext(),
                terminate,
                version);
    }

    private Task existing(UUID id) {
        Task t = rows.get(id);
        if (t == null) {
            throw StoreException.notFound("task " + id + " does not exist");
        }
        return t;
    }

    private Task put(Task t) {
        rows.put(t.id(), t);
        return t;
    }

    private static Stream<Task> oldestFirst(Stream<Task> tasks) {
        return tasks.sorted(OLDEST_FIRST);
    }
}
