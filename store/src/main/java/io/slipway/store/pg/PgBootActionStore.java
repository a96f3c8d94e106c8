package io.slipway.store.pg;

import io.slipway.store.BootActionContext;
import io.slipway.store.BootActionStatus;
import io.slipway.store.BootActionStore;
import io.slipway.store.Fence;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/** {@link BootActionStore} on Postgres. */
public final class PgBootActionStore implements BootActionStore {

    private final Pool pool;

    public PgBootActionStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Void> createContext(BootActionContext context, List<BootActionStatus> actions, Fence fence) {
        Buffer keyHash = Buffer.buffer(context.identityKeyHash());
        Tuple upsert = Tuple.of(context.nodeName(), context.taskId(), keyHash, fence.epoch());
        return pool.withTransaction(conn -> conn.preparedQuery(BootActionSql.UPSERT_CONTEXT)
                        .execute(upsert)
                        .compose(rows -> rows.rowCount() == 1
                                ? insertActions(conn, context, keyHash, actions)
                                : Future.<Void>failedFuture(StoreException.fenced(fence))))
                .recover(PgErrors.recover("creating the boot action context of " + context.nodeName()));
    }

    @Override
    public Future<BootActionContext> context(String nodeName) {
        return pool.preparedQuery(BootActionSql.CONTEXT)
                .execute(Tuple.of(nodeName))
                .recover(PgErrors.recover("loading the boot action context of " + nodeName))
                .compose(rows -> rows.size() == 1
                        ? Future.succeededFuture(context(rows.iterator().next()))
                        : Future.failedFuture(
                                StoreException.notFound("node " + nodeName + " has no boot action context")));
    }

    @Override
    public Future<List<BootActionStatus>> actions(String nodeName) {
        return pool.preparedQuery(BootActionSql.ACTIONS)
                .execute(Tuple.of(nodeName))
                .map(rows -> Rows.all(rows, PgBootActionStore::status))
                .recover(PgErrors.recover("loading the boot actions of " + nodeName));
    }

    @Override
    public Future<BootActionStatus> report(UUID actionId, String status) {
        return pool.preparedQuery(BootActionSql.REPORT)
                .execute(Tuple.of(actionId, status))
                .recover(PgErrors.recover("recording boot action " + actionId))
                .compose(rows -> rows.size() == 1
                        ? Future.succeededFuture(status(rows.iterator().next()))
                        : action(actionId)
                                .compose(existing -> Future.failedFuture(StoreException.conflict(
                                        "boot action " + actionId + " is already " + existing.status()))));
    }

    @Override
    public Future<BootActionStatus> action(UUID actionId) {
        return pool.preparedQuery(BootActionSql.ACTION)
                .execute(Tuple.of(actionId))
                .recover(PgErrors.recover("loading boot action " + actionId))
                .compose(rows -> rows.size() == 1
                        ? Future.succeededFuture(status(rows.iterator().next()))
                        : Future.failedFuture(StoreException.notFound("boot action " + actionId + " does not exist")));
    }

    private static Future<Void> insertActions(
            SqlConnection conn, BootActionContext context, Buffer keyHash, List<BootActionStatus> actions) {
        if (actions.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> batch = actions.stream()
                .map(a -> Tuple.of(
                        a.actionId(), context.nodeName(), context.taskId(), keyHash, a.actionName(), a.status()))
                .toList();
        return conn.preparedQuery(BootActionSql.INSERT_ACTION)
                .executeBatch(batch)
                .mapEmpty();
    }

    private static BootActionContext context(Row row) {
        return new BootActionContext(
                row.getString("node_name"),
                row.getUUID("task_id"),
                row.getBuffer("identity_key_hash").getBytes(),
                Rows.instant(row, "created"));
    }

    private static BootActionStatus status(Row row) {
        return new BootActionStatus(
                row.getUUID("action_id"),
                row.getString("node_name"),
                row.getUUID("task_id"),
                row.getString("action_name"),
                row.getString("status"),
                Rows.instant(row, "updated"));
    }
}
