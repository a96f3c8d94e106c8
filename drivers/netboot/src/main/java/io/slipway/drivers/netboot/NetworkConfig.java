package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.node.DeviceAliases;
import io.slipway.drivers.spi.node.Inventory;
import io.slipway.drivers.spi.node.NodeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a node's cloud-init network configuration, version 2: physical NICs matched by MAC address
 * (from the inventory, design aliases resolved), bonds with the design's options, VLANs, static
 * addresses, routes, name servers and MTU. Pure; fails with {@code REFUSED} naming the interface when
 * a device cannot be found in the inventory.
 */
final class NetworkConfig {
    private NetworkConfig() {}

    static String render(NodeSpec spec, Inventory inv, DeviceAliases.Resolution aliases) {
        Yaml eth = new Yaml();
        Yaml bonds = new Yaml();
        Yaml vlans = new Yaml();
        for (NodeSpec.Nic nic : spec.interfaces()) {
            List<String> devices = new ArrayList<>();
            for (String slave : nic.slaves().isEmpty() ? List.of(nic.name()) : nic.slaves()) {
                devices.add(aliases.deviceName(slave));
            }
            boolean bond = nic.bondMode() != null;
            if (bond) {
                for (String dev : devices) {
                    physical(eth, dev, dev, mac(spec, inv, aliases, nic, dev), nic.mtu());
                    eth.line(2, "dhcp4: false");
                }
                bonds.line(1, nic.name() + ":");
                bonds.line(2, "interfaces: [" + String.join(", ", devices) + "]");
                bonds.line(2, "mtu: " + nic.mtu());
                bonds.line(2, "parameters:");
                bonds.line(3, "mode: " + nic.bondMode());
                bondOptions(bonds, nic.bondOptions());
                addresses(bonds, spec, untagged(nic), 2);
            } else {
                physical(eth, nic.name(), nic.name(), mac(spec, inv, aliases, nic, devices.get(0)), nic.mtu());
                addresses(eth, spec, untagged(nic), 2);
            }
            for (NodeSpec.Attachment a : tagged(nic)) {
                vlans.line(1, nic.name() + "." + a.vlan() + ":");
                vlans.line(2, "id: " + a.vlan());
                vlans.line(2, "link: " + nic.name());
                vlans.line(2, "mtu: " + a.mtu());
                addresses(vlans, spec, List.of(a), 2);
            }
        }
        StringBuilder out = new StringBuilder("version: 2\n");
        section(out, "ethernets", eth);
        section(out, "bonds", bonds);
        section(out, "vlans", vlans);
        return out.toString();
    }

    private static void physical(Yaml y, String key, String setName, String mac, int mtu) {
        y.line(1, key + ":");
        y.line(2, "match:");
        y.line(3, "macaddress: \"" + mac + "\"");
        y.line(2, "set-name: " + setName);
        y.line(2, "mtu: " + mtu);
    }

    private static String mac(
            NodeSpec spec, Inventory inv, DeviceAliases.Resolution aliases, NodeSpec.Nic nic, String dev) {
        for (Inventory.Nic n : inv.nics()) {
            if (n.name().equals(dev)) {
                return n.mac();
            }
        }
        if (nic.slaves().size() <= 1
                && spec.bootMac() != null
                && inv.nicByMac(spec.bootMac()) != null
                && nic.networks().stream().anyMatch(a -> "dhcp".equals(a.address()) || a.primary())) {
            return inv.nicByMac(spec.bootMac()).mac();
        }
        String why = aliases.unresolved().get(dev);
        throw new DriverException(
                DriverException.Kind.REFUSED,
                false,
                "interface " + nic.name() + ": device " + dev
                        + " is not in the node's inventory"
                        + (why == null
                                ? " (found "
                                        + inv.nics().stream()
                                                .map(Inventory.Nic::name)
                                                .toList() + ")"
                                : " (alias unresolved: " + why + ")"));
    }

    /** On a single-network interface the network is untagged; otherwise networks without a VLAN are. */
    private static List<NodeSpec.Attachment> untagged(NodeSpec.Nic nic) {
        return nic.networks().size() == 1
                ? nic.networks()
                : nic.networks().stream()
                        .filter(a -> a.vlan() == null || a.vlan().isBlank())
                        .toList();
    }

    private static List<NodeSpec.Attachment> tagged(NodeSpec.Nic nic) {
        return nic.networks().size() == 1
                ? List.of()
                : nic.networks().stream()
                        .filter(a -> a.vlan() != null && !a.vlan().isBlank())
                        .toList();
    }

    private static void bondOptions(Yaml y, Map<String, String> o) {
        Map<String, String> names = Map.of(
                "xmit_hash_policy",
                "transmit-hash-policy",
                "lacp_rate",
                "lacp-rate",
                "miimon",
                "mii-monitor-interval",
                "updelay",
                "up-delay",
                "downdelay",
                "down-delay");
        o.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> y.line(3, names.getOrDefault(e.getKey(), e.getKey()) + ": " + e.getValue()));
    }

    private static void addresses(Yaml y, NodeSpec spec, List<NodeSpec.Attachment> nets, int depth) {
        List<String> statics = new ArrayList<>();
        boolean dhcp = false;
        List<NodeSpec.Route> routes = new ArrayList<>();
        boolean primary = false;
        for (NodeSpec.Attachment a : nets) {
            if ("dhcp".equals(a.address())) {
                dhcp = true;
            } else if (a.address() != null && a.cidr() != null) {
                statics.add(a.address() + "/" + a.cidr().substring(a.cidr().indexOf('/') + 1));
            }
            spec.routes().stream().filter(r -> r.network().equals(a.network())).forEach(routes::add);
            primary |= a.primary();
        }
        y.line(depth, "dhcp4: " + dhcp);
        if (!statics.isEmpty()) {
            y.line(depth, "addresses: [" + String.join(", ", statics) + "]");
        }
        if (!routes.isEmpty()) {
            y.line(depth, "routes:");
            for (NodeSpec.Route r : routes) {
                y.line(depth + 1, "- to: " + r.subnet());
                y.line(depth + 2, "via: " + r.gateway());
                y.line(depth + 2, "metric: " + r.metric());
            }
        }
        if (primary && !spec.dnsServers().isEmpty()) {
            y.line(depth, "nameservers:");
            y.line(depth + 1, "addresses: [" + String.join(", ", spec.dnsServers()) + "]");
            if (spec.domain() != null) {
                y.line(depth + 1, "search: [" + spec.domain() + "]");
            }
        }
    }

    private static void section(StringBuilder out, String name, Yaml y) {
        if (!y.isEmpty()) {
            out.append(name).append(":\n").append(y);
        }
    }

    /** Indented lines, two spaces per level. */
    static final class Yaml {
        private final StringBuilder b = new StringBuilder();

        void line(int depth, String text) {
            b.append("  ".repeat(depth)).append(text).append('\n');
        }

        boolean isEmpty() {
            return b.length() == 0;
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }
}
