package io.slipway.store.embedded;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.store.DatabaseConfig;
import io.slipway.store.Databases;
import io.slipway.store.StoreHandle;
import io.slipway.store.testing.TestServers;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded default after a crash: its Postgres outlived the JVM that started it. */
class OrphanedServerIT {

    private Path root;
    private Path dataDir;

    @BeforeEach
    void directories() {
        root = TestServers.tempDir();
        dataDir = root.resolve("pgdata");
    }

    @AfterEach
    void cleanUp() {
        TestServers.deleteTree(root);
    }

    @Test
    void serverLeftByADeadOwnerIsStoppedAndItsDataReused() throws Exception {
        Process owner = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingOwner.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("owner.log").toFile())
                .start();
        assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long orphanPid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0));
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        Vertx vertx = Vertx.vertx();
        try {
            StoreHandle store = result(Databases.open(vertx, DatabaseConfig.embedded(dataDir)));
            assertThat(result(store.leaderEpoch().current()).epoch()).isZero();
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive))
                    .isEmpty();
            result(store.close());
        } finally {
            result(vertx.close());
        }
    }

    @Test
    void directoryOfALiveServerIsRefused() {
        try (EmbeddedPostgresServer live = EmbeddedPostgresServer.start(dataDir, 0, false)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
            assertThat(live.port()).isPositive();
        }
    }
}
