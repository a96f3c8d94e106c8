package io.slipway.store.pg;

import io.slipway.store.Fence;
import io.slipway.store.LeaderEpochStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * {@link LeaderEpochStore} on the single-row {@code leader} table. Fenced writes compare their
 * epoch with this row inside the writing statement, so a write either commits before the advance is
 * visible or is rejected after it.
 */
public final class PgLeaderEpochStore implements LeaderEpochStore {

    private final Pool pool;

    public PgLeaderEpochStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Fence> advance(String instanceId) {
        return pool.preparedQuery(LeaderSql.ADVANCE)
                .execute(Tuple.of(instanceId))
                .map(rows -> Fence.of(rows.iterator().next().getLong("epoch")))
                .recover(PgErrors.recover("advancing the leader epoch"));
    }

    @Override
    public Future<Fence> current() {
        return pool.query(LeaderSql.CURRENT)
                .execute()
                .map(rows -> Fence.of(rows.iterator().next().getLong("epoch")))
                .recover(PgErrors.recover("reading the leader epoch"));
    }
}
