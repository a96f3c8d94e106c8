package io.slipway.api.http;

import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.design.DocRef;
import io.slipway.engine.design.SiteDesign;
import io.slipway.engine.effective.EffectiveCompiler;
import io.slipway.engine.effective.EffectiveDesign;
import io.slipway.engine.effective.EffectiveDocuments;
import io.slipway.engine.effective.EffectiveNode;
import io.slipway.store.DesignRevision;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What changed between two design revisions: documents added, removed and changed by (kind, name),
 * and for nodes present in both the effective fields (after profiles) that differ, by dotted path.
 * Where a document was read from (its {@link DocRef} source line) is not a change. Blocking (parses
 * and compiles both designs): call on a worker thread.
 */
final class DesignDiff {
    /** Position information, not content: moving a document in its file is not a change. */
    private static final String SOURCE = "compiled.source";

    private DesignDiff() {}

    static JsonObject compare(DesignLoader loader, DesignRevision from, DesignRevision to) {
        SiteDesign a = loader.parse(List.of(DesignRoutes.text(from)));
        SiteDesign b = loader.parse(List.of(DesignRoutes.text(to)));
        Map<String, Record> before = documents(a);
        Map<String, Record> after = documents(b);
        JsonArray added = new JsonArray();
        JsonArray removed = new JsonArray();
        JsonArray changed = new JsonArray();
        after.forEach((key, doc) -> {
            if (!before.containsKey(key)) {
                added.add(key(doc));
            }
        });
        before.forEach((key, doc) -> {
            Record other = after.get(key);
            if (other == null) {
                removed.add(key(doc));
            } else if (!changedFields(doc, other).isEmpty()) {
                changed.add(key(doc).put("fields", new JsonArray(changedFields(doc, other))));
            }
        });
        return new JsonObject()
                .put("from", from.id())
                .put("to", to.id())
                .put(
                        "documents",
                        new JsonObject()
                                .put("added", added)
                                .put("removed", removed)
                                .put("changed", changed))
                .put("nodes", nodes(new EffectiveCompiler().compile(a), new EffectiveCompiler().compile(b)));
    }

    private static JsonArray nodes(EffectiveDesign a, EffectiveDesign b) {
        JsonArray out = new JsonArray();
        for (EffectiveNode n : a.nodes()) {
            EffectiveNode m = b.node(n.name());
            if (m == null) {
                continue;
            }
            Map<String, Object> before = flatten(EffectiveDocuments.node(n));
            Map<String, Object> after = flatten(EffectiveDocuments.node(m));
            JsonObject fields = new JsonObject();
            new java.util.TreeSet<>(Stream.concat(before.keySet().stream(), after.keySet().stream())
                            .toList())
                    .forEach(k -> {
                        if (!k.equals(SOURCE) && !Objects.equals(before.get(k), after.get(k))) {
                            fields.put(
                                    k,
                                    new JsonObject()
                                            .put("from", json(before.get(k)))
                                            .put("to", json(after.get(k))));
                        }
                    });
            if (!fields.isEmpty()) {
                out.add(new JsonObject().put("name", n.name()).put("fields", fields));
            }
        }
        return out;
    }

    /** Every document of the design by "kind/name", in input order. */
    private static Map<String, Record> documents(SiteDesign d) {
        Map<String, Record> out = new LinkedHashMap<>();
        Stream.of(
                        d.regions(),
                        d.racks(),
                        d.links(),
                        d.networks(),
                        d.hardwareProfiles(),
                        d.hostProfiles(),
                        d.nodes(),
                        d.bootActions())
                .flatMap(List::stream)
                .forEach(r -> out.put(ref(r).kind() + "/" + ref(r).name(), r));
        return out;
    }

    private static JsonObject key(Record doc) {
        return new JsonObject().put("kind", ref(doc).kind()).put("name", ref(doc).name());
    }

    private static DocRef ref(Record doc) {
        for (RecordComponent c : doc.getClass().getRecordComponents()) {
            if (c.getType() == DocRef.class) {
                return (DocRef) value(c, doc);
            }
        }
        throw new IllegalStateException(doc.getClass().getSimpleName() + " has no document reference");
    }

    /** The record components (top-level fields) that differ, ignoring where the document was read from. */
    private static List<String> changedFields(Record a, Record b) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            if (c.getType() != DocRef.class && !Objects.equals(value(c, a), value(c, b))) {
                out.add(c.getName());
            }
        }
        return out;
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    /** A value as JSON (lists and maps of the effective document included). */
    private static Object json(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        try {
            return io.vertx.core.json.Json.decodeValue(io.vertx.core.json.Json.encode(v));
        } catch (RuntimeException e) {
            return String.valueOf(v);
        }
    }

    /** Nested maps as dotted paths; lists and scalars are leaves. */
    static Map<String, Object> flatten(Map<String, Object> map) {
        Map<String, Object> out = new TreeMap<>();
        flatten("", map, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, Object> out) {
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                flatten(prefix + k + ".", (Map<String, Object>) m, out);
            } else {
                out.put(prefix + k, v);
            }
        });
    }
}
