package io.slipway.store.pg;

import io.slipway.store.Fence;
import io.slipway.store.ResultMessage;
import io.slipway.store.ResultMessageStore;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** {@link ResultMessageStore} on Postgres; a batch of messages is a single statement. */
public final class PgResultMessageStore implements ResultMessageStore {

    private final Pool pool;

    public PgResultMessageStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Integer> append(UUID taskId, List<ResultMessage> messages, Fence fence) {
        if (messages.isEmpty()) {
            return Future.succeededFuture(0);
        }
        return pool.preparedQuery(MessageSql.APPEND)
                .execute(columns(taskId, messages).addLong(fence.epoch()))
                .recover(PgErrors.recover("appending messages to task " + taskId))
                .compose(rows -> rows.rowCount() == messages.size()
                        ? Future.succeededFuture(rows.rowCount())
                        : Future.failedFuture(StoreException.fenced(fence)));
    }

    @Override
    public Future<List<ResultMessage>> list(UUID taskId) {
        return page(taskId, 0, Integer.MAX_VALUE);
    }

    @Override
    public Future<List<ResultMessage>> page(UUID taskId, long afterSeq, int limit) {
        return pool.preparedQuery(MessageSql.PAGE)
                .execute(Tuple.of(taskId, afterSeq, limit))
                .map(rows -> Rows.all(rows, PgResultMessageStore::message))
                .recover(PgErrors.recover("loading messages of task " + taskId));
    }

    private static Tuple columns(UUID taskId, List<ResultMessage> messages) {
        int n = messages.size();
        OffsetDateTime[] ts = new OffsetDateTime[n];
        String[] level = new String[n];
        String[] text = new String[n];
        String[] contextType = new String[n];
        String[] contextId = new String[n];
        String[] extra = new String[n];
        for (int i = 0; i < n; i++) {
            ResultMessage m = messages.get(i);
            ts[i] = Rows.timestamp(m.ts());
            level[i] = m.level();
            text[i] = m.message();
            contextType[i] = m.contextType();
            contextId[i] = m.contextId();
            extra[i] = m.extra() == null ? null : m.extra().encode();
        }
        return Tuple.of(taskId, ts, level, text, contextType, contextId).addArrayOfString(extra);
    }

    private static ResultMessage message(Row row) {
        Object extra = row.getValue("extra");
        return new ResultMessage(
                row.getLong("seq"),
                row.getUUID("task_id"),
                Rows.instant(row, "ts"),
                row.getString("level"),
                row.getString("message"),
                row.getString("context_type"),
                row.getString("context_id"),
                extra instanceof JsonObject json ? json : null);
    }
}
