package io.slipway.store.testing;

import io.slipway.store.DatabaseEndpoint;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The Testcontainers source. Only loaded after {@link TestServers} saw Testcontainers on the
 * classpath, so modules using the test-jar without Testcontainers never touch this class.
 */
final class ContainerServer {

    static final String IMAGE = "postgres:18";

    private ContainerServer() {}

    static boolean canRun() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static TestServer start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE);
        container.start();
        DatabaseEndpoint admin = new DatabaseEndpoint(
                container.getHost(),
                container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container.getDatabaseName(),
                container.getUsername(),
                container.getPassword());
        return new TestServer() {
            @Override
            public String description() {
                return "Testcontainers " + IMAGE + " at " + admin;
            }

            @Override
            public DatabaseEndpoint admin() {
                return admin;
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }
}
