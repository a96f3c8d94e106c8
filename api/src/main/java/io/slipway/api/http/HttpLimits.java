package io.slipway.api.http;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * How the API sheds slow and idle clients. Every value has a safe default; {@code --http-config}
 * overrides any of them by its JSON key (see docs/operations.md).
 *
 * @param idleSeconds a connection with no bytes either way for this long is closed ({@code idle_timeout_seconds})
 * @param headerSeconds a request's line and headers must arrive within this long of the connection opening or
 *     the previous response ending ({@code header_timeout_seconds})
 * @param bodySeconds a request's body must arrive within this long of its headers ({@code body_timeout_seconds})
 * @param maxConnections open connections beyond this are closed at once ({@code max_connections})
 * @param maxHeaders headers per request beyond this are a 431 ({@code max_headers})
 * @param maxHeaderBytes total header bytes beyond this are a 431 ({@code max_header_bytes})
 * @param maxRequestLineBytes request line bytes beyond this are a 414 ({@code max_request_line_bytes})
 */
public record HttpLimits(
        int idleSeconds,
        int headerSeconds,
        int bodySeconds,
        int maxConnections,
        int maxHeaders,
        int maxHeaderBytes,
        int maxRequestLineBytes) {
    private static final Set<String> KEYS = Set.of(
            "idle_timeout_seconds",
            "header_timeout_seconds",
            "body_timeout_seconds",
            "max_connections",
            "max_headers",
            "max_header_bytes",
            "max_request_line_bytes");

    public static HttpLimits defaults() {
        return new HttpLimits(60, 10, 60, 4096, 100, 16 * 1024, 8 * 1024);
    }

    /** The defaults with any key of {@code o} applied; an unknown key or a value out of range fails naming it. */
    public static HttpLimits fromJson(JsonObject o) {
        for (String k : o.fieldNames()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("http config: unknown key '" + k + "' (one of " + KEYS + ")");
            }
        }
        HttpLimits d = defaults();
        Map<String, Object> m = o.getMap();
        return new HttpLimits(
                get(m, "idle_timeout_seconds", d.idleSeconds, 1, 3600),
                get(m, "header_timeout_seconds", d.headerSeconds, 1, 600),
                get(m, "body_timeout_seconds", d.bodySeconds, 1, 3600),
                get(m, "max_connections", d.maxConnections, 1, 1_000_000),
                get(m, "max_headers", d.maxHeaders, 8, 10_000),
                get(m, "max_header_bytes", d.maxHeaderBytes, 1024, 1 << 20),
                get(m, "max_request_line_bytes", d.maxRequestLineBytes, 256, 1 << 20));
    }

    private static int get(Map<String, Object> m, String key, int dflt, int min, int max) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n) || n.intValue() < min || n.intValue() > max || n.doubleValue() != n.intValue()) {
            throw new IllegalArgumentException(
                    "http config: " + key + " must be an integer between " + min + " and " + max);
        }
        return n.intValue();
    }

    public HttpLimits withIdleSeconds(int seconds) {
        return new HttpLimits(
                seconds, headerSeconds, bodySeconds, maxConnections, maxHeaders, maxHeaderBytes, maxRequestLineBytes);
    }

    public HttpLimits withHeaderSeconds(int seconds) {
        return new HttpLimits(
                idleSeconds, seconds, bodySeconds, maxConnections, maxHeaders, maxHeaderBytes, maxRequestLineBytes);
    }
}
