package io.slipway.store;

import io.vertx.pgclient.PgConnectOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a Postgres database is and how to log in. Parsed from {@code postgresql://user:pass@host:
 * port/db} (also {@code postgres://} and {@code jdbc:postgresql://}, with {@code user} and {@code
 * password} as query parameters).
 */
public record DatabaseEndpoint(String host, int port, String database, String user, String password) {

    private static final String JDBC_PREFIX = "jdbc:";

    public DatabaseEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
    }

    /** Fails with {@link IllegalArgumentException} on anything that is not a Postgres URL. */
    public static DatabaseEndpoint parse(String url) {
        String uri = url.startsWith(JDBC_PREFIX) ? url.substring(JDBC_PREFIX.length()) : url;
        PgConnectOptions options = PgConnectOptions.fromUri(uri);
        return new DatabaseEndpoint(
                options.getHost(), options.getPort(), options.getDatabase(), options.getUser(), options.getPassword());
    }

    public DatabaseEndpoint withDatabase(String name) {
        return new DatabaseEndpoint(host, port, name, user, password);
    }

    /** For Flyway, the only JDBC user; credentials are passed separately, never in the URL. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** For the Vert.x PG client. */
    public PgConnectOptions connectOptions() {
        return new PgConnectOptions()
                .setHost(host)
                .setPort(port)
                .setDatabase(database)
                .setUser(user)
                .setPassword(password)
                .setCachePreparedStatements(true);
    }

    /** The {@code postgresql://} URL of this endpoint, password included: for config, not logs. */
    public String toUrl() {
        return "postgresql://" + encode(user) + ":" + encode(password) + "@" + host + ":" + port + "/" + database;
    }

    private static String encode(String part) {
        return part == null
                ? ""
                : URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Safe to log: no password. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }
}
