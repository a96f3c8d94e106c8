package io.slipway.engine.effective;

import io.slipway.engine.design.model.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * Drydock's {@code !} inheritance primitives. The parent argument is always already effective
 * (no markers); the child may carry {@code !} markers, which are resolved here.
 */
final class Merge {
    private Merge() {}

    /** Child wins when set; {@code "!"} unsets; otherwise the parent's value. */
    static String scalar(String parent, String child) {
        if (child == null) {
            return parent;
        }
        return "!".equals(child) ? null : child;
    }

    static <T> T value(T parent, T child) {
        return child != null ? child : parent;
    }

    /** Child items (minus {@code !x}), then parent items not negated and not already present. */
    static List<String> strings(List<String> parent, List<String> child) {
        if (child == null) {
            return parent == null ? null : List.copyOf(parent);
        }
        if (child.isEmpty() && parent != null) {
            return List.copyOf(parent);
        }
        Set<String> removed = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String c : child) {
            if (c.startsWith("!")) {
                removed.add(c.substring(1));
            } else if (!out.contains(c)) {
                out.add(c);
            }
        }
        if (parent != null) {
            for (String p : parent) {
                if (!removed.contains(p) && !out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Parent keys unless the child has {@code !key}, overlaid by the child's other keys. */
    static Map<String, String> dict(Map<String, String> parent, Map<String, String> child) {
        // Most nodes add nothing to a map they inherit: share the parent's (immutable) map then.
        if (child == null || child.isEmpty()) {
            return parent == null ? Map.of() : parent;
        }
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> removed = new HashSet<>();
        child.keySet().stream().filter(k -> k.startsWith("!")).forEach(k -> removed.add(k.substring(1)));
        if (parent != null) {
            parent.forEach((k, v) -> {
                if (!removed.contains(k)) {
                    out.put(k, v);
                }
            });
        }
        child.forEach((k, v) -> {
            if (!k.startsWith("!")) {
                out.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Named-object lists: every parent entry survives unless the child removes it with {@code !name};
     * entries of the same name merge field by field; new child entries are appended in order.
     */
    static <T extends Named> List<T> named(List<T> parent, List<T> child, BinaryOperator<T> merge) {
        if (child == null) {
            return parent == null ? null : List.copyOf(parent);
        }
        Map<String, T> byName = new HashMap<>();
        Set<String> removed = new HashSet<>();
        for (T c : child) {
            if (c.name() != null && c.name().startsWith("!")) {
                removed.add(c.name().substring(1));
            } else {
                byName.put(c.name(), c);
            }
        }
        List<T> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        if (parent != null) {
            for (T p : parent) {
                if (removed.contains(p.name())) {
                    continue;
                }
                T c = byName.get(p.name());
                out.add(c == null ? p : merge.apply(p, c));
                used.add(p.name());
            }
        }
        for (T c : child) {
            boolean marker = c.name() != null && c.name().startsWith("!");
            if (!marker && !used.contains(c.name())) {
                out.add(merge.apply(null, c));
                used.add(c.name());
            }
        }
        return List.copyOf(out);
    }
}
