package io.slipway.store.pg;

import io.slipway.store.BuildData;
import io.slipway.store.BuildDataStore;
import io.slipway.store.Fence;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/** {@link BuildDataStore} on Postgres. */
public final class PgBuildDataStore implements BuildDataStore {

    private final Pool pool;

    public PgBuildDataStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<BuildData> append(BuildData data, Fence fence) {
        Tuple params = Tuple.of(
                        data.nodeName(),
                        data.taskId(),
                        Rows.timestamp(data.collected()),
                        data.generator(),
                        data.format(),
                        data.data())
                .addLong(fence.epoch());
        return pool.preparedQuery(BuildDataSql.APPEND)
                .execute(params)
                .recover(PgErrors.recover("storing build data of " + data.nodeName()))
                .compose(rows -> rows.size() == 1
                        ? Future.succeededFuture(item(rows.iterator().next()))
                        : Future.failedFuture(StoreException.fenced(fence)));
    }

    @Override
    public Future<List<BuildData>> history(String nodeName) {
        return select(BuildDataSql.HISTORY, nodeName, "loading build data of " + nodeName);
    }

    @Override
    public Future<List<BuildData>> latest(String nodeName) {
        return select(BuildDataSql.LATEST, nodeName, "loading build data of " + nodeName);
    }

    @Override
    public Future<List<BuildData>> forTask(UUID taskId) {
        return select(BuildDataSql.FOR_TASK, taskId, "loading build data of task " + taskId);
    }

    private Future<List<BuildData>> select(String sql, Object key, String doing) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(key))
                .map(rows -> Rows.all(rows, PgBuildDataStore::item))
                .recover(PgErrors.recover(doing));
    }

    private static BuildData item(Row row) {
        return new BuildData(
                row.getLong("id"),
                row.getString("node_name"),
                row.getUUID("task_id"),
                Rows.instant(row, "collected"),
                row.getString("generator"),
                row.getString("data_format"),
                row.getString("data"));
    }
}
