package io.slipway.store.testing;

import io.slipway.store.DatabaseEndpoint;
import io.slipway.store.StoreHandle;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each test class a fresh, migrated Postgres database of its own.
 *
 * <p>The server is chosen once per test run by {@link TestServers#choose()} (explicit URL, then
 * Testcontainers if Docker answers, then embedded binaries) and stopped at the end of the run. Test
 * and lifecycle methods may declare parameters of type {@link TestDatabase}, {@link StoreHandle},
 * {@link DatabaseEndpoint} or {@link Vertx}; all belong to the class's database and are closed
 * after the class.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class PgSomethingIT {
 *   @Test void works(StoreHandle store) { ... Await.result(store.tasks().create(task)) ... }
 * }
 * }</pre>
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresExtension.class);
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

    /** Closes the shared server when the root context closes, i.e. at the end of the run. */
    private record SharedServer(TestServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TestServer server = context.getRoot()
                .getStore(NS)
                .getOrComputeIfAbsent(SharedServer.class, k -> startServer(), SharedServer.class)
                .server();
        TestDatabase database =
                TestDatabase.create(server, context.getRequiredTestClass().getSimpleName());
        context.getStore(NS).put(TestDatabase.class, database);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase database = context.getStore(NS).remove(TestDatabase.class, TestDatabase.class);
        if (database != null) {
            database.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestDatabase.class
                || type == StoreHandle.class
                || type == DatabaseEndpoint.class
                || type == Vertx.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = context.getStore(NS).get(TestDatabase.class, TestDatabase.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == StoreHandle.class) {
            return database.store();
        }
        if (type == DatabaseEndpoint.class) {
            return database.endpoint();
        }
        if (type == Vertx.class) {
            return database.vertx();
        }
        return database;
    }

    private static SharedServer startServer() {
        TestServer server = TestServers.choose();
        LOG.info("store tests use {}", server.description());
        return new SharedServer(server);
    }
}
