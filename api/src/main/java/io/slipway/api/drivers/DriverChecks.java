package io.slipway.api.drivers;

import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverProvider;
import io.slipway.drivers.spi.DriverRegistry;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a whole {@link DriversConfig} against the installed drivers before anything starts: every
 * problem is reported at once, each naming its key. No network I/O; the only file access is whether
 * the files Kubernetes settings name are readable.
 */
public final class DriverChecks {
    private final DriverRegistry registry;

    public DriverChecks(DriverRegistry registry) {
        this.registry = registry;
    }

    /** The problems of {@code config}; empty when every configured driver can be created. */
    public List<String> problems(DriversConfig config) {
        List<String> problems = new ArrayList<>();
        for (String kind : config.tree().fieldNames()) {
            if (!DriversConfig.KINDS.contains(kind)) {
                problems.add("drivers." + kind + ": unknown driver kind; kinds: " + DriversConfig.KINDS);
            } else if (config.tree().getValue(kind) != null && !(config.tree().getValue(kind) instanceof JsonObject)) {
                problems.add("drivers." + kind + ": must be a mapping");
            }
        }
        node(config, problems);
        selected(config, DriverKind.NETWORK, problems);
        oob(config, problems);
        kubernetes(config, problems);
        return problems;
    }

    private void node(DriversConfig config, List<String> problems) {
        if (config.type(DriverKind.NODE) == null) {
            problems.add(
                    "drivers.node.type: required: no node driver (bootstrapper) is configured; set drivers.node.type in"
                            + " the config file, SLIPWAY_DRIVERS_NODE_TYPE or --node-driver (installed: "
                            + registry.realTypes(DriverKind.NODE)
                            + "; the simulator runs only in demo or with serve --simulate)");
            return;
        }
        int before = problems.size();
        selected(config, DriverKind.NODE, problems);
        if (problems.size() > before
                && !config.simulate()
                && config.kind(DriverKind.NODE).getValue("type") == null) {
            problems.add("drivers.node.type: not set, so the standard bootstrapper " + config.type(DriverKind.NODE)
                    + " is used: give its settings (config file, SLIPWAY_DRIVERS_NODE_* or --node-driver-config),"
                    + " choose another with --node-driver (installed: " + registry.realTypes(DriverKind.NODE)
                    + "), or try Slipway on simulated hardware with serve --simulate");
        }
    }

    /** A node or network driver chosen by {@code drivers.<kind>.type}, and settings of types not installed. */
    private void selected(DriversConfig config, DriverKind kind, List<String> problems) {
        String type = config.type(kind);
        String key = "drivers." + kind + ".type";
        for (String name : config.kind(kind).fieldNames()) {
            if (!name.equals("type") && registry.find(kind, name).isEmpty()) {
                problems.add("drivers." + kind + "." + name + ": no " + kind + " driver of type " + name
                        + " is installed; installed: " + registry.types(kind));
            }
        }
        if (type != null) {
            provider(config, kind, type, key, problems)
                    .ifPresent(p -> problems.addAll(p.check(config.settings(kind, type))));
        }
    }

    private void oob(DriversConfig config, List<String> problems) {
        for (String type : config.kind(DriverKind.OOB).fieldNames()) {
            String key = "drivers.oob." + type;
            Object settings = config.kind(DriverKind.OOB).getValue(type);
            if (settings != null && !(settings instanceof JsonObject)) {
                problems.add(key + ": must be a mapping of the driver's settings");
                continue;
            }
            provider(config, DriverKind.OOB, type, key, problems)
                    .ifPresent(p -> problems.addAll(p.check(config.settings(DriverKind.OOB, type))));
        }
    }

    private void kubernetes(DriversConfig config, List<String> problems) {
        if (!config.kubernetes()) {
            return;
        }
        String type = String.valueOf(config.kind(DriverKind.KUBERNETES)
                .getValue("type", registry.standardType(DriverKind.KUBERNETES).orElse(null)));
        Optional<DriverProvider<?>> p =
                provider(config, DriverKind.KUBERNETES, type, "drivers.kubernetes.type", problems);
        if (p.isEmpty()) {
            return;
        }
        JsonObject settings = config.settings(DriverKind.KUBERNETES, type);
        List<String> found = p.get().check(settings);
        problems.addAll(found);
        if (found.isEmpty()) {
            boolean inCluster = settings.getValue("apiServer") == null;
            readable(
                    settings,
                    "tokenFile",
                    inCluster ? "/var/run/secrets/kubernetes.io/serviceaccount/token" : null,
                    settings.getValue("token") != null,
                    problems);
            readable(
                    settings,
                    "caPem",
                    inCluster ? "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt" : null,
                    Boolean.TRUE.equals(settings.getValue("trustAll")),
                    problems);
        }
    }

    private static void readable(
            JsonObject settings, String key, String inClusterDefault, boolean unused, List<String> problems) {
        String file = settings.getString(key, inClusterDefault);
        if (file != null && !unused && !Files.isReadable(Path.of(file))) {
            problems.add("drivers.kubernetes." + key + ": " + file + " is not readable"
                    + (settings.getValue(key) == null
                            ? " (the in-cluster default; outside a cluster set drivers.kubernetes."
                                    + "apiServer, tokenFile and caPem)"
                            : ""));
        }
    }

    /** The provider, or a problem: not installed, or a simulator outside simulation. */
    private Optional<DriverProvider<?>> provider(
            DriversConfig config, DriverKind kind, String type, String key, List<String> problems) {
        Optional<DriverProvider<?>> p = registry.find(kind, type);
        if (p.isEmpty()) {
            problems.add(key + ": no " + kind + " driver of type " + type + " is installed; installed: "
                    + registry.types(kind));
        } else if (p.get().simulated() && !config.simulate()) {
            problems.add(key + ": " + type + " is a simulator; it runs only in demo or with serve --simulate"
                    + " (real " + kind + " drivers: " + registry.realTypes(kind) + ")");
            return Optional.empty();
        }
        return p;
    }
}
