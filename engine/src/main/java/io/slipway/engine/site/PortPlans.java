package io.slipway.engine.site;

import io.slipway.drivers.spi.network.PortConfig;
import io.slipway.drivers.spi.network.PortRef;
import io.slipway.engine.design.model.HostInterface;
import io.slipway.engine.design.model.Network;
import io.slipway.engine.design.model.NetworkLink;
import io.slipway.engine.design.model.Rack;
import io.slipway.engine.effective.EffectiveNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The switch port of a node and its two configurations. A node is cabled to the first top-of-rack
 * switch of its rack; provisioning puts the port untagged on the PXE network, production carries the
 * node's networks (tagged VLANs, the native network untagged) at its links' MTU.
 */
public record PortPlans(PortRef port, PortConfig provisioning, PortConfig production) {
    static final String UNTAGGED = "1";

    /** The plan for {@code n}, or null when its rack lists no switch. */
    static PortPlans of(EffectiveNode n, Rack rack, Map<String, Network> networks, Map<String, NetworkLink> links) {
        if (rack == null || rack.torSwitches().isEmpty()) {
            return null;
        }
        Rack.TorSwitch tor = rack.torSwitches().values().iterator().next();
        String nic = n.interfaces().isEmpty() ? null : n.interfaces().get(0).name();
        PortRef ref = new PortRef(tor.name(), tor.mgmtIp(), n.name(), n.name(), nic);
        List<String> tagged = new ArrayList<>();
        int mtu = 1500;
        boolean lacp = false;
        for (HostInterface i : n.interfaces()) {
            NetworkLink link = links.get(i.deviceLink());
            if (link != null) {
                mtu = Math.max(mtu, link.mtu());
                lacp |= "802.3ad".equals(link.bondMode());
            }
            for (String net : i.networks() == null ? List.<String>of() : i.networks()) {
                Network nw = networks.get(net);
                if (nw != null && nw.tagged() && !tagged.contains(nw.vlan())) {
                    tagged.add(nw.vlan());
                }
            }
        }
        return new PortPlans(
                ref,
                new PortConfig(UNTAGGED, List.of(), 1500, false),
                new PortConfig(UNTAGGED, List.copyOf(tagged), Math.min(mtu, 9216), lacp));
    }
}
