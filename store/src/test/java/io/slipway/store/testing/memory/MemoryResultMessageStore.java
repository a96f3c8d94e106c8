package io.slipway.store.testing.memory;

import io.slipway.store.Fence;
import io.slipway.store.ResultMessage;
import io.slipway.store.ResultMessageStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@link ResultMessageStore} in memory: one sequence for all tasks, batches all or nothing, fenced. */
public final class MemoryResultMessageStore implements ResultMessageStore {

    private final MemoryDatabase db;
    private final MemoryTaskStore tasks;
    private final List<ResultMessage> rows = new ArrayList<>();

    MemoryResultMessageStore(MemoryDatabase db, MemoryTaskStore tasks) {
        this.db = db;
        this.tasks = tasks;
    }

    @Override
    public Future<Integer> append(UUID taskId, List<ResultMessage> messages, Fence fence) {
        if (messages.isEmpty()) {
            return Future.succeededFuture(0);
        }
        return db.fenced(fence, "appending messages to task " + taskId, () -> {
            tasks.requireExists(taskId, "appending messages to task " + taskId);
            for (ResultMessage m : messages) {
                rows.add(new ResultMessage(
                        db.nextId(),
                        taskId,
                        m.ts() == null ? db.now() : m.ts(),
                        m.level(),
                        m.message(),
                        m.contextType(),
                        m.contextId(),
                        m.extra()));
            }
            return messages.size();
        });
    }

    @Override
    public Future<List<ResultMessage>> list(UUID taskId) {
        return page(taskId, 0, Integer.MAX_VALUE);
    }

    @Override
    public Future<List<ResultMessage>> page(UUID taskId, long afterSeq, int limit) {
        return db.read(
                "loading messages of task " + taskId,
                () -> rows.stream()
                        .filter(m -> m.taskId().equals(taskId) && m.seq() > afterSeq)
                        .limit(limit)
                        .toList());
    }

    /** Deletes the messages of purged tasks and says how many; call under the database lock. */
    int remove(Set<UUID> taskIds) {
        int before = rows.size();
        rows.removeIf(m -> taskIds.contains(m.taskId()));
        return before - rows.size();
    }
}
