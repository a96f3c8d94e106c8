package io.slipway.drivers.spi;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Collects the problems of one driver's settings, each naming the full key ({@code
 * drivers.node.maas.url: required}). No I/O: values are checked for presence, type and range only.
 * Not thread-safe; one instance per check.
 */
public final class DriverSettings {
    private final String path;
    private final JsonObject json;
    private final List<String> problems = new ArrayList<>();

    private DriverSettings(String path, JsonObject json) {
        this.path = path;
        this.json = json == null ? new JsonObject() : json;
    }

    /** Checks of the settings found at {@code path} (e.g. {@code drivers.oob.ipmi}). */
    public static DriverSettings of(String path, JsonObject json) {
        return new DriverSettings(path, json);
    }

    /** Checks for {@code provider}'s own settings path. */
    public static DriverSettings of(DriverProvider<?> provider, JsonObject json) {
        return new DriverSettings(provider.settingsPath(), json);
    }

    /** The full key of {@code key}. */
    public String key(String key) {
        return path + "." + key;
    }

    /** Adds a problem for {@code key}. */
    public DriverSettings problem(String key, String message) {
        problems.add(key(key) + ": " + message);
        return this;
    }

    /** The key must be a non-blank string. */
    public DriverSettings required(String key) {
        Object v = json.getValue(key);
        if (v == null || v instanceof String s && s.isBlank()) {
            problem(key, "required");
        } else if (!(v instanceof String)) {
            problem(key, "must be a string");
        }
        return this;
    }

    /** When present, the key must be a string. */
    public DriverSettings text(String key) {
        Object v = json.getValue(key);
        if (v != null && !(v instanceof String)) {
            problem(key, "must be a string");
        }
        return this;
    }

    /** When present and not blank, the key must be an http(s) URL ({@link #required} reports blanks). */
    public DriverSettings url(String key) {
        Object v = json.getValue(key);
        if (v instanceof String s && !s.isBlank() && !s.matches("(?i)https?://[^/\\s]+.*")) {
            problem(key, "must be an http:// or https:// URL, not " + s);
        } else {
            text(key);
        }
        return this;
    }

    /** When present, the key must be a whole number above zero. */
    public DriverSettings positive(String key) {
        Object v = json.getValue(key);
        if (v != null && !(v instanceof Number n && n.longValue() > 0 && n.doubleValue() == n.longValue())) {
            problem(key, "must be a whole number above 0, not " + v);
        }
        return this;
    }

    /** When present, the key must be a whole number at or above zero. */
    public DriverSettings atLeastZero(String key) {
        Object v = json.getValue(key);
        if (v != null && !(v instanceof Number n && n.longValue() >= 0 && n.doubleValue() == n.longValue())) {
            problem(key, "must be a whole number of 0 or more, not " + v);
        }
        return this;
    }

    /** When present, the key must be true or false. */
    public DriverSettings bool(String key) {
        Object v = json.getValue(key);
        if (v != null && !(v instanceof Boolean)) {
            problem(key, "must be true or false, not " + v);
        }
        return this;
    }

    /** When present, the key must be one of {@code allowed}. */
    public DriverSettings oneOf(String key, Set<String> allowed) {
        Object v = json.getValue(key);
        if (v != null && !allowed.contains(String.valueOf(v))) {
            problem(key, "must be one of " + allowed.stream().sorted().toList() + ", not " + v);
        }
        return this;
    }

    /** When present, the key must be a mapping. */
    public DriverSettings mapping(String key) {
        Object v = json.getValue(key);
        if (v != null && !(v instanceof JsonObject)) {
            problem(key, "must be a mapping");
        }
        return this;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
