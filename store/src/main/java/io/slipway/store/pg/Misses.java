package io.slipway.store.pg;

import io.slipway.store.Fence;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Explains why a conditional write touched no row. The write itself cannot say whether its epoch,
 * its version or its key was wrong, so one probe reads all three afterwards. The probe must return
 * columns {@code epoch} (current leader epoch) and {@code version} ({@code null} if no such row).
 */
final class Misses {

    private Misses() {}

    static <T> Future<T> explain(SqlClient client, String probeSql, Tuple key, Fence fence, String what) {
        return client.preparedQuery(probeSql)
                .execute(key)
                .compose(rows -> Future.<T>failedFuture(classify(rows.iterator().next(), fence, what)))
                .recover(PgErrors.recover(what));
    }

    private static StoreException classify(Row probe, Fence fence, String what) {
        if (probe.getLong("epoch") != fence.epoch()) {
            return StoreException.fenced(fence);
        }
        if (probe.getValue("version") == null) {
            return StoreException.notFound(what + ": no such row");
        }
        return StoreException.conflict(what + ": changed concurrently (now version " + probe.getLong("version") + ")");
    }
}
