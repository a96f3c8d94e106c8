package io.slipway.store.pg;

import io.slipway.store.Fence;
import io.slipway.store.StoreException;
import io.slipway.store.Task;
import io.slipway.store.TaskStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link TaskStore} on Postgres through the Vert.x PG client. */
public final class PgTaskStore implements TaskStore {

    private static final String[] NO_ACTIONS = new String[0];

    private final Pool pool;

    public PgTaskStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Task> create(Task task) {
        return pool.preparedQuery(TaskSql.INSERT)
                .execute(TaskRows.insert(task))
                .map(rows -> TaskRows.task(rows.iterator().next()))
                .recover(PgErrors.recover("creating task " + task.id()));
    }

    @Override
    public Future<Task> createSubtask(Task subtask, Fence fence) {
        if (subtask.parentId() == null) {
            return Future.failedFuture(new IllegalArgumentException("a subtask needs a parent"));
        }
        String doing = "creating subtask " + subtask.id();
        return pool.preparedQuery(TaskSql.INSERT_FENCED)
                .execute(TaskRows.insert(subtask).addLong(fence.epoch()))
                .recover(PgErrors.recover(doing))
                .compose(rows -> rows.size() == 1
                        ? Future.succeededFuture(TaskRows.task(rows.iterator().next()))
                        : Future.failedFuture(StoreException.fenced(fence)));
    }

    @Override
    public Future<Task> find(UUID id) {
        return pool.preparedQuery(TaskSql.FIND)
                .execute(Tuple.of(id))
                .recover(PgErrors.recover("loading task " + id))
                .compose(rows -> single(rows, "task " + id));
    }

    @Override
    public Future<List<Task>> subtasks(UUID parentId) {
        return pool.preparedQuery(TaskSql.SUBTASKS)
                .execute(Tuple.of(parentId))
                .map(rows -> Rows.all(rows, TaskRows::task))
                .recover(PgErrors.recover("loading subtasks of " + parentId));
    }

    @Override
    public Future<Task> update(Task task, Fence fence) {
        String doing = "updating task " + task.id();
        return pool.preparedQuery(TaskSql.UPDATE)
                .execute(TaskRows.update(task).addLong(fence.epoch()))
                .recover(PgErrors.recover(doing))
                .compose(rows -> rows.size() == 1
                        ? Future.succeededFuture(TaskRows.task(rows.iterator().next()))
                        : Misses.explain(pool, TaskSql.PROBE, Tuple.of(task.id()), fence, doing));
    }

    @Override
    public Future<Optional<Task>> claimNext(Set<String> actions, Fence fence) {
        return pool.preparedQuery(TaskSql.CLAIM_NEXT)
                .execute(Tuple.of(actions.toArray(NO_ACTIONS), fence.epoch()))
                .recover(PgErrors.recover("claiming a task"))
                .compose(rows -> rows.size() == 1
                        ? Future.succeededFuture(
                                Optional.of(TaskRows.task(rows.iterator().next())))
                        : nothingQueued(fence));
    }

    @Override
    public Future<Task> requestTermination(UUID id, String requestedBy) {
        return pool.preparedQuery(TaskSql.REQUEST_TERMINATION)
                .execute(Tuple.of(id, requestedBy))
                .recover(PgErrors.recover("terminating task " + id))
                .compose(rows -> single(rows, "task " + id));
    }

    /** An empty claim means either an empty queue or a stale fence; the caller must know which. */
    private Future<Optional<Task>> nothingQueued(Fence fence) {
        return pool.query(TaskSql.EPOCH)
                .execute()
                .recover(PgErrors.recover("checking the leader epoch"))
                .compose(rows -> rows.iterator().next().getLong("epoch") == fence.epoch()
                        ? Future.succeededFuture(Optional.<Task>empty())
                        : Future.failedFuture(StoreException.fenced(fence)));
    }

    private static Future<Task> single(RowSet<Row> rows, String what) {
        return rows.size() == 1
                ? Future.succeededFuture(TaskRows.task(rows.iterator().next()))
                : Future.failedFuture(StoreException.notFound(what + " does not exist"));
    }
}
