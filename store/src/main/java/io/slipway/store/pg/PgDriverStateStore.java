package io.slipway.store.pg;

import io.slipway.drivers.spi.state.DriverStateStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** {@link DriverStateStore} on Postgres (table {@code driver_state}). */
public final class PgDriverStateStore implements DriverStateStore {
    static final String GET = "SELECT scope, key, value, version FROM driver_state WHERE scope = $1 AND key = $2";
    static final String PUT = """
      INSERT INTO driver_state (scope, key, value) VALUES ($1, $2, $3)
      ON CONFLICT (scope, key) DO UPDATE SET value = EXCLUDED.value, version = driver_state.version + 1, updated = now()
      RETURNING scope, key, value, version""";
    static final String DELETE = "DELETE FROM driver_state WHERE scope = $1 AND key = $2";
    static final String LIST = "SELECT scope, key, value, version FROM driver_state WHERE scope = $1 ORDER BY key";

    private final Pool pool;

    public PgDriverStateStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Entry> get(String scope, String key) {
        return pool.preparedQuery(GET)
                .execute(Tuple.of(scope, key))
                .map(rows -> rows.size() == 0 ? null : entry(rows.iterator().next()))
                .recover(PgErrors.recover("loading driver state " + scope + "/" + key));
    }

    @Override
    public Future<Entry> put(String scope, String key, String value) {
        return pool.preparedQuery(PUT)
                .execute(Tuple.of(scope, key, value))
                .map(rows -> entry(rows.iterator().next()))
                .recover(PgErrors.recover("storing driver state " + scope + "/" + key));
    }

    @Override
    public Future<Boolean> delete(String scope, String key) {
        return pool.preparedQuery(DELETE)
                .execute(Tuple.of(scope, key))
                .map(rows -> rows.rowCount() > 0)
                .recover(PgErrors.recover("deleting driver state " + scope + "/" + key));
    }

    @Override
    public Future<List<Entry>> list(String scope) {
        return pool.preparedQuery(LIST)
                .execute(Tuple.of(scope))
                .map(rows -> Rows.all(rows, PgDriverStateStore::entry))
                .recover(PgErrors.recover("listing driver state " + scope));
    }

    private static Entry entry(Row r) {
        return new Entry(r.getString("scope"), r.getString("key"), r.getString("value"), r.getLong("version"));
    }
}
