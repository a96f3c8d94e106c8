package io.slipway.api.drivers;

import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.drivers.spi.kubernetes.KubernetesDriver;
import io.slipway.drivers.spi.network.NetworkDriver;
import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.engine.dispatch.DriverSet;
import io.slipway.engine.dispatch.Provenance;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The composition root of the drivers: a checked {@link DriversConfig} and the registry give the
 * engine's {@link DriverSet}, its {@link Provenance} and what the banner, {@code /versions} and
 * {@code health/extended} say about it. Built on the main thread at start; immutable.
 */
public final class DriverWiring {
    private final DriversConfig config;
    private final DriverRegistry registry;
    private final Provenance provenance;

    private DriverWiring(DriversConfig config, DriverRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.provenance = Provenance.of(id(), config.simulate(), identity());
    }

    /**
     * The wiring of {@code config}, or an {@link IllegalArgumentException} listing every problem
     * (reading or checking), so nothing else starts.
     */
    public static DriverWiring checked(DriversConfigSource.Result read, DriverRegistry registry) {
        List<String> problems = new java.util.ArrayList<>(read.problems());
        problems.addAll(new DriverChecks(registry).problems(read.config()));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "the driver configuration cannot be used:\n  " + String.join("\n  ", problems));
        }
        return new DriverWiring(read.config(), registry);
    }

    public boolean simulated() {
        return config.simulate();
    }

    public Provenance provenance() {
        return provenance;
    }

    /** Creates the drivers (no network I/O). */
    public DriverSet build(DriverContext ctx) {
        String nodeType = config.type(DriverKind.NODE);
        JsonObject nodeSettings = config.settings(DriverKind.NODE, nodeType);
        if (config.simulate() && !nodeSettings.containsKey("adoptUnknown")) {
            // Every instance has its own simulator; a new leader must carry on with machines another one enrolled.
            nodeSettings = nodeSettings.copy().put("adoptUnknown", true);
        }
        NodeDriver node = registry.node(nodeType).create(ctx, nodeSettings);
        String netType = config.type(DriverKind.NETWORK);
        NetworkDriver network = netType == null
                ? null
                : registry.network(netType).create(ctx, config.settings(DriverKind.NETWORK, netType));
        KubernetesDriver k8s = !config.kubernetes()
                ? null
                : registry.kubernetes(config.kind(DriverKind.KUBERNETES)
                                .getString(
                                        "type",
                                        registry.standardType(DriverKind.KUBERNETES)
                                                .orElse(null)))
                        .create(ctx, config.settings(DriverKind.KUBERNETES, null));
        String override =
                config.simulate() ? registry.simulatorType(DriverKind.OOB).orElse(null) : null;
        return new DriverSet(ctx, registry, config.kind(DriverKind.OOB), override, node, network, k8s)
                .withProvenance(provenance);
    }

    /** What this process runs, for {@code /versions} and {@code health/extended}. */
    public JsonObject describe() {
        JsonObject oob = new JsonObject();
        registry.types(DriverKind.OOB).stream()
                .filter(t -> config.simulate() || !registry.oob(t).simulated())
                .forEach(t -> oob.put(
                        t,
                        config.simulate()
                                ? registry.simulatorType(DriverKind.OOB).orElse(t)
                                : t));
        return new JsonObject()
                .put("simulated", config.simulate())
                .put("id", provenance.id())
                .put("node", config.type(DriverKind.NODE))
                .put("network", config.type(DriverKind.NETWORK))
                .put(
                        "oob",
                        config.simulate()
                                ? registry.simulatorType(DriverKind.OOB).orElse("simulator") + " (every oob.type)"
                                : String.join(
                                        ",", oob.fieldNames().stream().sorted().toList()))
                .put(
                        DriverKind.KUBERNETES.label(),
                        config.kubernetes()
                                ? endpoint(
                                        config.settings(DriverKind.KUBERNETES, null),
                                        "apiServer",
                                        "https://kubernetes.default.svc")
                                : null)
                .put("fingerprint", provenance.fingerprint());
    }

    /** The start banner's line about drivers; simulation is said in capitals. */
    public String banner() {
        if (config.simulate()) {
            return "SIMULATED: lab node, network and BMC drivers stand in for every driver and every design oob.type;"
                    + " no real hardware is contacted";
        }
        JsonObject d = describe();
        return "drivers: node " + provenance.id() + ", oob by design (" + d.getString("oob") + ")"
                + (d.getString("network") == null ? "" : ", network " + d.getString("network"))
                + (d.getString(DriverKind.KUBERNETES.label()) == null
                        ? ""
                        : ", " + DriverKind.KUBERNETES.label() + " " + d.getString(DriverKind.KUBERNETES.label()));
    }

    private String id() {
        if (config.simulate()) {
            return registry.simulatorType(DriverKind.NODE).orElse("simulator") + " (simulated)";
        }
        String type = config.type(DriverKind.NODE);
        String url = endpoint(config.settings(DriverKind.NODE, type), "url", null);
        return url == null ? type : type + "@" + url;
    }

    /** Type and endpoint of the drivers whose observations are stored (no secret, no tuning value). */
    private JsonObject identity() {
        JsonObject id = new JsonObject();
        for (DriverKind kind : List.of(DriverKind.NODE, DriverKind.NETWORK)) {
            String type = config.type(kind);
            if (type != null) {
                id.put(kind.label(), type + "@" + endpoint(config.settings(kind, type), "url", ""));
            }
        }
        return id;
    }

    private static String endpoint(JsonObject settings, String key, String fallback) {
        Object v = settings.getValue(key);
        return v == null ? fallback : String.valueOf(v);
    }
}
