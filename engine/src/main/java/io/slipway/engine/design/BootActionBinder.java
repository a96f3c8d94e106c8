package io.slipway.engine.design;

import io.slipway.engine.design.model.BootAction;
import io.slipway.engine.design.model.NodeFilterSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Binds {@code BootAction} documents, including {@code pkg_list} assets and node filters. */
final class BootActionBinder {
    static final Set<String> DATA_PIPELINE =
            Set.of("base64_encode", "template", "base64_decode", "utf8_encode", "utf8_decode");
    private static final Pattern PATH = Pattern.compile("^/.+");
    private static final Pattern PERMISSIONS = Pattern.compile("\\d{3}");

    private BootActionBinder() {}

    static BootAction bind(Fields d) {
        d.only("signaling", "assets", "node_filter");
        List<BootAction.Asset> assets = d.list("assets", BootActionBinder::asset);
        if (assets == null) {
            d.ctx().schemaError(d.raw("assets"), d.path(), "'assets' is a required property");
        }
        Boolean signaling = d.bool("signaling");
        return new BootAction(
                d.ctx().ref(),
                d.ctx().ref().name(),
                signaling == null || signaling,
                assets == null ? List.of() : assets,
                filterSet(d.object("node_filter")));
    }

    private static BootAction.Asset asset(Fields a) {
        a.only("type", "path", "location", "data", "location_pipeline", "data_pipeline", "permissions");
        if (!a.has("type")) {
            a.ctx().schemaError(a.raw("type"), a.path(), "'type' is a required property");
        }
        String type = a.oneOf("type", Set.of("unit", "file", "pkg_list"));
        String data = null;
        Map<String, String> packages = null;
        Node raw = a.raw("data");
        if (raw instanceof MappingNode m) {
            packages = packages(a, m);
        } else if (raw != null && !Fields.isNull(raw)) {
            data = a.string("data");
        }
        List<String> locationPipeline = enumList(a, "location_pipeline", Set.of("template"));
        List<String> dataPipeline = enumList(a, "data_pipeline", DATA_PIPELINE);
        String perms = a.matching("permissions", PERMISSIONS);
        return new BootAction.Asset(
                type,
                a.matching("path", PATH),
                a.string("location"),
                data,
                packages,
                locationPipeline,
                dataPipeline,
                perms == null ? 0600 : Integer.parseInt(perms, 8));
    }

    /** pkg_list data: package name → version or null. Non-string keys are a processing error (DD000). */
    private static Map<String, String> packages(Fields a, MappingNode m) {
        Map<String, String> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)
                    || !Tag.STR.equals(k.getTag())
                    || !(t.getValueNode() instanceof ScalarNode v)) {
                throw new DocumentProcessingException("Keys and values must be strings.", t.getKeyNode());
            }
            Object value = Scalars.value(v);
            if (value != null && !(value instanceof String)) {
                throw new DocumentProcessingException("Keys and values must be strings.", v);
            }
            out.put(k.getValue(), (String) value);
        }
        a.ctx().visit(out.size());
        return out;
    }

    private static List<String> enumList(Fields a, String key, Set<String> allowed) {
        List<String> values = a.strings(key);
        if (values == null) {
            return List.of();
        }
        for (String v : values) {
            if (!allowed.contains(v)) {
                a.ctx()
                        .schemaError(
                                a.raw(key),
                                a.path() + "." + key,
                                "'" + v + "' is not one of " + new java.util.TreeSet<>(allowed));
            }
        }
        return values;
    }

    static NodeFilterSet filterSet(Fields f) {
        if (f == null) {
            return null;
        }
        f.only("filter_set_type", "filter_set");
        Set<String> types = Set.of("intersection", "union");
        List<NodeFilterSet.NodeFilter> filters = f.list("filter_set", x -> {
            x.only("filter_type", "node_names", "node_tags", "node_labels", "rack_names", "rack_labels");
            return new NodeFilterSet.NodeFilter(
                    x.oneOf("filter_type", types),
                    SiteBinder.orEmpty(x.strings("node_names")),
                    SiteBinder.orEmpty(x.strings("node_tags")),
                    SiteBinder.orEmpty(x.textMap("node_labels")),
                    SiteBinder.orEmpty(x.strings("rack_names")),
                    SiteBinder.orEmpty(x.textMap("rack_labels")));
        });
        String setType = f.oneOf("filter_set_type", types);
        return new NodeFilterSet(setType == null ? "union" : setType, SiteBinder.orEmpty(filters));
    }
}
