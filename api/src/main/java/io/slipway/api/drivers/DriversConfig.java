package io.slipway.api.drivers;

import io.slipway.drivers.spi.DriverKind;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The {@code drivers} tree of the configuration, after the file, {@code SLIPWAY_DRIVERS_*} variables
 * and command-line shorthands were merged ({@link DriversConfigSource}):
 *
 * <pre>
 * drivers:
 *   oob:        {ipmi: {...}, redfish: {...}}     # settings per OOB type; the design's oob.type picks
 *   node:       {type: maas, maas: {...}}         # exactly one bootstrapper
 *   network:    {type: ..., ...: {...}}           # optional
 *   kubernetes: {apiServer: ..., tokenFile: ..., caPem: ...}   # optional; {} = in-cluster
 * </pre>
 *
 * @param tree the merged tree (never null)
 * @param simulate {@code --simulate} or {@code demo}: the lab simulators stand in for every driver
 */
public record DriversConfig(JsonObject tree, boolean simulate) {

    static final List<String> KINDS =
            java.util.Arrays.stream(DriverKind.values()).map(DriverKind::label).toList();

    /** The drivers on the class path: they say which is their kind's standard choice and which simulate. */
    private static final class Installed {
        static final io.slipway.drivers.spi.DriverRegistry REGISTRY = io.slipway.drivers.spi.DriverRegistry.load();
    }

    /**
     * The type used for {@code kind} when none is configured: the installed provider that declares itself
     * standard (for nodes, Slipway's own bootstrapper; {@code serve} still refuses to start until its
     * settings are given), or null.
     */
    public static String standardType(DriverKind kind) {
        return Installed.REGISTRY.standardType(kind).orElse(null);
    }

    /** The installed simulator of {@code kind} (what {@code --simulate} runs), or null. */
    public static String simulatorType(DriverKind kind) {
        return Installed.REGISTRY.simulatorType(kind).orElse(null);
    }

    public DriversConfig {
        tree = tree == null ? new JsonObject() : tree;
    }

    /** The mapping of {@code kind} (empty when absent). */
    public JsonObject kind(DriverKind kind) {
        return tree.getValue(kind.label()) instanceof JsonObject o ? o : new JsonObject();
    }

    /** The configured type of a node or network driver (the simulator under {@code simulate}). */
    public String type(DriverKind kind) {
        if (simulate && kind != DriverKind.KUBERNETES) {
            return simulatorType(kind);
        }
        Object t = kind(kind).getValue("type");
        if (t == null && kind == DriverKind.NODE) {
            return standardType(kind);
        }
        return t == null ? null : String.valueOf(t);
    }

    /** The settings of a driver: {@code drivers.<kind>.<type>}, or {@code drivers.kubernetes} without its type. */
    public JsonObject settings(DriverKind kind, String type) {
        if (kind == DriverKind.KUBERNETES) {
            JsonObject k = kind(kind).copy();
            k.remove("type");
            return k;
        }
        return kind(kind).getValue(type) instanceof JsonObject o ? o : new JsonObject();
    }

    /** True when {@code drivers.kubernetes} is present (an empty mapping means the in-cluster defaults). */
    public boolean kubernetes() {
        return tree.getValue(DriverKind.KUBERNETES.label()) != null;
    }
}
