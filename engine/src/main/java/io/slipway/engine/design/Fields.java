package io.slipway.engine.design;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed, schema-checking reader over one YAML mapping. Every accessor returns {@code null} when the
 * key is absent and records a DD001 finding (with the exact line) when the value has the wrong
 * shape, so binding a document is also validating it against its schema.
 */
final class Fields {
    private final BindContext ctx;
    private final String path;
    private final MappingNode node;
    private final Map<String, Node> entries = new LinkedHashMap<>();

    private Fields(BindContext ctx, String path, MappingNode node) {
        this.ctx = ctx;
        this.path = path;
        this.node = node;
        ctx.visit(node.getValue().size() + 1);
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                ctx.schemaError(t.getKeyNode(), path, "keys must be plain strings");
                continue;
            }
            if (entries.put(key.getValue(), t.getValueNode()) != null) {
                ctx.note(duplicateKey(key));
            }
        }
    }

    private Finding duplicateKey(ScalarNode key) {
        return new Finding(
                Level.ERROR,
                "SW0002",
                "YAML-002",
                "Duplicate Key: " + path + "." + key.getValue() + " is given more than once; the last value is used",
                "Remove the duplicated key.",
                List.of(ctx.ref()),
                ctx.where(key));
    }

    /** Reads {@code node} as a mapping; a non-mapping value is a schema error and yields null. */
    static Fields of(BindContext ctx, String path, Node node) {
        if (node instanceof MappingNode m) {
            return new Fields(ctx, path, m);
        }
        ctx.schemaError(node, path, describe(node) + " is not of type 'object'");
        return null;
    }

    BindContext ctx() {
        return ctx;
    }

    String path() {
        return path;
    }

    Set<String> keys() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Node raw(String key) {
        return entries.get(key);
    }

    String where() {
        return ctx.where(node);
    }

    /** additionalProperties: false. */
    Fields only(String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            if (!ok.contains(e.getKey())) {
                ctx.schemaError(
                        e.getValue(),
                        path,
                        "Additional properties are not allowed ('" + e.getKey() + "' was unexpected)");
            }
        }
        return this;
    }

    String string(String key) {
        Object v = scalar(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        typeError(key, v, "string");
        return null;
    }

    /** A scalar of any type, as text; for fields Drydock coerces ({@code pxe_interface}, OOB params). */
    String text(String key) {
        Object v = scalar(key);
        return v == null ? null : String.valueOf(v);
    }

    Integer integer(String key) {
        Long v = longValue(key);
        if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
            typeError(key, v, "integer in range");
            return null;
        }
        return v == null ? null : v.intValue();
    }

    Long longValue(String key) {
        Object v = scalar(key);
        if (v == null || v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return d.longValue();
        }
        typeError(key, v, "number");
        return null;
    }

    Boolean bool(String key) {
        Object v = scalar(key);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        typeError(key, v, "boolean");
        return null;
    }

    String oneOf(String key, Set<String> values) {
        String v = string(key);
        if (v != null && !values.contains(v)) {
            ctx.schemaError(entries.get(key), path + "." + key, "'" + v + "' is not one of " + sorted(values));
            return null;
        }
        return v;
    }

    String matching(String key, Pattern pattern) {
        String v = string(key);
        if (v != null && !pattern.matcher(v).matches()) {
            ctx.schemaError(entries.get(key), path + "." + key, "'" + v + "' does not match '" + pattern + "'");
            return null;
        }
        return v;
    }

    Fields object(String key) {
        Node n = entries.get(key);
        return n == null || isNull(n) ? null : of(ctx, path + "." + key, n);
    }

    /** A mapping whose values are objects, in document order (e.g. {@code physical_devices}). */
    Map<String, Fields> objects(String key) {
        return FieldCollections.objects(this, key);
    }

    /** A sequence of strings; other items are schema errors and are left out. */
    List<String> strings(String key) {
        return FieldCollections.strings(this, key);
    }

    /** A sequence of objects, each read by {@code reader}; items it returns null for are left out. */
    <T> List<T> list(String key, Function<Fields, T> reader) {
        return FieldCollections.list(this, key, reader);
    }

    /** A flat mapping of scalars; values become text (YAML {@code true} → {@code "true"}). */
    Map<String, String> textMap(String key) {
        return FieldCollections.textMap(this, key);
    }

    private Object scalar(String key) {
        Node n = entries.get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof ScalarNode s) {
            return Scalars.value(s);
        }
        ctx.schemaError(n, path + "." + key, describe(n) + " is not a scalar value");
        return null;
    }

    private void typeError(String key, Object value, String type) {
        ctx.schemaError(entries.get(key), path + "." + key, Scalars.describe(value) + " is not of type '" + type + "'");
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Scalars.value(s) == null;
    }

    static String describe(Node n) {
        if (n instanceof ScalarNode s) {
            return Scalars.describe(Scalars.value(s));
        }
        return n instanceof SequenceNode ? "an array" : "an object";
    }

    private static String sorted(Set<String> values) {
        List<String> l = new ArrayList<>(values);
        Collections.sort(l);
        return l.toString();
    }
}
