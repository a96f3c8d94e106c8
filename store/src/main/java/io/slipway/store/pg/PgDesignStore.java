package io.slipway.store.pg;

import io.slipway.store.DesignRevision;
import io.slipway.store.DesignStore;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** {@link DesignStore} on Postgres; revisions are keyed by the SHA-256 of their content. */
public final class PgDesignStore implements DesignStore {

    private final Pool pool;

    public PgDesignStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<DesignRevision> save(String sourceRef, String documents) {
        String hash = DesignRevision.hashOf(documents);
        // Insert-or-nothing, then read: a concurrent insert of the same content waits on ours and
        // then does nothing, and the follow-up read sees the committed row.
        return pool.preparedQuery(DesignSql.INSERT)
                .execute(Tuple.of(hash, sourceRef, documents))
                .compose(rows -> rows.size() == 1
                        ? Future.succeededFuture(revision(rows.iterator().next()))
                        : byHash(hash))
                .recover(PgErrors.recover("saving design from " + sourceRef));
    }

    @Override
    public Future<DesignRevision> find(long id) {
        return pool.preparedQuery(DesignSql.FIND)
                .execute(Tuple.of(id))
                .recover(PgErrors.recover("loading design revision " + id))
                .compose(rows -> single(rows, "design revision " + id));
    }

    @Override
    public Future<List<DesignRevision>> recent(int limit) {
        return pool.preparedQuery(DesignSql.RECENT)
                .execute(Tuple.of(limit))
                .map(rows -> Rows.all(rows, PgDesignStore::revision))
                .recover(PgErrors.recover("listing design revisions"));
    }

    private Future<DesignRevision> byHash(String hash) {
        return pool.preparedQuery(DesignSql.FIND_BY_HASH)
                .execute(Tuple.of(hash))
                .compose(rows -> single(rows, "design revision " + hash));
    }

    private static Future<DesignRevision> single(RowSet<Row> rows, String what) {
        return rows.size() == 1
                ? Future.succeededFuture(revision(rows.iterator().next()))
                : Future.failedFuture(StoreException.notFound(what + " does not exist"));
    }

    private static DesignRevision revision(Row row) {
        return new DesignRevision(
                row.getLong("id"),
                row.getString("content_hash"),
                row.getString("source_ref"),
                row.getString("documents"),
                Rows.instant(row, "created"));
    }
}
