package io.slipway.store.pg;

import io.slipway.store.StoreException;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Turns PG client failures into typed {@link StoreException}s. */
final class PgErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    /** Server going away or refusing work for now: admin/crash shutdown, starting up, too many. */
    private static final Set<String> TRANSIENT = Set.of("57P01", "57P02", "57P03", "53300");

    /** Vert.x fails acquisitions on a closed pool with a bare message, not a type. */
    private static final String POOL_CLOSED = "Pool closed";

    private PgErrors() {}

    /** For {@code future.recover(PgErrors.recover("saving task"))}. */
    static <T> Function<Throwable, Future<T>> recover(String doing) {
        return failure -> Future.failedFuture(map(failure, doing));
    }

    static Throwable map(Throwable failure, String doing) {
        if (failure instanceof StoreException) {
            return failure;
        }
        if (failure instanceof PgException pg) {
            return mapPg(pg, doing);
        }
        if (isConnectionLoss(failure)) {
            return StoreException.unavailable(doing + ": database unavailable", failure);
        }
        return failure;
    }

    private static Throwable mapPg(PgException pg, String doing) {
        String state = pg.getSqlState() == null ? "" : pg.getSqlState();
        if (state.equals(UNIQUE_VIOLATION)) {
            return StoreException.conflict(doing + ": already exists", pg);
        }
        if (state.equals(FOREIGN_KEY_VIOLATION)) {
            return StoreException.notFound(doing + ": referenced row does not exist", pg);
        }
        if (state.startsWith("08") || TRANSIENT.contains(state)) {
            return StoreException.unavailable(doing + ": database unavailable", pg);
        }
        return pg;
    }

    private static boolean isConnectionLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClosedConnectionException
                    || t instanceof IOException
                    || t instanceof TimeoutException
                    || (t instanceof VertxException && POOL_CLOSED.equals(t.getMessage()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
