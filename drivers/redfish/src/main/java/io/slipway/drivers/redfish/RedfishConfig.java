package io.slipway.drivers.redfish;

import io.vertx.core.json.JsonObject;

/**
 * Settings of the {@code redfish} driver.
 *
 * @param tlsVerify check the BMC's certificate and host name (BMCs often ship self-signed
 *     certificates; turning this off is an explicit, per-installation decision)
 * @param caPem path of a PEM file with the CA certificates that sign BMC certificates, or {@code
 *     null} for the JVM's default trust store
 * @param sessionAuth log in through the SessionService and reuse the token; otherwise HTTP basic
 *     authentication on every request
 * @param requestTimeoutMs bound for one HTTP exchange
 * @param pollIntervalMs and {@code powerTimeoutMs}: power confirmation polling
 */
public record RedfishConfig(
        boolean tlsVerify,
        String caPem,
        boolean sessionAuth,
        long requestTimeoutMs,
        long pollIntervalMs,
        long powerTimeoutMs) {

    public static RedfishConfig fromJson(JsonObject json) {
        return new RedfishConfig(
                json.getBoolean("tlsVerify", true),
                json.getString("caPem"),
                "session".equals(json.getString("auth", "basic")),
                json.getLong("requestTimeoutMs", 10_000L),
                json.getLong("pollIntervalMs", 1_000L),
                json.getLong("powerTimeoutMs", 120_000L));
    }
}
