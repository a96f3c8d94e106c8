package io.slipway.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from a YAML file ({@code --config FILE} or {@code SLIPWAY_CONFIG}): each key is
 * an option's long name without dashes ({@code port: 9000}). A mapping or list value is passed on as
 * JSON, so {@code node-driver-config:} may be written as YAML. The one other key, {@code drivers:}, is
 * the driver configuration tree of {@code serve} and {@code demo}. The command line beats environment
 * variables, which beat the file (so secrets can stay out of it), which beats built-in defaults.
 */
final class ConfigFileDefaults implements IDefaultValueProvider {
    static final String ENV = "SLIPWAY_CONFIG";
    private final Path file;
    private final JsonNode root;

    private ConfigFileDefaults(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** The config file named by {@code --config} in args or by the environment, or null when there is none. */
    static ConfigFileDefaults find(String[] args, String env) {
        String path = env;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                path = args[i + 1];
            } else if (args[i].startsWith("--config=")) {
                path = args[i].substring("--config=".length());
            }
        }
        return path == null || path.isBlank() ? null : load(Path.of(path));
    }

    static ConfigFileDefaults load(Path file) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
            if (root != null && !root.isNull() && !root.isObject()) {
                throw new IllegalArgumentException(file + ": must be a mapping of option names to values");
            }
            return new ConfigFileDefaults(
                    file, root == null || root.isNull() ? new ObjectMapper().createObjectNode() : root);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    file + ": " + e.getMessage().lines().findFirst().orElse("unreadable"), e);
        }
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec o)) {
            return null;
        }
        String key = o.longestName().replaceFirst("^-+", "");
        if (System.getenv(envName(key)) != null) {
            return null; // the option's environment variable is set, and it wins over the file
        }
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** Every option {@code --some-name} reads {@code SLIPWAY_SOME_NAME}. */
    static String envName(String key) {
        return "SLIPWAY_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** The key holding the driver configuration tree (not an option; see {@code docs/operations.md}). */
    static final String DRIVERS = "drivers";

    /** The {@code drivers:} mapping of the file, or null when it has none. */
    io.vertx.core.json.JsonObject drivers() {
        JsonNode d = root.get(DRIVERS);
        if (d == null || d.isNull()) {
            return null;
        }
        if (!d.isObject()) {
            throw new IllegalArgumentException(
                    file + ": drivers: must be a mapping of driver kinds (oob, node, network, kubernetes)");
        }
        return new io.vertx.core.json.JsonObject(d.toString());
    }

    /** The {@code drivers:} mapping of the command's config file, or null. */
    static io.vertx.core.json.JsonObject drivers(picocli.CommandLine.Model.CommandSpec spec) {
        return spec.commandLine().getDefaultValueProvider() instanceof ConfigFileDefaults c ? c.drivers() : null;
    }

    /** Keys of the file that name no option of the command, for a clear error instead of a silent typo. */
    List<String> unknownKeys(Set<String> optionNames) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!optionNames.contains("--" + k) && !(k.equals(DRIVERS) && optionNames.contains("--node-driver"))) {
                unknown.add(k);
            }
        }
        return unknown;
    }

    /** Fails the command when its config file has a key that names none of its options. */
    static void verify(picocli.CommandLine.Model.CommandSpec spec) {
        if (spec.commandLine().getDefaultValueProvider() instanceof ConfigFileDefaults c) {
            List<String> unknown = c.unknownKeys(spec.optionsMap().keySet());
            if (!unknown.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(),
                        c.file + ": unknown key(s) " + unknown + "; keys are the long option names of '" + spec.name()
                                + "'");
            }
        }
    }
}
