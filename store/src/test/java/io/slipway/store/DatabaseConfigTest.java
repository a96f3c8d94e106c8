package io.slipway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    @Test
    void defaultIsEmbeddedUnderTheHomeDirectory() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of());
        assertThat(config.explicitUrl()).isEmpty();
        assertThat(config.dataDirectory()).isEqualTo(Path.of(System.getProperty("user.home"), ".slipway", "pgdata"));
        assertThat(config.poolSize()).isEqualTo(DatabaseConfig.DEFAULT_POOL_SIZE);
    }

    @Test
    void environmentOverrides() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of(
                DatabaseConfig.URL_ENV, "postgresql://u:p@db/slipway",
                DatabaseConfig.DATA_DIR_ENV, "/var/lib/slipway/pg",
                DatabaseConfig.POOL_SIZE_ENV, "16"));
        assertThat(config.explicitUrl()).contains("postgresql://u:p@db/slipway");
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/var/lib/slipway/pg"));
        assertThat(config.poolSize()).isEqualTo(16);
    }

    @Test
    void blankUrlMeansEmbedded() {
        assertThat(DatabaseConfig.fromEnvironment(Map.of(DatabaseConfig.URL_ENV, " "))
                        .explicitUrl())
                .isEmpty();
    }
}
