package io.slipway.engine.site;

import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverDescription;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.design.Finding;
import io.slipway.engine.design.SourceText;
import io.slipway.engine.design.model.Network;
import io.slipway.engine.design.model.NetworkLink;
import io.slipway.engine.effective.EffectiveNode;
import io.slipway.engine.lifecycle.NodeDesign;
import io.slipway.engine.rules.RuleSet;
import io.slipway.engine.validation.DesignValidation;
import io.slipway.engine.validation.facts.InstalledDrivers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles design revisions into {@link SiteModel}s. Blocking CPU work (parse, compile, validate):
 * call it from a worker thread. Thread-safe.
 */
public final class SiteModels {
    private final DesignValidation validation;
    private final boolean switchPorts;
    private final InstalledDrivers drivers;

    /** As below, with the drivers installed on this class's class path. */
    public SiteModels(RuleSet validationRules, boolean switchPorts) {
        this(validationRules, switchPorts, InstalledDrivers.fromClasspath());
    }

    /**
     * {@code switchPorts}: a network driver is configured, so cabled nodes get port steps; {@code
     * drivers}: the driver types whose descriptions say which nodes need BMC credentials.
     */
    public SiteModels(RuleSet validationRules, boolean switchPorts, InstalledDrivers drivers) {
        this.validation = new DesignValidation(new DesignLoader(), validationRules, drivers);
        this.switchPorts = switchPorts;
        this.drivers = drivers;
    }

    /** Compiles the documents of revision {@code revision}. */
    public SiteModel compile(long revision, String sourceRef, String documents) {
        var result = validation.validate(List.of(new SourceText(
                sourceRef == null ? "revision-" + revision : sourceRef, documents.getBytes(StandardCharsets.UTF_8))));
        var design = result.design();
        Map<String, Network> networks = index(design.networks(), Network::name);
        Map<String, NetworkLink> links = index(design.links(), NetworkLink::name);
        Map<String, NodeDesign> nodeDesigns = new LinkedHashMap<>();
        Map<String, NodeSpec> specs = new LinkedHashMap<>();
        Map<String, OobTarget> targets = new LinkedHashMap<>();
        Map<String, PortPlans> ports = new LinkedHashMap<>();
        Map<String, io.slipway.engine.design.model.Rack> racks =
                index(design.design().racks(), io.slipway.engine.design.model.Rack::name);
        for (EffectiveNode n : design.nodes()) {
            PortPlans plan = switchPorts ? PortPlans.of(n, racks.get(n.rack()), networks, links) : null;
            if (plan != null) {
                ports.put(n.name(), plan);
            }
            List<Finding> errors = result.report().findings().stream()
                    .filter(Finding::isError)
                    .filter(f -> f.documents().stream().anyMatch(d -> d.name().equals(n.name())))
                    .toList();
            nodeDesigns.put(
                    n.name(),
                    new NodeDesign(
                            n.name(),
                            n.rack(),
                            n.hardwareProfile(),
                            n.oobType(),
                            credentials(n),
                            plan != null,
                            errors.size(),
                            errors.isEmpty() ? null : errors.get(0).message()));
            specs.put(n.name(), NodeSpecs.of(revision, n, design, networks, links));
            targets.put(n.name(), target(n));
        }
        String site = design.design().regions().isEmpty()
                ? "default"
                : design.design().regions().get(0).name();
        return new SiteModel(
                revision, site, design, result.report(), nodeDesigns, specs, targets, ports, SiteSpecs.of(design));
    }

    /** False when the node's driver type logs into its BMC and the design lacks the login or address. */
    private boolean credentials(EffectiveNode n) {
        boolean login = n.oobType() != null
                && drivers.oobDescription(n.oobType())
                        .map(DriverDescription::login)
                        .orElse(false);
        if (!login) {
            return true;
        }
        Map<String, String> p = n.oobParameters();
        return p.get("account") != null && p.get("credential") != null && NodeSpecs.oobAddress(n) != null;
    }

    private static OobTarget target(EffectiveNode n) {
        Map<String, String> p = n.oobParameters();
        String address = NodeSpecs.oobAddress(n);
        int port = p.containsKey("port") && p.get("port").matches("\\d{1,5}") ? Integer.parseInt(p.get("port")) : 0;
        Credentials creds = Credentials.of(p.getOrDefault("account", ""), p.getOrDefault("credential", ""));
        return new OobTarget(address == null ? "" : address, port, creds, Map.copyOf(new HashMap<>(options(p))));
    }

    private static Map<String, String> options(Map<String, String> p) {
        Map<String, String> out = new HashMap<>(p);
        Arrays.asList("account", "credential", "network", "port", "address").forEach(out::remove);
        out.values().removeIf(v -> v == null);
        return out;
    }

    private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> name) {
        Map<String, T> out = new HashMap<>();
        items.forEach(i -> out.putIfAbsent(name.apply(i), i));
        return out;
    }
}
