package io.slipway.store.pg;

import io.slipway.store.PurgeReport;
import io.slipway.store.TaskCount;
import io.slipway.store.TaskHistory;
import io.slipway.store.TaskPage;
import io.slipway.store.TaskQuery;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * {@link TaskHistory} on Postgres. Purging deletes in batches of {@code batchSize} rows, each its
 * own short transaction, so locks are held for milliseconds and never on whole tables.
 */
public final class PgTaskHistory implements TaskHistory {

    public static final int DEFAULT_BATCH_SIZE = 5_000;
    private static final String[] ANY = new String[0];

    private final Pool pool;
    private final int batchSize;

    public PgTaskHistory(Pool pool) {
        this(pool, DEFAULT_BATCH_SIZE);
    }

    public PgTaskHistory(Pool pool, int batchSize) {
        this.pool = pool;
        this.batchSize = batchSize;
    }

    @Override
    public Future<TaskPage> query(TaskQuery query) {
        TaskPage.Cursor after = query.after();
        Tuple params = Tuple.tuple()
                .addArrayOfString(query.statuses().toArray(ANY))
                .addArrayOfString(query.actions().toArray(ANY))
                .addBoolean(query.topLevelOnly())
                .addOffsetDateTime(Rows.timestamp(query.createdFrom()))
                .addOffsetDateTime(Rows.timestamp(query.createdBefore()))
                .addOffsetDateTime(after == null ? null : Rows.timestamp(after.created()))
                .addUUID(after == null ? (UUID) null : after.id())
                .addLong(query.limit() + 1L);
        return pool.preparedQuery(TaskSql.QUERY)
                .execute(params)
                .map(rows -> TaskPage.of(Rows.all(rows, TaskRows::task), query.limit()))
                .recover(PgErrors.recover("querying tasks"));
    }

    @Override
    public Future<List<TaskCount>> countTopLevel() {
        return pool.query(TaskSql.COUNT_TOP_LEVEL)
                .execute()
                .map(rows -> Rows.all(
                        rows,
                        r -> new TaskCount(
                                r.getString("action"),
                                r.getString("status"),
                                r.getString("result_status"),
                                r.getLong("n"))))
                .recover(PgErrors.recover("counting tasks"));
    }

    @Override
    public Future<PurgeReport> purge(Duration olderThan) {
        double seconds = olderThan.toMillis() / 1000.0;
        return purgeFrom(PurgeReport.empty(), seconds);
    }

    /** Messages of purgeable tasks first, then the tasks; repeat until a pass finds nothing. */
    private Future<PurgeReport> purgeFrom(PurgeReport soFar, double seconds) {
        return delete(TaskSql.PURGE_MESSAGES, seconds).compose(messages -> {
            if (messages > 0) {
                return purgeFrom(soFar.plusMessages(messages), seconds);
            }
            return delete(TaskSql.PURGE_TASKS, seconds)
                    .compose(tasks ->
                            tasks > 0 ? purgeFrom(soFar.plusTasks(tasks), seconds) : Future.succeededFuture(soFar));
        });
    }

    private Future<Integer> delete(String sql, double seconds) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(seconds, batchSize))
                .map(rows -> rows.rowCount())
                .recover(PgErrors.recover("purging old tasks"));
    }
}
