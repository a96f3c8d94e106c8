package io.slipway.store;

import static io.slipway.store.testing.Await.failureKind;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.StoreException.Kind;
import io.slipway.store.embedded.EmbeddedPostgresServer;
import io.slipway.store.testing.TestServers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stops Postgres under a live store and starts it again on the same data and port. This class runs
 * its own embedded server (whatever the test database source is) because it must own the server's
 * lifecycle.
 */
class StoreOutageIT {

    private Path dataDir;
    private int port;
    private EmbeddedPostgresServer server;
    private Vertx vertx;
    private StoreHandle store;

    @BeforeEach
    void start() throws IOException {
        dataDir = TestServers.tempDir();
        port = freePort();
        server = EmbeddedPostgresServer.start(dataDir, port, false);
        server.ensureDatabase("outage");
        vertx = Vertx.vertx();
        store = result(Databases.open(vertx, DatabaseConfig.ofUrl(endpoint().toUrl())));
    }

    @AfterEach
    void stop() {
        result(store.close());
        result(vertx.close());
        server.close();
        TestServers.deleteTree(dataDir);
    }

    @Test
    void pendingWriteFailsAsUnavailableAndThePoolRecovers() throws Exception {
        Fence fence = result(store.leaderEpoch().advance("it"));
        Task committed = result(store.tasks().create(queued()));
        committed = result(store.tasks().update(committed.withStatus(TaskStatus.RUNNING), fence));
        result(store.messages()
                .append(committed.id(), List.of(ResultMessage.info("one"), ResultMessage.info("two")), fence));
        Task target = result(store.tasks().create(queued()));

        // Hold the row lock so the update is in flight inside the server when it goes down.
        Connection locker = jdbc();
        locker.setAutoCommit(false);
        lockRow(locker, target);
        Future<Task> pending = store.tasks().update(target.withStatus(TaskStatus.RUNNING), fence);
        awaitLockWait();
        assertThat(pending.isComplete()).isFalse();

        // The waiting session goes first: in a plain fast shutdown the locker's death can release the
        // row lock an instant before the waiting session notices it is being terminated, and commit it.
        try (PreparedStatement kill = locker.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = 'outage' AND wait_event_type = 'Lock'")) {
            kill.execute();
        }
        assertThat(failureKind(pending)).isEqualTo(Kind.UNAVAILABLE);
        server.close();
        closeQuietly(locker);

        assertThat(failureKind(store.tasks().create(queued()))).isEqualTo(Kind.UNAVAILABLE);

        server = EmbeddedPostgresServer.start(dataDir, port, false);

        Task after = result(store.tasks().create(queued()));
        assertThat(result(store.tasks().find(after.id())).id()).isEqualTo(after.id());
        assertThat(failureKind(store.tasks().create(after))).isEqualTo(Kind.CONFLICT);
        assertThat(result(store.tasks().find(committed.id()))).isEqualTo(committed);
        assertThat(result(store.messages().list(committed.id())))
                .extracting(ResultMessage::message)
                .containsExactly("one", "two");
        assertThat(result(store.tasks().find(target.id())).status()).isEqualTo(TaskStatus.QUEUED);
    }

    @Test
    void closedStoreIsUnavailable() {
        result(store.close());
        assertThat(failureKind(store.tasks().create(queued()))).isEqualTo(Kind.UNAVAILABLE);
    }

    private static Task queued() {
        return Task.request("deploy_nodes", null, null, "it", null).withStatus(TaskStatus.QUEUED);
    }

    private DatabaseEndpoint endpoint() {
        return server.endpoint("outage");
    }

    private Connection jdbc() throws SQLException {
        DatabaseEndpoint db = endpoint();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static void lockRow(Connection locker, Task task) throws SQLException {
        try (PreparedStatement s = locker.prepareStatement("SELECT 1 FROM task WHERE id = ? FOR UPDATE")) {
            s.setObject(1, task.id());
            s.executeQuery().close();
        }
    }

    /** Waits until some session of this database is blocked on a lock: the pending update. */
    private void awaitLockWait() throws SQLException, InterruptedException {
        try (Connection probe = jdbc();
                PreparedStatement s = probe.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = 'outage' AND wait_event_type = 'Lock'")) {
            for (int i = 0; i < 200; i++) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(25);
            }
        }
        throw new AssertionError("the update never waited on the row lock");
    }

    /** The shutdown cut this session too; closing it can only report that. */
    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already gone
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
