package io.slipway.api.drivers;

import io.slipway.drivers.spi.DriverKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@link DriversConfig} from, lowest first: the {@code drivers:} mapping of the config file,
 * {@code SLIPWAY_DRIVERS_*} environment variables, then the command-line shorthands {@code
 * --node-driver} and {@code --node-driver-config}.
 *
 * <p>A variable names a path: {@code SLIPWAY_DRIVERS_NODE_TYPE=maas}, {@code
 * SLIPWAY_DRIVERS_NODE_MAAS_API_KEY=...} ({@code drivers.node.maas.apiKey}), {@code
 * SLIPWAY_DRIVERS_OOB_IPMI_ATTEMPT_TIMEOUT_MS=500}, {@code SLIPWAY_DRIVERS_KUBERNETES_TOKEN_FILE=...}.
 * After the kind (and, except for {@code kubernetes} and {@code TYPE}, the driver type) the rest is
 * the key in upper snake case. Values {@code true}/{@code false} and whole numbers are typed, a value
 * starting with <code>{</code> or {@code [} is JSON, anything else a string.
 */
public final class DriversConfigSource {
    static final String PREFIX = "SLIPWAY_DRIVERS_";

    private DriversConfigSource() {}

    /**
     * The merged tree, or problems naming the variable or option that could not be used.
     *
     * @param file the {@code drivers} mapping of the config file (null when absent)
     * @param nodeDriver {@code --node-driver} (null when not given)
     * @param nodeDriverConfig {@code --node-driver-config} JSON (null or blank when not given)
     */
    public static Result read(
            JsonObject file, Map<String, String> env, String nodeDriver, String nodeDriverConfig, boolean simulate) {
        JsonObject tree = file == null ? new JsonObject() : file.copy();
        List<String> problems = new ArrayList<>();
        new TreeMap<>(env).forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                String problem = apply(tree, name, value);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        });
        if (nodeDriver != null && !nodeDriver.isBlank()) {
            node(tree).put("type", nodeDriver.trim());
        }
        if (nodeDriverConfig != null && !nodeDriverConfig.isBlank() && !nodeDriverConfig.isBlank()) {
            try {
                JsonObject extra = new JsonObject(nodeDriverConfig);
                String type = node(tree).getString("type", DriversConfig.standardType(DriverKind.NODE));
                if (type == null) {
                    problems.add(
                            "--node-driver-config: give --node-driver (or drivers.node.type) to say which driver it configures");
                } else {
                    JsonObject settings = node(tree).getValue(type) instanceof JsonObject o ? o : new JsonObject();
                    node(tree).put(type, settings.mergeIn(extra, true));
                }
            } catch (RuntimeException e) {
                problems.add("--node-driver-config: not a JSON object: " + e.getMessage());
            }
        }
        return new Result(new DriversConfig(tree, simulate), List.copyOf(problems));
    }

    /** The merged configuration and the problems met while reading it. */
    public record Result(DriversConfig config, List<String> problems) {}

    private static JsonObject node(JsonObject tree) {
        if (!(tree.getValue("node") instanceof JsonObject)) {
            tree.put("node", new JsonObject());
        }
        return tree.getJsonObject("node");
    }

    private static String apply(JsonObject tree, String name, String value) {
        List<String> parts =
                List.of(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).split("_"));
        String kind = parts.get(0);
        if (!DriversConfig.KINDS.contains(kind)) {
            return name + ": unknown driver kind " + kind + "; kinds: " + DriversConfig.KINDS;
        }
        List<String> path = new ArrayList<>(List.of(kind));
        List<String> rest = parts.subList(1, parts.size());
        if (!kind.equals(DriverKind.KUBERNETES.label()) && !rest.equals(List.of("type"))) {
            if (rest.size() < 2) {
                return name + ": name the driver type and the key, e.g. " + PREFIX + kind.toUpperCase(Locale.ROOT)
                        + "_IPMI_ATTEMPT_TIMEOUT_MS";
            }
            path.add(rest.get(0));
            rest = rest.subList(1, rest.size());
        }
        if (rest.isEmpty() || rest.contains("")) {
            return name + ": no key after the driver kind";
        }
        path.add(camel(rest));
        JsonObject at = tree;
        for (String p : path.subList(0, path.size() - 1)) {
            if (!(at.getValue(p) instanceof JsonObject)) {
                at.put(p, new JsonObject());
            }
            at = at.getJsonObject(p);
        }
        at.put(path.get(path.size() - 1), typed(value));
        return null;
    }

    static String camel(List<String> words) {
        StringBuilder b = new StringBuilder(words.get(0));
        words.subList(1, words.size())
                .forEach(w -> b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)));
        return b.toString();
    }

    static Object typed(String v) {
        String t = v.trim();
        if (t.equals("true") || t.equals("false")) {
            return Boolean.valueOf(t);
        }
        if (t.matches("-?\\d{1,18}")) {
            return Long.valueOf(t);
        }
        if (t.startsWith("{")) {
            return new JsonObject(t);
        }
        if (t.startsWith("[")) {
            return new JsonArray(t);
        }
        return v;
    }
}
