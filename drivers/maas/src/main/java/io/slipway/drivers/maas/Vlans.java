package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.Forms;
import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.SiteSpec.NetworkSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Fabrics and VLANs: creates the site's fabric and a network's VLAN when missing, sets VLAN MTU,
 * and turns on DHCP (served by a rack controller) or DHCP relay. Reads before writing.
 */
final class Vlans {
    private final MaasClient client;

    Vlans(MaasClient client) {
        this.client = client;
    }

    /**
     * The VLAN {@code vid} on the site's fabric, creating either when missing: the fabric MAAS already put one of
     * the site's untagged subnets on ({@code siteFabricId}, e.g. the PXE network its rack discovered), else one
     * named after the site. One fabric per site keeps every tagged VLAN on the fabric of the NICs that carry it.
     */
    Future<JsonObject> ensure(Integer siteFabricId, String fabricName, int vid, String vlanName) {
        return client.getArray("fabrics/")
                .compose(all -> {
                    JsonObject fabric = siteFabricId != null
                            ? JsonLists.find(all, "id", siteFabricId)
                            : JsonLists.find(all, "name", fabricName);
                    return fabric != null
                            ? Future.succeededFuture(fabric)
                            : client.post("fabrics/", null, Forms.of("name", fabricName))
                                    .map(o -> (JsonObject) o);
                })
                .compose(fabric -> {
                    JsonObject vlan = JsonLists.find(fabric.getJsonArray("vlans", new JsonArray()), "vid", vid);
                    return vlan != null
                            ? Future.succeededFuture(vlan)
                            : client.post(
                                            fabricPath(fabric.getInteger("id")),
                                            null,
                                            Forms.of("vid", String.valueOf(vid), "name", vlanName))
                                    .map(o -> (JsonObject) o);
                });
    }

    /**
     * Raises the VLAN's MTU to {@code mtu}; never lowers it, since several untagged networks of a site may share
     * one VLAN (each network's interfaces carry their own MTU).
     */
    Future<Void> ensureMtu(JsonObject vlan, int mtu) {
        if (mtu <= 0 || vlan.getInteger("mtu", 0) >= mtu) {
            return Future.succeededFuture();
        }
        return client.put(path(vlan), Forms.of("mtu", String.valueOf(mtu))).mapEmpty();
    }

    /**
     * DHCP relay when the network names an upstream server on another VLAN, else MAAS DHCP when it has a dhcp
     * range, served by a rack controller with an interface on the VLAN (else the first one).
     */
    Future<Void> ensureDhcp(JsonObject vlan, NetworkSpec net) {
        if (net.dhcpRelayUpstream() != null && !net.dhcpRelayUpstream().isBlank()) {
            return ensureRelay(vlan, net.dhcpRelayUpstream())
                    .compose(relayed -> relayed ? Future.succeededFuture() : maasDhcp(vlan, net));
        }
        return maasDhcp(vlan, net);
    }

    private Future<Void> maasDhcp(JsonObject vlan, NetworkSpec net) {
        boolean wanted =
                Nulls.list(net.ranges()).stream().anyMatch(r -> r.type().equals("dhcp"));
        if (!wanted || vlan.getBoolean("dhcp_on", false)) {
            return Future.succeededFuture();
        }
        return client.getArray("rackcontrollers/").compose(racks -> {
            if (racks.isEmpty()) {
                return Future.failedFuture(new DriverException(
                        Kind.REFUSED, false, "network " + net.name() + ": MAAS has no rack controller to serve DHCP"));
            }
            String rack = racks.stream()
                    .map(JsonObject.class::cast)
                    .filter(r -> onVlan(r, vlan))
                    .findFirst()
                    .orElse(racks.getJsonObject(0))
                    .getString("system_id");
            return client.put(path(vlan), Forms.of("dhcp_on", "true", "primary_rack", rack))
                    .mapEmpty();
        });
    }

    private static boolean onVlan(JsonObject rack, JsonObject vlan) {
        return rack.getJsonArray("interface_set", new JsonArray()).stream()
                .map(JsonObject.class::cast)
                .anyMatch(i -> i.getJsonObject("vlan") != null
                        && vlan.getInteger("id").equals(i.getJsonObject("vlan").getInteger("id")));
    }

    /** Points the VLAN's relay at the upstream server's VLAN; false when that is the VLAN itself (nothing to relay). */
    private Future<Boolean> ensureRelay(JsonObject vlan, String upstream) {
        return client.getArray("subnets/").compose(subnets -> {
            JsonObject home = subnets.stream()
                    .map(JsonObject.class::cast)
                    .filter(s -> Ipv4.contains(s.getString("cidr", ""), upstream))
                    .findFirst()
                    .orElse(null);
            if (home == null) {
                return Future.failedFuture(new DriverException(
                        Kind.REFUSED, false, "DHCP relay upstream " + upstream + " is on no subnet MAAS knows"));
            }
            Integer relayVlan = home.getJsonObject("vlan").getInteger("id");
            if (relayVlan.equals(vlan.getInteger("id"))) {
                // the DHCP server is on the network itself: nothing to relay (MAAS refuses a VLAN relaying to itself)
                return Future.succeededFuture(false);
            }
            if (relayVlan.equals(relayVlanId(vlan))) {
                return Future.succeededFuture(true);
            }
            return client.put(path(vlan), Forms.of("relay_vlan", String.valueOf(relayVlan)))
                    .map(true);
        });
    }

    /**
     * The id of the VLAN {@code vlan} relays to: MAAS renders the {@code relay_vlan} foreign key as the nested
     * VLAN object ({@code api/vlans.py:16-29}; python-libmaas reads {@code relay_vlan["id"]}); a bare id is
     * accepted too.
     */
    static Integer relayVlanId(JsonObject vlan) {
        Object relay = vlan.getValue("relay_vlan");
        if (relay instanceof JsonObject o) {
            return o.getInteger("id");
        }
        return relay instanceof Number n ? n.intValue() : null;
    }

    private static String fabricPath(int fabricId) {
        return "fabrics/" + fabricId + "/vlans/";
    }

    /** VLANs are addressed by fabric and VID in the 2.0 API. */
    private static String path(JsonObject vlan) {
        return fabricPath(vlan.getInteger("fabric_id")) + vlan.getInteger("vid") + "/";
    }
}
