package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.Forms;
import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.SiteSpec;
import io.slipway.drivers.spi.node.SiteSpec.NetworkSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Makes MAAS's fabrics, VLANs, subnets, IP ranges and DHCP match a site's networks. A subnet MAAS
 * already knows (by CIDR, e.g. self-discovered) stays on its fabric; a new one goes on the site's fabric
 * (the one MAAS already holds the site's discovered untagged subnets on, else one named after the site),
 * on the VLAN of its tag (untagged = VID 0). Every step reads first and only
 * writes what differs, so repeating it changes nothing. Networks are handled one after another.
 */
final class SiteNetworks {
    static final String COMMENT = "managed by slipway";
    private final MaasClient client;
    private final Vlans vlans;

    SiteNetworks(MaasClient client) {
        this.client = client;
        this.vlans = new Vlans(client);
    }

    Future<Void> apply(SiteSpec site) {
        return client.getArray("subnets/").compose(known -> {
            Integer fabric = siteFabric(site, known);
            Future<Void> chain = Future.succeededFuture();
            for (NetworkSpec net : Nulls.list(site.networks())) {
                chain = chain.compose(x -> apply(site.name(), fabric, net));
            }
            return chain;
        });
    }

    /** The fabric of the first of the site's untagged networks MAAS already knows (discovered by a rack), or null. */
    private static Integer siteFabric(SiteSpec site, JsonArray known) {
        for (NetworkSpec net : Nulls.list(site.networks())) {
            JsonObject s = vlanTag(net) == 0 ? JsonLists.find(known, "cidr", net.cidr()) : null;
            if (s != null && s.getJsonObject("vlan") != null) {
                return s.getJsonObject("vlan").getInteger("fabric_id");
            }
        }
        return null;
    }

    private Future<Void> apply(String siteName, Integer fabric, NetworkSpec net) {
        return ensureSubnet(siteName, fabric, net)
                .compose(subnet ->
                        vlans.ensureMtu(subnet.getJsonObject("vlan"), net.mtu()).map(subnet))
                .compose(subnet -> ensureRanges(subnet, net).map(subnet))
                .compose(subnet -> vlans.ensureDhcp(subnet.getJsonObject("vlan"), net));
    }

    private Future<JsonObject> ensureSubnet(String siteName, Integer fabric, NetworkSpec net) {
        return client.getArray("subnets/").compose(all -> {
            JsonObject existing = JsonLists.find(all, "cidr", net.cidr());
            return existing != null ? updateSubnet(existing, net) : createSubnet(siteName, fabric, net);
        });
    }

    private Future<JsonObject> createSubnet(String siteName, Integer fabric, NetworkSpec net) {
        return vlans.ensure(fabric, siteName, vlanTag(net), net.name())
                .compose(vlan -> client.post(
                        "subnets/",
                        null,
                        Forms.of(
                                "cidr",
                                net.cidr(),
                                "name",
                                net.name(),
                                "vlan",
                                String.valueOf(vlan.getInteger("id")),
                                "gateway_ip",
                                gateway(net),
                                "dns_servers",
                                dnsServers(net))))
                .map(o -> (JsonObject) o);
    }

    private Future<JsonObject> updateSubnet(JsonObject subnet, NetworkSpec net) {
        String dns = dnsServers(net);
        JsonArray currentDns = subnet.getJsonArray("dns_servers", new JsonArray());
        boolean same = net.name().equals(subnet.getString("name"))
                && Objects.equals(gateway(net), subnet.getString("gateway_ip"))
                && (dns == null
                        || dns.equals(currentDns.stream().map(String::valueOf).collect(Collectors.joining(" "))));
        if (same) {
            return Future.succeededFuture(subnet);
        }
        return client.put(
                        "subnets/" + subnet.getInteger("id") + "/",
                        Forms.of("name", net.name(), "gateway_ip", gateway(net), "dns_servers", dns))
                .map(o -> (JsonObject) o);
    }

    /** {@code dhcp} ranges become MAAS {@code dynamic} ranges, {@code reserved} stay; {@code static} is MAAS's default. */
    private Future<Void> ensureRanges(JsonObject subnet, NetworkSpec net) {
        return client.getArray("ipranges/").compose(existing -> {
            Future<Void> chain = Future.succeededFuture();
            for (SiteSpec.Range r : Nulls.list(net.ranges())) {
                String type = switch (r.type()) {
                    case "dhcp" -> "dynamic";
                    case "reserved" -> "reserved";
                    default -> null;
                };
                if (type != null && !hasRange(existing, r)) {
                    chain = chain.compose(x -> client.post(
                                    "ipranges/",
                                    null,
                                    Forms.of(
                                            "type",
                                            type,
                                            "start_ip",
                                            r.start(),
                                            "end_ip",
                                            r.end(),
                                            "subnet",
                                            String.valueOf(subnet.getInteger("id")),
                                            "comment",
                                            COMMENT))
                            .mapEmpty());
                }
            }
            return chain;
        });
    }

    private static boolean hasRange(JsonArray existing, SiteSpec.Range r) {
        return existing.stream()
                .map(JsonObject.class::cast)
                .anyMatch(e ->
                        r.start().equals(e.getString("start_ip")) && r.end().equals(e.getString("end_ip")));
    }

    static int vlanTag(NetworkSpec net) {
        if (net.vlan() == null || net.vlan().isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(net.vlan().trim());
        } catch (NumberFormatException e) {
            throw new DriverException(
                    Kind.REFUSED, false, "network " + net.name() + ": VLAN " + net.vlan() + " is not a number");
        }
    }

    private static String gateway(NetworkSpec net) {
        return Nulls.list(net.routes()).stream()
                .filter(r -> r.subnet().equals("0.0.0.0/0"))
                .map(SiteSpec.Route::gateway)
                .findFirst()
                .orElse(null);
    }

    private static String dnsServers(NetworkSpec net) {
        return net.dnsServers() == null || net.dnsServers().isEmpty() ? null : String.join(" ", net.dnsServers());
    }
}
