package io.slipway.engine.dispatch;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where observed node state comes from: the driver configuration of this process. Every node write
 * is stamped with it (and the node's site); a stamp that differs from the current provenance means
 * the state was observed through other drivers (or a simulator) and is not trusted.
 *
 * @param id what a person reads, e.g. {@code maas@http://maas:5240/MAAS} or {@code lab (simulated)}
 * @param simulated the drivers are simulators
 * @param fingerprint hash of the driver types and non-secret settings; equal fingerprints mean the
 *     same drivers
 */
public record Provenance(String id, boolean simulated, String fingerprint) {

    /** Key of the stamp in a node's progress document. */
    public static final String KEY = "observed_by";

    public Provenance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /**
     * A provenance whose fingerprint is the SHA-256 of {@code config} (its canonical JSON with sorted
     * keys); the caller leaves secrets out of {@code config}.
     */
    public static Provenance of(String id, boolean simulated, JsonObject config) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((simulated + "|" + Canonical.json(config)).getBytes(StandardCharsets.UTF_8));
            return new Provenance(id, simulated, HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The stamp written with a node's state.
     *
     * @param place where the node is, as far as known: {@code site} (design site name) and {@code oob}
     *     (BMC driver type and endpoint, e.g. {@code ipmi@10.0.0.5:623}); null or missing when unknown
     */
    public JsonObject stamp(JsonObject place) {
        JsonObject stamp =
                new JsonObject().put("id", id).put("simulated", simulated).put("fingerprint", fingerprint);
        return place == null ? stamp : place.copy().mergeIn(stamp);
    }

    /**
     * True when {@code stamp} was written under this provenance and, for every fact of {@code place}
     * known on both sides, the same place (site, BMC type and endpoint).
     */
    public boolean trusts(JsonObject stamp, JsonObject place) {
        if (stamp == null || !fingerprint.equals(stamp.getString("fingerprint"))) {
            return false;
        }
        if (place != null) {
            for (String key : place.fieldNames()) {
                Object now = place.getValue(key);
                Object then = stamp.getValue(key);
                if (now != null && then != null && !now.equals(then)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Describes a stamp for a timeline event. */
    public static String describe(JsonObject stamp) {
        if (stamp == null) {
            return "unrecorded drivers";
        }
        return stamp.getString("id", "unrecorded drivers")
                + (stamp.getString("oob") == null ? "" : ", BMC " + stamp.getString("oob"))
                + (stamp.getString("site") == null ? "" : ", site " + stamp.getString("site"));
    }

    /** Canonical JSON: keys sorted at every level, so equal settings hash equally. */
    static final class Canonical {
        private Canonical() {}

        static String json(Object v) {
            if (v instanceof JsonObject o) {
                StringBuilder b = new StringBuilder("{");
                o.fieldNames().stream()
                        .sorted()
                        .forEach(k -> b.append(b.length() > 1 ? "," : "")
                                .append(io.vertx.core.json.Json.encode(k))
                                .append(':')
                                .append(json(o.getValue(k))));
                return b.append('}').toString();
            }
            if (v instanceof io.vertx.core.json.JsonArray a) {
                StringBuilder b = new StringBuilder("[");
                a.forEach(x -> b.append(b.length() > 1 ? "," : "").append(json(x)));
                return b.append(']').toString();
            }
            return io.vertx.core.json.Json.encode(v);
        }
    }
}
