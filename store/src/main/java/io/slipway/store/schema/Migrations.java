package io.slipway.store.schema;

import io.slipway.store.DatabaseEndpoint;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the current schema with Flyway ({@code db/V<n>__*.sql} on the classpath).
 *
 * <p>Blocking: Flyway speaks JDBC. Call it on a worker thread ({@code vertx.executeBlocking}) or
 * before any Vert.x work starts, never on an event loop. Idempotent: an up-to-date database is left
 * alone. Fails with Flyway's exception, or the JDBC one when the server cannot be reached.
 */
public final class Migrations {

    public static final String LOCATION = "classpath:db";

    private Migrations() {}

    /** Applies pending migrations and returns how many ran. */
    public static int migrate(DatabaseEndpoint endpoint) {
        MigrateResult result = Flyway.configure()
                .dataSource(endpoint.jdbcUrl(), endpoint.user(), endpoint.password())
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
