package io.slipway.engine.design;

import io.slipway.engine.design.model.Network;
import io.slipway.engine.design.model.NetworkLink;
import io.slipway.engine.design.model.NetworkLink.Bonding;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Binds {@code NetworkLink} and {@code Network} documents, applying Drydock's defaults. */
final class NetworkBinder {
    private static final Set<String> BOND_TIMING_MODES = Set.of("802.3ad", "balance-rr", "active-backup");

    private NetworkBinder() {}

    static NetworkLink link(Fields d) {
        d.only("bonding", "mtu", "linkspeed", "trunking", "allowed_networks", "labels");
        Bonding bonding = bonding(d.object("bonding"));
        Fields trunking = d.object("trunking");
        String trunkMode = "disabled";
        String defaultNetwork = null;
        if (trunking != null) {
            trunking.only("mode", "default_network");
            trunkMode = Objects.requireNonNullElse(trunking.string("mode"), "disabled");
            defaultNetwork = trunking.string("default_network");
        }
        List<String> allowed = d.strings("allowed_networks");
        if (allowed == null) {
            d.ctx().schemaError(d.raw("allowed_networks"), d.path(), "'allowed_networks' is a required property");
        }
        Integer mtu = d.integer("mtu");
        return new NetworkLink(
                d.ctx().ref(),
                d.ctx().ref().name(),
                bonding,
                mtu == null ? NetworkLink.DEFAULT_MTU : mtu,
                Objects.requireNonNullElse(d.string("linkspeed"), "auto"),
                trunkMode,
                defaultNetwork,
                allowed == null ? List.of() : allowed,
                labels(d));
    }

    private static Bonding bonding(Fields b) {
        if (b == null) {
            return Bonding.disabled();
        }
        b.only("mode", "hash", "peer_rate", "mon_rate", "up_delay", "down_delay");
        String mode = Objects.requireNonNullElse(b.string("mode"), "disabled");
        String hash = b.string("hash");
        String peerRate = b.string("peer_rate");
        Integer mon = b.integer("mon_rate");
        Integer up = b.integer("up_delay");
        Integer down = b.integer("down_delay");
        // Unlike Drydock, options given with mode "disabled" are kept so the bond rule can flag them.
        if ("802.3ad".equals(mode)) {
            hash = Objects.requireNonNullElse(hash, "layer3+4");
            peerRate = Objects.requireNonNullElse(peerRate, "fast");
        }
        if (BOND_TIMING_MODES.contains(mode)) {
            mon = Objects.requireNonNullElse(mon, 100);
            up = Objects.requireNonNullElse(up, 200);
            down = Objects.requireNonNullElse(down, 200);
        }
        return new Bonding(mode, hash, peerRate, mon, up, down);
    }

    static Network network(Fields d) {
        d.only("cidr", "vlan", "mtu", "routedomain", "ranges", "dns", "dhcp_relay", "routes", "labels");
        String cidr = d.string("cidr");
        if (cidr == null) {
            d.ctx().schemaError(d.raw("cidr"), d.path(), "'cidr' is a required property");
        }
        Fields dns = d.object("dns");
        String domain = null;
        String servers = null;
        if (dns != null) {
            dns.only("domain", "servers");
            domain = dns.string("domain");
            servers = dns.text("servers");
        }
        Fields relay = d.object("dhcp_relay");
        String selfIp = null;
        String upstream = null;
        if (relay != null) {
            relay.only("self_ip", "upstream_target");
            selfIp = relay.string("self_ip");
            upstream = relay.string("upstream_target");
        }
        List<Network.IpRange> ranges = d.list("ranges", r -> {
            r.only("type", "start", "end");
            return new Network.IpRange(r.string("type"), r.string("start"), r.string("end"));
        });
        List<Network.Route> routes = d.list("routes", r -> {
            r.only("subnet", "gateway", "metric", "routedomain");
            return new Network.Route(
                    r.string("subnet"), r.string("gateway"), r.integer("metric"), r.string("routedomain"));
        });
        return new Network(
                d.ctx().ref(),
                d.ctx().ref().name(),
                cidr,
                d.string("vlan"),
                d.integer("mtu"),
                d.string("routedomain"),
                ranges == null ? List.of() : ranges,
                domain == null ? Network.DEFAULT_DNS_DOMAIN : domain,
                servers,
                selfIp,
                upstream,
                routes == null ? List.of() : routes,
                labels(d));
    }

    static Map<String, String> labels(Fields d) {
        Map<String, String> labels = d.textMap("labels");
        return labels == null ? Map.of() : labels;
    }
}
