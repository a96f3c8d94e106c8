package io.slipway.engine.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The collection readers of {@link Fields}: sequences and nested mappings. Like every accessor of
 * {@link Fields}, each returns {@code null} when the key is absent and records a DD001 finding (with
 * the exact line) for a value of the wrong shape. Not thread-safe (one binding at a time).
 */
final class FieldCollections {
    private FieldCollections() {}

    /** A mapping whose values are objects, in document order (e.g. {@code physical_devices}). */
    static Map<String, Fields> objects(Fields f, String key) {
        Fields m = f.object(key);
        if (m == null) {
            return null;
        }
        Map<String, Fields> out = new LinkedHashMap<>();
        for (String k : m.keys()) {
            Node v = m.raw(k);
            out.put(k, Fields.isNull(v) ? null : Fields.of(f.ctx(), m.path() + "." + k, v));
        }
        return out;
    }

    static List<String> strings(Fields f, String key) {
        List<Node> items = sequence(f, key);
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            Object v = item instanceof ScalarNode s ? Scalars.value(s) : null;
            if (v instanceof String str) {
                out.add(str);
            } else {
                f.ctx()
                        .schemaError(
                                item,
                                f.path() + "." + key + "[" + i + "]",
                                Fields.describe(item) + " is not of type 'string'");
            }
        }
        return List.copyOf(out);
    }

    static <T> List<T> list(Fields f, String key, Function<Fields, T> reader) {
        List<Node> items = sequence(f, key);
        if (items == null) {
            return null;
        }
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Fields item = Fields.of(f.ctx(), f.path() + "." + key + "[" + i + "]", items.get(i));
            T value = item == null ? null : reader.apply(item);
            if (value != null) {
                out.add(value);
            }
        }
        return List.copyOf(out);
    }

    /** A flat mapping of scalars; values become text (YAML {@code true} → {@code "true"}). */
    static Map<String, String> textMap(Fields f, String key) {
        Fields m = f.object(key);
        if (m == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : m.keys()) {
            Node v = m.raw(k);
            if (v instanceof ScalarNode s) {
                Object o = Scalars.value(s);
                out.put(k, o == null ? null : String.valueOf(o));
            } else {
                f.ctx().schemaError(v, m.path() + "." + k, Fields.describe(v) + " is not of type 'string'");
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static List<Node> sequence(Fields f, String key) {
        Node n = f.raw(key);
        if (n == null || Fields.isNull(n)) {
            return null;
        }
        if (n instanceof SequenceNode seq) {
            f.ctx().visit(seq.getValue().size());
            return seq.getValue();
        }
        f.ctx().schemaError(n, f.path() + "." + key, Fields.describe(n) + " is not of type 'array'");
        return null;
    }
}
