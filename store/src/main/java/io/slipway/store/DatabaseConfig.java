package io.slipway.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach the database. With no {@code url}, Slipway runs its own Postgres from bundled
 * binaries in {@code dataDirectory} (kept across restarts) on {@code embeddedPort} (0: any free
 * port). {@code poolSize} bounds the one connection pool of the process.
 */
public record DatabaseConfig(String url, Path dataDirectory, int embeddedPort, int poolSize) {

    public static final String URL_ENV = "SLIPWAY_DB_URL";
    public static final String DATA_DIR_ENV = "SLIPWAY_DB_DATA_DIR";
    public static final String POOL_SIZE_ENV = "SLIPWAY_DB_POOL_SIZE";
    public static final int DEFAULT_POOL_SIZE = 8;

    public DatabaseConfig {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be positive: " + poolSize);
        }
        if (url != null && url.isBlank()) {
            url = null;
        }
    }

    /** The first-run default: embedded Postgres in {@code ~/.slipway/pgdata}. */
    public static DatabaseConfig defaults() {
        return embedded(Path.of(System.getProperty("user.home"), ".slipway", "pgdata"));
    }

    public static DatabaseConfig embedded(Path dataDirectory) {
        return new DatabaseConfig(null, dataDirectory, 0, DEFAULT_POOL_SIZE);
    }

    public static DatabaseConfig ofUrl(String url) {
        return new DatabaseConfig(url, null, 0, DEFAULT_POOL_SIZE);
    }

    /**
     * The defaults overridden by {@code SLIPWAY_DB_URL}, {@code _DATA_DIR} and {@code _POOL_SIZE}.
     */
    public static DatabaseConfig fromEnvironment(Map<String, String> env) {
        DatabaseConfig base = defaults();
        Path dir = Optional.ofNullable(env.get(DATA_DIR_ENV)).map(Path::of).orElse(base.dataDirectory());
        int pool = Optional.ofNullable(env.get(POOL_SIZE_ENV))
                .map(Integer::parseInt)
                .orElse(DEFAULT_POOL_SIZE);
        return new DatabaseConfig(env.get(URL_ENV), dir, 0, pool);
    }

    public Optional<String> explicitUrl() {
        return Optional.ofNullable(url);
    }

    public DatabaseConfig withPoolSize(int size) {
        return new DatabaseConfig(url, dataDirectory, embeddedPort, size);
    }

    public DatabaseConfig withEmbeddedPort(int port) {
        return new DatabaseConfig(url, dataDirectory, port, poolSize);
    }
}
