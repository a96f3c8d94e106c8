package io.slipway.engine.validation;

import io.slipway.engine.design.model.HostInterface;
import io.slipway.engine.design.model.Network;
import io.slipway.engine.design.model.Storage;
import io.slipway.engine.effective.EffectiveDesign;
import io.slipway.engine.effective.EffectiveNode;
import io.slipway.engine.net.Ip;
import io.slipway.engine.validation.facts.BmcEndpoint;
import io.slipway.engine.validation.facts.BootMac;
import io.slipway.engine.validation.facts.DesignSummary;
import io.slipway.engine.validation.facts.InstalledDrivers;
import io.slipway.engine.validation.facts.NetworkRange;
import io.slipway.engine.validation.facts.NetworkRoute;
import io.slipway.engine.validation.facts.NodeAddress;
import io.slipway.engine.validation.facts.NodeInterface;
import io.slipway.engine.validation.facts.Subnet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Flattens an {@link EffectiveDesign} into the facts the validation rules match on. Parsing (IPs,
 * CIDRs, sizes) happens once here so rule constraints stay cheap comparisons, and storage and
 * interface layouts that nodes inherit unchanged (the same compiled instance) become one set of
 * facts listing those nodes: a 5,000-node site on two profiles yields two storage layouts.
 */
final class FactBuilder {
    private FactBuilder() {}

    static void facts(
            EffectiveDesign d, Map<String, Set<String>> catalog, InstalledDrivers installed, Consumer<Object> out) {
        out.accept(new DesignSummary(d.networks().size(), d.nodes().size(), catalog));
        out.accept(installed);
        installed.described().forEach(out);
        d.design().racks().forEach(out);
        d.links().forEach(out);
        d.bootActions().forEach(out);
        d.bootActions().forEach(b -> BootAssets.of(b, out));
        d.networks().forEach(n -> network(n, out));
        Map<Storage, List<EffectiveNode>> storage = new IdentityHashMap<>();
        Map<List<HostInterface>, List<EffectiveNode>> interfaces = new IdentityHashMap<>();
        int ordinal = 0;
        for (EffectiveNode n : d.nodes()) {
            out.accept(n);
            if (n.bootMac() != null && !n.bootMac().isBlank()) {
                out.accept(BootMac.of(n.name(), n.doc(), n.bootMac()));
            }
            BmcEndpoint bmc = BmcEndpoint.of(n);
            if (bmc != null) {
                out.accept(bmc);
            }
            for (var a : n.addressing()) {
                out.accept(NodeAddress.of(n.ordinal(), n.name(), n.doc(), ordinal++, a.network(), a.address()));
            }
            storage.computeIfAbsent(n.storage(), k -> new ArrayList<>()).add(n);
            interfaces.computeIfAbsent(n.interfaces(), k -> new ArrayList<>()).add(n);
        }
        int layout = 0;
        for (Map.Entry<Storage, List<EffectiveNode>> e : storage.entrySet()) {
            StorageFacts.of(layout++, e.getKey(), List.copyOf(e.getValue()), out);
        }
        for (Map.Entry<List<HostInterface>, List<EffectiveNode>> e : interfaces.entrySet()) {
            List<EffectiveNode> nodes = List.copyOf(e.getValue());
            int id = layout++;
            for (HostInterface i : e.getKey()) {
                List<String> slaves = i.slaves() == null ? List.of() : i.slaves();
                out.accept(new NodeInterface(
                        id,
                        nodes,
                        i.name(),
                        i.deviceLink(),
                        slaves,
                        slaves.size(),
                        i.networks() == null ? List.of() : i.networks()));
            }
        }
    }

    private static void network(Network n, Consumer<Object> out) {
        out.accept(n);
        out.accept(Subnet.of(n.name(), n.doc(), n.cidr()));
        String all = n.routes().stream()
                .map(r -> "{subnet: " + r.subnet() + ", gateway: " + r.gateway() + ", metric: " + r.metric()
                        + (r.routedomain() == null ? "" : ", routedomain: " + r.routedomain()) + "}")
                .toList()
                .toString();
        for (Network.Route r : n.routes()) {
            out.accept(new NetworkRoute(n.name(), n.doc(), r, Ip.parse(r.gateway()), all));
        }
        for (int i = 0; i < n.ranges().size(); i++) {
            Network.IpRange r = n.ranges().get(i);
            out.accept(new NetworkRange(
                    n.name(), n.doc(), i, r.type(), r.start(), r.end(), Ip.parse(r.start()), Ip.parse(r.end())));
        }
    }
}
