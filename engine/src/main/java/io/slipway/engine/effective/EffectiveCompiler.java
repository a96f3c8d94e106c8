package io.slipway.engine.effective;

import io.slipway.engine.design.DocRef;
import io.slipway.engine.design.Finding;
import io.slipway.engine.design.SiteDesign;
import io.slipway.engine.design.model.BaremetalNode;
import io.slipway.engine.design.model.BootAction;
import io.slipway.engine.design.model.HardwareProfile;
import io.slipway.engine.design.model.HostProfile;
import io.slipway.engine.design.model.Network;
import io.slipway.engine.design.model.Rack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compiles a {@link SiteDesign} into an {@link EffectiveDesign}. Pure and thread-safe: it never
 * mutates its input, so results cannot accumulate across calls.
 */
public final class EffectiveCompiler {

    public EffectiveDesign compile(SiteDesign design) {
        Set<Finding> problems = new LinkedHashSet<>();
        duplicates(design, problems);
        Map<String, HostProfile> profiles = index(design.hostProfiles(), HostProfile::name);
        Map<String, HardwareProfile> hardware = index(design.hardwareProfiles(), HardwareProfile::name);
        Map<String, Network> networks = index(design.networks(), Network::name);
        ProfileResolver resolver = new ProfileResolver(profiles);
        KernelCache kernelCache = new KernelCache();
        List<EffectiveNode> nodes = new ArrayList<>(design.nodes().size());
        for (BaremetalNode n : design.nodes()) {
            EffectiveNode node = node(nodes.size(), n, resolver, kernelCache, hardware, networks, problems::add);
            if (node != null) {
                nodes.add(node);
            }
        }
        nodes = targetBootActions(design, nodes);
        List<Finding> findings = new ArrayList<>(design.findings());
        findings.addAll(problems);
        boolean blocked = design.blocked() || problems.stream().anyMatch(Finding::isError);
        return new EffectiveDesign(
                design,
                RouteDomains.render(design.networks()),
                design.links(),
                List.copyOf(nodes),
                design.bootActions(),
                List.copyOf(findings),
                blocked);
    }

    private static EffectiveNode node(
            int ordinal,
            BaremetalNode n,
            ProfileResolver resolver,
            KernelCache kernelCache,
            Map<String, HardwareProfile> hardware,
            Map<String, Network> networks,
            java.util.function.Consumer<Finding> problems) {
        ProfileResolver.Compiled c = resolver.apply(n.doc(), n.spec());
        if (c.error() != null) {
            problems.accept(c.error());
            return null;
        }
        String hwName = c.spec().hardwareProfile();
        HardwareProfile hw = hwName == null ? null : hardware.get(hwName);
        if (hw == null) {
            problems.accept(Finding.error(
                    "SW3003",
                    "PROFILE-003",
                    "Hardware Profile",
                    hwName == null
                            ? "no hardware_profile is set for " + n.name() + " (directly or through its host profiles)"
                            : "HardwareProfile " + hwName + " used by " + n.name() + " is not defined",
                    "Every node needs a defined hardware_profile.",
                    n.doc()));
            return null;
        }
        Map<String, String> kernel = kernelCache.resolve(c.spec().kernelParams(), hw, n.doc(), problems);
        Network primary =
                c.spec().primaryNetwork() == null ? null : networks.get(c.spec().primaryNetwork());
        String domain = primary == null ? Network.DEFAULT_DNS_DOMAIN : primary.dnsDomain();
        return new EffectiveNode(
                ordinal,
                n.doc(),
                n.name(),
                c.spec(),
                c.chain(),
                hw,
                n.addressing(),
                n.bootMac(),
                domain,
                kernel,
                List.of());
    }

    private static List<EffectiveNode> targetBootActions(SiteDesign design, List<EffectiveNode> nodes) {
        if (design.bootActions().isEmpty()) {
            return nodes;
        }
        Map<String, Map<String, String>> rackLabels = new HashMap<>();
        for (Rack r : design.racks()) {
            rackLabels.putIfAbsent(r.name(), r.labels());
        }
        Map<EffectiveNode, List<String>> targets = new IdentityHashMap<>();
        for (BootAction ba : design.bootActions()) {
            for (EffectiveNode n : NodeFilters.select(ba.nodeFilter(), nodes, rackLabels)) {
                targets.computeIfAbsent(n, k -> new ArrayList<>()).add(ba.name());
            }
        }
        List<EffectiveNode> out = new ArrayList<>(nodes.size());
        for (EffectiveNode n : nodes) {
            List<String> t = targets.get(n);
            out.add(t == null ? n : n.withBootActions(t));
        }
        return out;
    }

    /**
     * Resolved kernel parameters per (inherited parameter map, hardware profile): nodes that inherit
     * both unchanged share one resolved map instead of each allocating its own.
     */
    private static final class KernelCache {
        private final Map<Map<String, String>, Map<HardwareProfile, Map<String, String>>> cache =
                new IdentityHashMap<>();

        Map<String, String> resolve(
                Map<String, String> params,
                HardwareProfile hw,
                DocRef node,
                java.util.function.Consumer<Finding> problems) {
            Map<HardwareProfile, Map<String, String>> byHw =
                    cache.computeIfAbsent(params, k -> new IdentityHashMap<>());
            Map<String, String> done = byHw.get(hw);
            if (done != null) {
                return done;
            }
            List<Finding> errors = new ArrayList<>();
            Map<String, String> resolved = KernelParams.resolve(params, hw, node, errors::add);
            errors.forEach(problems);
            if (errors.isEmpty()) {
                byHw.put(hw, resolved); // failures are not cached so every affected node is reported
            }
            return resolved;
        }
    }

    /** Two documents of one kind with one name: the first is used, both are reported. */
    private static void duplicates(SiteDesign d, Set<Finding> problems) {
        List<List<DocRef>> kinds = List.of(
                refs(d.regions(), r -> r.doc()),
                refs(d.racks(), r -> r.doc()),
                refs(d.links(), l -> l.doc()),
                refs(d.networks(), n -> n.doc()),
                refs(d.hardwareProfiles(), h -> h.doc()),
                refs(d.hostProfiles(), h -> h.doc()),
                refs(d.nodes(), n -> n.doc()),
                refs(d.bootActions(), b -> b.doc()));
        for (List<DocRef> refs : kinds) {
            Map<String, DocRef> seen = new HashMap<>();
            for (DocRef r : refs) {
                DocRef first = seen.putIfAbsent(r.name(), r);
                if (first != null) {
                    problems.add(Finding.error(
                            "SW0003",
                            "DOC-003",
                            "Duplicate Document",
                            r.kind() + " " + r.name() + " is defined more than once (first at " + first.source() + ")",
                            "Give every document of a kind a unique metadata.name.",
                            r,
                            first));
                }
            }
        }
    }

    private static <T> List<DocRef> refs(List<T> docs, Function<T, DocRef> f) {
        return docs.stream().map(f).toList();
    }

    private static <T> Map<String, T> index(List<T> docs, Function<T, String> name) {
        Map<String, T> out = new HashMap<>();
        for (T d : docs) {
            out.putIfAbsent(name.apply(d), d);
        }
        return out;
    }
}
