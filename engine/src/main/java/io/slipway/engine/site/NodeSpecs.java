package io.slipway.engine.site;

import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.engine.design.model.Filesystem;
import io.slipway.engine.design.model.HardwareProfile;
import io.slipway.engine.design.model.HostInterface;
import io.slipway.engine.design.model.Network;
import io.slipway.engine.design.model.NetworkLink;
import io.slipway.engine.effective.EffectiveDesign;
import io.slipway.engine.effective.EffectiveNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Translates an effective node into the bootstrapper's vocabulary ({@link NodeSpec}). */
final class NodeSpecs {
    private NodeSpecs() {}

    static NodeSpec of(
            long revision,
            EffectiveNode n,
            EffectiveDesign d,
            Map<String, Network> networks,
            Map<String, NetworkLink> links) {
        List<NodeSpec.Nic> nics = new ArrayList<>();
        for (HostInterface i : n.interfaces()) {
            NetworkLink link = links.get(i.deviceLink());
            List<NodeSpec.Attachment> attachments = new ArrayList<>();
            for (String net : i.networks() == null ? List.<String>of() : i.networks()) {
                Network nw = networks.get(net);
                attachments.add(new NodeSpec.Attachment(
                        net,
                        nw == null ? null : nw.vlan(),
                        nw == null ? null : nw.cidr(),
                        n.addressOn(net),
                        nw == null ? null : gateway(nw),
                        nw == null || nw.mtu() == null ? 1500 : nw.mtu(),
                        net.equals(n.spec().primaryNetwork())));
            }
            String bond = link == null || !link.bonding().enabled()
                    ? null
                    : link.bonding().mode();
            nics.add(new NodeSpec.Nic(
                    i.name(),
                    i.slaves() == null ? List.of() : i.slaves(),
                    bond,
                    bond == null ? Map.of() : bondOptions(link.bonding()),
                    link == null ? 1500 : link.mtu(),
                    attachments));
        }
        return new NodeSpec(
                n.name(),
                n.domain(),
                n.bootMac(),
                n.oobType(),
                oobAddress(n),
                n.oobParameters(),
                n.rack(),
                nics,
                storage(n),
                new NodeSpec.Platform(
                        n.image(), n.kernel(), io.slipway.engine.effective.EffectiveDocuments.commandLine(n)),
                n.tags(),
                n.ownerData(),
                aliases(n),
                sshKeys(d),
                dnsServers(n, networks),
                routes(n, networks),
                revision);
    }

    /** Drydock's bonding fields under their Linux bonding names (what netplan and ifupdown take). */
    static Map<String, String> bondOptions(NetworkLink.Bonding b) {
        Map<String, String> o = new LinkedHashMap<>();
        put(o, "xmit_hash_policy", b.hash());
        put(o, "lacp_rate", b.peerRate());
        put(o, "miimon", b.monRate());
        put(o, "updelay", b.upDelay());
        put(o, "downdelay", b.downDelay());
        return o;
    }

    private static void put(Map<String, String> o, String key, Object value) {
        if (value != null) {
            o.put(key, value.toString());
        }
    }

    private static List<NodeSpec.DeviceAlias> aliases(EffectiveNode n) {
        HardwareProfile hw = n.hardware();
        if (hw == null || hw.deviceAliases() == null) {
            return List.of();
        }
        return hw.deviceAliases().stream()
                .map(a -> new NodeSpec.DeviceAlias(a.alias(), a.busType(), a.address(), a.devType()))
                .toList();
    }

    private static List<String> sshKeys(EffectiveDesign d) {
        return d.design().regions().isEmpty()
                ? List.of()
                : d.design().regions().get(0).authorizedKeys();
    }

    private static List<Network> nodeNetworks(EffectiveNode n, Map<String, Network> networks) {
        Set<String> names = new LinkedHashSet<>();
        if (n.spec().primaryNetwork() != null) {
            names.add(n.spec().primaryNetwork());
        }
        n.interfaces().forEach(i -> names.addAll(i.networks() == null ? List.of() : i.networks()));
        return names.stream().map(networks::get).filter(Objects::nonNull).toList();
    }

    private static List<String> dnsServers(EffectiveNode n, Map<String, Network> networks) {
        Set<String> servers = new LinkedHashSet<>();
        for (Network nw : nodeNetworks(n, networks)) {
            if (nw.dnsServers() != null) {
                Arrays.stream(nw.dnsServers().split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .forEach(servers::add);
            }
        }
        return List.copyOf(servers);
    }

    private static List<NodeSpec.Route> routes(EffectiveNode n, Map<String, Network> networks) {
        List<NodeSpec.Route> routes = new ArrayList<>();
        for (Network nw : nodeNetworks(n, networks)) {
            boolean primary = nw.name().equals(n.spec().primaryNetwork());
            nw.routes().stream()
                    .filter(r -> r.subnet() != null && r.gateway() != null)
                    .filter(r -> primary || !"0.0.0.0/0".equals(r.subnet()))
                    .forEach(r -> routes.add(new NodeSpec.Route(
                            nw.name(), r.subnet(), r.gateway(), r.metric() == null ? 0 : r.metric())));
        }
        return routes;
    }

    static String oobAddress(EffectiveNode n) {
        return n.oobAddress();
    }

    private static String gateway(Network n) {
        return n.routes().stream()
                .filter(r -> "0.0.0.0/0".equals(r.subnet()))
                .map(Network.Route::gateway)
                .findFirst()
                .orElse(null);
    }

    private static NodeSpec.Storage storage(EffectiveNode n) {
        List<NodeSpec.Disk> disks = n.storage().devices().stream()
                .map(dev -> new NodeSpec.Disk(
                        dev.name(),
                        dev.volumeGroup(),
                        dev.partitions() == null
                                ? List.of()
                                : dev.partitions().stream()
                                        .map(p -> new NodeSpec.Partition(
                                                p.name(),
                                                p.size(),
                                                Boolean.TRUE.equals(p.bootable()),
                                                p.volumeGroup(),
                                                fs(p.filesystem())))
                                        .toList()))
                .toList();
        List<NodeSpec.VolumeGroup> vgs = n.storage().volumeGroups().stream()
                .map(vg -> new NodeSpec.VolumeGroup(
                        vg.name(),
                        vg.logicalVolumes() == null
                                ? List.of()
                                : vg.logicalVolumes().stream()
                                        .map(lv ->
                                                new NodeSpec.LogicalVolume(lv.name(), lv.size(), fs(lv.filesystem())))
                                        .toList()))
                .toList();
        return new NodeSpec.Storage(disks, vgs);
    }

    private static NodeSpec.Filesystem fs(Filesystem f) {
        return f == null ? null : new NodeSpec.Filesystem(f.mountpoint(), f.fstype(), f.mountOptions());
    }
}
