package io.slipway.store.testing;

import io.slipway.store.DatabaseEndpoint;
import io.slipway.store.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Chooses the Postgres server for tests, in this order:
 *
 * <ol>
 *   <li>an explicit URL: system property {@value #URL_PROPERTY} or env {@value #URL_ENV};
 *   <li>a Testcontainers {@code postgres} container, when Testcontainers is on the classpath and a
 *       Docker engine answers (skip with {@code -D}{@value #DOCKER_PROPERTY}{@code =false});
 *   <li>Postgres from the bundled embedded binaries, in a temporary directory.
 * </ol>
 *
 * Blocking; call from test threads.
 */
public final class TestServers {

    public static final String URL_PROPERTY = "slipway.test.db.url";
    public static final String URL_ENV = "SLIPWAY_TEST_DB_URL";
    public static final String DOCKER_PROPERTY = "slipway.test.db.docker";

    private TestServers() {}

    public static TestServer choose() {
        String url = System.getProperty(URL_PROPERTY, System.getenv(URL_ENV));
        if (url != null && !url.isBlank()) {
            return explicit(DatabaseEndpoint.parse(url));
        }
        if (dockerWanted() && ContainerServer.canRun()) {
            return ContainerServer.start();
        }
        return embedded();
    }

    private static boolean dockerWanted() {
        return !"false".equals(System.getProperty(DOCKER_PROPERTY))
                && classPresent("org.testcontainers.DockerClientFactory");
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, TestServers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static TestServer explicit(DatabaseEndpoint admin) {
        return new TestServer() {
            @Override
            public String description() {
                return "explicit server " + admin;
            }

            @Override
            public DatabaseEndpoint admin() {
                return admin;
            }

            @Override
            public void close() {}
        };
    }

    /** Throw-away embedded server: fast settings (no fsync), deleted when closed. */
    public static TestServer embedded() {
        return embedded(false);
    }

    /**
     * Throw-away embedded server, deleted when closed.
     *
     * @param durable fsync and synchronous commit on, as the product runs it
     */
    public static TestServer embedded(boolean durable) {
        Path dir = tempDir();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, durable);
        return new TestServer() {
            @Override
            public String description() {
                return (durable ? "durable " : "") + "embedded Postgres on port " + server.port();
            }

            @Override
            public DatabaseEndpoint admin() {
                return server.endpoint("postgres");
            }

            @Override
            public void close() {
                server.close();
                deleteTree(dir);
            }
        };
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("slipway-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leftovers in the temp directory are harmless; never fail a test run over them.
        }
    }
}
