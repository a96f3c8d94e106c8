package io.slipway.engine.orchestrator;

import io.slipway.engine.design.model.NodeFilterSet;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a task's {@code node_filter} (Drydock's JSON shape) into a {@link NodeFilterSet}; a malformed
 * filter fails with a message naming the field.
 */
public final class NodeFilterJson {
    private static final Set<String> TYPES = Set.of("union", "intersection");
    private static final Set<String> KEYS =
            Set.of("filter_type", "node_names", "node_tags", "node_labels", "rack_names", "rack_labels");

    private NodeFilterJson() {}

    /** Null or empty JSON selects every node. */
    public static NodeFilterSet parse(JsonObject json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        String setType = json.getValue("filter_set_type") instanceof String s ? s : null;
        if (setType == null || !TYPES.contains(setType)) {
            throw new IllegalArgumentException("node_filter.filter_set_type must be union or intersection");
        }
        if (!(json.getValue("filter_set") instanceof JsonArray set)) {
            throw new IllegalArgumentException("node_filter.filter_set must be a list of filters");
        }
        List<NodeFilterSet.NodeFilter> filters = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            if (!(set.getValue(i) instanceof JsonObject f)) {
                throw new IllegalArgumentException("node_filter.filter_set[" + i + "] must be an object");
            }
            filters.add(filter(f, "node_filter.filter_set[" + i + "]"));
        }
        return new NodeFilterSet(setType, filters);
    }

    private static NodeFilterSet.NodeFilter filter(JsonObject f, String where) {
        for (String k : f.fieldNames()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown field " + k);
            }
        }
        String type = f.getValue("filter_type") instanceof String s && TYPES.contains(s) ? s : null;
        if (type == null) {
            throw new IllegalArgumentException(where + ".filter_type must be union or intersection");
        }
        return new NodeFilterSet.NodeFilter(
                type,
                strings(f, "node_names", where),
                strings(f, "node_tags", where),
                map(f, "node_labels", where),
                strings(f, "rack_names", where),
                map(f, "rack_labels", where));
    }

    private static List<String> strings(JsonObject f, String key, String where) {
        Object v = f.getValue(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray a) || a.stream().anyMatch(x -> !(x instanceof String))) {
            throw new IllegalArgumentException(where + "." + key + " must be a list of strings");
        }
        return a.stream().map(String.class::cast).toList();
    }

    private static Map<String, String> map(JsonObject f, String key, String where) {
        Object v = f.getValue(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof JsonObject o) || o.stream().anyMatch(e -> !(e.getValue() instanceof String))) {
            throw new IllegalArgumentException(where + "." + key + " must map strings to strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        o.forEach(e -> out.put(e.getKey(), (String) e.getValue()));
        return out;
    }

    /** A filter selecting exactly {@code names} (what the CLI's -n builds). */
    public static JsonObject names(List<String> names) {
        return new JsonObject()
                .put("filter_set_type", "union")
                .put(
                        "filter_set",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("filter_type", "union")
                                        .put("node_names", new JsonArray(names))));
    }
}
