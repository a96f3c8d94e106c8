package io.slipway.store;

import static io.slipway.store.testing.Await.failureKind;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.StoreException.Kind;
import io.slipway.store.testing.PostgresExtension;
import io.slipway.store.testing.TestServers;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class DatabasesIT {

    @Test
    void embeddedDefaultKeepsItsDataAcrossRestarts(Vertx vertx) throws SQLException {
        Path dir = TestServers.tempDir().resolve("pgdata");
        DatabaseConfig config = DatabaseConfig.embedded(dir).withPoolSize(2);
        try {
            PgStoreHandle first = result(Databases.open(vertx, config));
            DesignRevision revision = result(first.designs().save("file:///site.yaml", "--- {}\n"));
            result(first.close());

            PgStoreHandle second = result(Databases.open(vertx, config));
            try {
                assertThat(result(second.designs().find(revision.id()))).isEqualTo(revision);
                assertThat(second.endpoint().database()).isEqualTo(Databases.EMBEDDED_DATABASE);
                assertThat(setting(second.endpoint(), "fsync")).isEqualTo("on");
                assertThat(setting(second.endpoint(), "synchronous_commit")).isEqualTo("on");
            } finally {
                result(second.close());
            }
        } finally {
            TestServers.deleteTree(dir.getParent());
        }
    }

    @Test
    void explicitUrlWinsOverTheEmbeddedServer(Vertx vertx, DatabaseEndpoint db) {
        Path unused = TestServers.tempDir().resolve("never-created");
        DatabaseConfig config = new DatabaseConfig(db.toUrl(), unused, 0, 2);

        PgStoreHandle store = result(Databases.open(vertx, config));
        try {
            assertThat(store.endpoint()).isEqualTo(db);
            assertThat(result(store.leaderEpoch().current())).isNotNull();
            assertThat(Files.exists(unused)).isFalse();
        } finally {
            result(store.close());
            TestServers.deleteTree(unused.getParent());
        }
    }

    @Test
    void unreachableServerIsUnavailable(Vertx vertx) {
        DatabaseConfig config = DatabaseConfig.ofUrl("postgresql://slipway:secret@127.0.0.1:1/slipway");
        assertThat(failureKind(Databases.open(vertx, config))).isEqualTo(Kind.UNAVAILABLE);
    }

    private static String setting(DatabaseEndpoint db, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
