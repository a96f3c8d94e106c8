package io.slipway.store.pg;

import io.slipway.store.Fence;
import io.slipway.store.SiteLock;
import io.slipway.store.SiteLockStore;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** {@link SiteLockStore} on Postgres. */
public final class PgSiteLockStore implements SiteLockStore {
    private final Pool pool;

    public PgSiteLockStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Optional<SiteLock>> find(String site) {
        return pool.preparedQuery(SiteLockSql.FIND)
                .execute(Tuple.of(site))
                .recover(PgErrors.recover("loading the lock of site " + site))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(lock(rows.iterator().next())));
    }

    @Override
    public Future<SiteLock> lock(String site, long revision, String by, Fence fence) {
        return pool.preparedQuery(SiteLockSql.LOCK)
                .execute(Tuple.of(site, revision, by, fence.epoch()))
                .recover(PgErrors.recover("locking site " + site))
                .compose(r -> find(site))
                .compose(l -> l.isPresent()
                        ? Future.succeededFuture(l.get())
                        : Future.failedFuture(StoreException.fenced(fence)));
    }

    @Override
    public Future<Void> pending(String site, long revision, Fence fence) {
        return pool.preparedQuery(SiteLockSql.PENDING)
                .execute(Tuple.of(site, revision, fence.epoch()))
                .recover(PgErrors.recover("recording a pending revision of site " + site))
                .mapEmpty();
    }

    @Override
    public Future<SiteLock> approve(String site, long revision) {
        return pool.preparedQuery(SiteLockSql.APPROVE)
                .execute(Tuple.of(site, revision))
                .recover(PgErrors.recover("approving revision " + revision + " of site " + site))
                .compose(rows -> rows.size() == 1
                        ? Future.succeededFuture(lock(rows.iterator().next()))
                        : Future.failedFuture(StoreException.notFound("site " + site + " is not locked")));
    }

    @Override
    public Future<Void> unlock(String site) {
        return pool.preparedQuery(SiteLockSql.UNLOCK)
                .execute(Tuple.of(site))
                .recover(PgErrors.recover("unlocking site " + site))
                .mapEmpty();
    }

    private static SiteLock lock(Row r) {
        return new SiteLock(
                r.getString("site"),
                r.getLong("revision"),
                r.getString("locked_by"),
                Rows.instant(r, "locked_at"),
                r.getLong("pending"));
    }
}
