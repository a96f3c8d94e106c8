package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.MaasApiKey;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Settings of the {@code maas} node driver, read from the {@code drivers.node.maas} subtree.
 *
 * @param url the MAAS root, e.g. {@code http://maas.example:5240/MAAS} (the API lives under {@code
 *     api/2.0/})
 * @param apiKey {@code consumer:token:secret}
 * @param architecture given to machines the driver enrolls
 * @param quickErase when erasing on release, wipe only the start and end of each disk (MAAS {@code
 *     quick_erase}) rather than every block
 * @param caFile PEM file of the CA that signed MAAS's TLS certificate (MAAS 3.2+ on port 5443), or null
 *     for the JVM's trust store
 * @param bootActionUrl the Slipway API root deployed nodes fetch their boot actions from (e.g. {@code
 *     http://10.21.0.5:9000}); without it a node handed a boot-action key is refused rather than deployed
 *     without its boot actions
 */
public record MaasConfig(
        String url,
        MaasApiKey apiKey,
        Duration requestTimeout,
        Duration commissionTimeout,
        Duration deployTimeout,
        Duration releaseTimeout,
        Duration pollInterval,
        String architecture,
        boolean quickErase,
        String caFile,
        String bootActionUrl) {

    /** Reads the configuration; {@code url} and {@code apiKey} are required, the rest have defaults. */
    public static MaasConfig from(JsonObject json) {
        String url = json.getString("url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("drivers.node.maas.url is required");
        }
        return new MaasConfig(
                url,
                MaasApiKey.parse(json.getString("apiKey")),
                millis(json, "requestTimeoutMs", 30_000),
                millis(json, "commissionTimeoutMs", 30 * 60_000),
                millis(json, "deployTimeoutMs", 45 * 60_000),
                millis(json, "releaseTimeoutMs", 30 * 60_000),
                millis(json, "pollIntervalMs", 10_000),
                json.getString("architecture", "amd64/generic"),
                json.getBoolean("quickErase", true),
                json.getString("caFile"),
                json.getString("bootActionUrl"));
    }

    private static Duration millis(JsonObject json, String key, long defaultMs) {
        long value = json.getLong(key, defaultMs);
        if (value <= 0) {
            throw new IllegalArgumentException("drivers.node.maas." + key + " must be positive");
        }
        return Duration.ofMillis(value);
    }
}
