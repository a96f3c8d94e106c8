package io.slipway.store.testing;

import io.slipway.store.DatabaseConfig;
import io.slipway.store.DatabaseEndpoint;
import io.slipway.store.Databases;
import io.slipway.store.StoreHandle;
import io.slipway.store.schema.Migrations;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, migrated database of its own on a {@link TestServer}, plus (on first use) a Vert.x
 * instance and a {@link StoreHandle} on it. Dropped on {@link #close()}. Blocking; test threads.
 */
public final class TestDatabase implements AutoCloseable {

    private final TestServer server;
    private final DatabaseEndpoint endpoint;
    private Vertx vertx;
    private StoreHandle store;

    private TestDatabase(TestServer server, DatabaseEndpoint endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** Creates and migrates a database named after {@code hint} plus a random suffix. */
    public static TestDatabase create(TestServer server, String hint) {
        String name = "it_"
                + hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_").replaceAll("(.{0,40}).*", "$1")
                + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        admin(server, "CREATE DATABASE " + name);
        DatabaseEndpoint endpoint = server.admin().withDatabase(name);
        Migrations.migrate(endpoint);
        return new TestDatabase(server, endpoint);
    }

    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    public synchronized Vertx vertx() {
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        return vertx;
    }

    /** The store opened on this database, as the product opens it (pool of 4). */
    public synchronized StoreHandle store() {
        if (store == null) {
            DatabaseConfig config = DatabaseConfig.ofUrl(endpoint.toUrl()).withPoolSize(4);
            store = Await.result(Databases.open(vertx(), config));
        }
        return store;
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            Await.result(store.close());
        }
        if (vertx != null) {
            Await.result(vertx.close());
        }
        admin(server, "DROP DATABASE IF EXISTS " + endpoint.database() + " WITH (FORCE)");
    }

    /** DDL on the maintenance database; names are generated above, never user input. */
    private static void admin(TestServer server, String ddl) {
        DatabaseEndpoint admin = server.admin();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + ddl, e);
        }
    }
}
