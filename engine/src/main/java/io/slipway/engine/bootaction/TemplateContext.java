package io.slipway.engine.bootaction;

import io.slipway.engine.design.model.BaremetalNode.Address;
import io.slipway.engine.design.model.HostInterface;
import io.slipway.engine.design.model.Network;
import io.slipway.engine.effective.EffectiveDesign;
import io.slipway.engine.effective.EffectiveNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a template may use: {@code node.*} from the pinned design and {@code action.*} from the
 * node's context. Built fresh per render (nothing is cached on shared design objects, so concurrent
 * fetches for different nodes cannot see each other's values). Values that are unknown are left out,
 * so using them is an "undefined variable" error rather than the text {@code null}.
 */
final class TemplateContext {

    private TemplateContext() {}

    /** What a template knows about the boot action being rendered. */
    record Action(String actionId, String actionKey, String reportUrl, String designRef) {}

    static Map<String, Object> of(EffectiveDesign design, EffectiveNode node, Action action) {
        Map<String, Object> n = new LinkedHashMap<>();
        putIfPresent(n, "hostname", node.name());
        putIfPresent(n, "domain", node.domain());
        n.put("tags", node.tags() == null ? List.of() : List.copyOf(node.tags()));
        n.put("labels", node.ownerData() == null ? Map.of() : new LinkedHashMap<>(node.ownerData()));
        n.put("network", networks(design, node));
        n.put("interfaces", interfaces(node));
        Map<String, Object> a = new LinkedHashMap<>();
        putIfPresent(a, "action_id", action.actionId());
        putIfPresent(a, "action_key", action.actionKey());
        putIfPresent(a, "report_url", action.reportUrl());
        putIfPresent(a, "design_ref", action.designRef());
        return Map.of("node", n, "action", a);
    }

    /** One entry per addressed network, plus {@code default} for the node's primary network. */
    private static Map<String, Object> networks(EffectiveDesign design, EffectiveNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        String primary = node.spec() == null ? null : node.spec().primaryNetwork();
        for (Address a : node.addressing()) {
            if (a.network() == null || a.address() == null) {
                continue;
            }
            Map<String, Object> net = new LinkedHashMap<>();
            net.put("ip", a.address());
            Network network = network(design, a.network());
            if (network != null) {
                putIfPresent(net, "cidr", network.cidr());
                net.put("dns_suffix", network.dnsDomain() == null ? Network.DEFAULT_DNS_DOMAIN : network.dnsDomain());
            }
            out.put(a.network(), net);
            if (a.network().equals(primary)) {
                out.put("default", net);
            }
        }
        return out;
    }

    private static Map<String, Object> interfaces(EffectiveNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (HostInterface i : node.interfaces()) {
            boolean sriov = i.vfCount() != null || i.trustedMode() != null;
            out.put(
                    i.name(),
                    Map.of(
                            "sriov",
                            sriov,
                            "vf_count",
                            i.vfCount() == null ? 0 : i.vfCount(),
                            "trustedmode",
                            Boolean.TRUE.equals(i.trustedMode())));
        }
        return out;
    }

    private static Network network(EffectiveDesign design, String name) {
        return design.networks().stream()
                .filter(n -> name.equals(n.name()))
                .findFirst()
                .orElse(null);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
