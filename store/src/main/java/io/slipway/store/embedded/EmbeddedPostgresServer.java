package io.slipway.store.embedded;

import io.slipway.store.DatabaseEndpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A Postgres server run from the bundled binaries, with its data in a directory that survives
 * restarts (an existing directory is reused, never re-initialised).
 *
 * <p>Every method blocks (process start/stop, JDBC): call them on a worker thread or outside
 * Vert.x. Not thread-safe; one owner starts and closes it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** Superuser created by the bundled initdb; local connections are trusted. */
    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use, and listening on
     * {@code port} (0: any free port). A server left running on the directory by an owner that died
     * is stopped first; a directory used by a live process is refused.
     *
     * @param durable true for product data: keep fsync and synchronous commit on, which the bundled
     *     defaults turn off for speed
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable) {
        if (Files.isDirectory(dataDirectory)) {
            OrphanedServer.stopIfAny(dataDirectory);
        }
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        if (durable) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        try {
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Postgres in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The endpoint of database {@code name} on this server, as the superuser. */
    public DatabaseEndpoint endpoint(String name) {
        return new DatabaseEndpoint("localhost", port(), name, SUPERUSER, SUPERUSER);
    }

    /** Creates database {@code name} unless it exists. {@code name} must be a plain identifier. */
    public void ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                // Identifiers cannot be parameters; the name was checked above.
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /** Stops the server (fast shutdown: open sessions are disconnected). The data stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded Postgres", e);
        }
    }
}
