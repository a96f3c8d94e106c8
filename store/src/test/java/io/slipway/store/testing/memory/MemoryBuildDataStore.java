package io.slipway.store.testing.memory;

import io.slipway.store.BuildData;
import io.slipway.store.BuildDataStore;
import io.slipway.store.Fence;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** {@link BuildDataStore} in memory: append-only, fenced, history kept when a task is purged. */
public final class MemoryBuildDataStore implements BuildDataStore {

    private static final Comparator<BuildData> NEWEST_FIRST = Comparator.comparing(BuildData::collected)
            .thenComparingLong(BuildData::id)
            .reversed();

    private final MemoryDatabase db;
    private final MemoryTaskStore tasks;
    private final List<BuildData> rows = new ArrayList<>();

    MemoryBuildDataStore(MemoryDatabase db, MemoryTaskStore tasks) {
        this.db = db;
        this.tasks = tasks;
    }

    @Override
    public Future<BuildData> append(BuildData data, Fence fence) {
        String doing = "storing build data of " + data.nodeName();
        return db.fenced(fence, doing, () -> {
            tasks.requireExists(data.taskId(), doing);
            BuildData stored = new BuildData(
                    db.nextId(),
                    data.nodeName(),
                    data.taskId(),
                    data.collected() == null ? db.now() : data.collected(),
                    data.generator(),
                    data.format(),
                    data.data());
            rows.add(stored);
            return stored;
        });
    }

    @Override
    public Future<List<BuildData>> history(String nodeName) {
        return db.read(
                "loading build data of " + nodeName,
                () -> rows.stream()
                        .filter(d -> d.nodeName().equals(nodeName))
                        .sorted(NEWEST_FIRST)
                        .toList());
    }

    @Override
    public Future<List<BuildData>> latest(String nodeName) {
        return db.read("loading build data of " + nodeName, () -> {
            Map<String, BuildData> newest = new TreeMap<>();
            rows.stream()
                    .filter(d -> d.nodeName().equals(nodeName))
                    .sorted(NEWEST_FIRST)
                    .forEach(d -> newest.putIfAbsent(d.generator(), d));
            return List.copyOf(newest.values());
        });
    }

    @Override
    public Future<List<BuildData>> forTask(UUID taskId) {
        return db.read(
                "loading build data of task " + taskId,
                () -> rows.stream().filter(d -> taskId.equals(d.taskId())).toList());
    }

    /** Purged tasks leave their build data without a task reference; call under the database lock. */
    void forget(Set<UUID> taskIds) {
        rows.replaceAll(d -> taskIds.contains(d.taskId())
                ? new BuildData(d.id(), d.nodeName(), null, d.collected(), d.generator(), d.format(), d.data())
                : d);
    }
}
