package io.slipway.drivers.kubernetes;

import io.vertx.core.json.JsonObject;

/**
 * Settings of the {@code kubernetes} driver ({@code drivers.kubernetes.kubernetes}).
 *
 * @param apiServer base URL of the API server, e.g. {@code https://10.96.0.1:443}
 * @param token a bearer token given inline, or null
 * @param tokenFile file holding the bearer token, read before every request so that rotated
 *     (projected service-account) tokens are picked up; used when {@code token} is null
 * @param caPem PEM file with the CA certificates of the API server, or null for the JVM trust store
 * @param trustAll accept any server certificate and host name (test clusters only)
 * @param requestTimeoutMs bound for one HTTP exchange, connection included
 */
public record K8sConfig(
        String apiServer, String token, String tokenFile, String caPem, boolean trustAll, long requestTimeoutMs) {

    /** Where a pod finds its service-account token. */
    public static final String IN_CLUSTER_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public static final String IN_CLUSTER_API = "https://kubernetes.default.svc";

    /** Where a pod finds the CA certificate of its cluster's API server. */
    public static final String IN_CLUSTER_CA = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt";

    public K8sConfig {
        apiServer = apiServer.endsWith("/") ? apiServer.substring(0, apiServer.length() - 1) : apiServer;
    }

    /**
     * Reads the keys. Without {@code apiServer} all three of API server, token file and CA file are
     * the in-cluster ones; with it, the token (file) must be given and the CA defaults to the JVM's
     * trust store.
     */
    public static K8sConfig fromJson(JsonObject json) {
        boolean inCluster = json.getString("apiServer") == null;
        return new K8sConfig(
                json.getString("apiServer", IN_CLUSTER_API),
                json.getString("token"),
                json.getString("tokenFile", inCluster ? IN_CLUSTER_TOKEN : null),
                json.getString("caPem", inCluster ? IN_CLUSTER_CA : null),
                json.getBoolean("trustAll", false),
                json.getLong("requestTimeoutMs", 10_000L));
    }
}
