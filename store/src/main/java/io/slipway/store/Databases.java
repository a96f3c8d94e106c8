package io.slipway.store;

import io.slipway.store.embedded.EmbeddedPostgresServer;
import io.slipway.store.schema.Migrations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the store: the entry point for the rest of Slipway. */
public final class Databases {

    /** The database the embedded server holds Slipway's tables in. */
    public static final String EMBEDDED_DATABASE = "slipway";

    private static final Logger LOG = LoggerFactory.getLogger(Databases.class);

    private Databases() {}

    /**
     * Connects to the configured database, or starts the embedded one when no URL is configured,
     * migrates the schema and creates the process's pool. Call once per process.
     *
     * <p>Starting Postgres and migrating block, so they run on a Vert.x worker thread, never on an
     * event loop; the returned future completes on a Vert.x context. Fails with {@link StoreException.Kind#UNAVAILABLE}
     * when the server cannot be reached.
     */
    public static Future<PgStoreHandle> open(Vertx vertx, DatabaseConfig config) {
        return vertx.executeBlocking(() -> prepare(config), false)
                .recover(failure -> Future.failedFuture(unreachable(failure)))
                .map(ready -> new PgStoreHandle(
                        vertx, pool(vertx, ready.endpoint(), config.poolSize()), ready.endpoint(), ready.server()));
    }

    private record Ready(DatabaseEndpoint endpoint, EmbeddedPostgresServer server) {}

    /** Blocking. */
    private static Ready prepare(DatabaseConfig config) {
        if (config.explicitUrl().isPresent()) {
            DatabaseEndpoint endpoint = DatabaseEndpoint.parse(config.url());
            migrate(endpoint);
            return new Ready(endpoint, null);
        }
        EmbeddedPostgresServer server =
                EmbeddedPostgresServer.start(config.dataDirectory(), config.embeddedPort(), true);
        try {
            server.ensureDatabase(EMBEDDED_DATABASE);
            DatabaseEndpoint endpoint = server.endpoint(EMBEDDED_DATABASE);
            migrate(endpoint);
            return new Ready(endpoint, server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static void migrate(DatabaseEndpoint endpoint) {
        int applied = Migrations.migrate(endpoint);
        LOG.info("store schema at {} is current ({} migrations applied now)", endpoint, applied);
    }

    private static Pool pool(Vertx vertx, DatabaseEndpoint endpoint, int size) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size).setName("slipway-store"))
                .connectingTo(endpoint.connectOptions())
                .using(vertx)
                .build();
    }

    /** A refused or dropped JDBC connection during migration is the same "unavailable" as later. */
    private static Throwable unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return StoreException.unavailable("cannot reach the database", failure);
            }
        }
        return failure;
    }
}
