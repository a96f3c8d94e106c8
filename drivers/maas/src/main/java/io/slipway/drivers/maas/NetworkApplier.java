package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.Forms;
import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.maas.api.Machine;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpec.Attachment;
import io.slipway.drivers.spi.node.NodeSpec.Nic;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Applies a node's interfaces on a Ready machine, in the order MAAS requires (Drydock's driver did the
 * same): slaves are named by kernel name or design alias ({@link Manifests#resolve}); a bond's parents
 * are first moved onto the bond's VLAN, since {@code create_bond} takes only parents already on it
 * ({@code BondInterfaceForm._validate_parent_vlans_match}, {@code forms/interface.py:585-596}), then the
 * bond is created with the design's bond options; a plain NIC is moved to its untagged VLAN; VLAN
 * interfaces ({@code op=create_vlan}) must sit on the parent's fabric ({@code forms/interface.py:408-421});
 * subnet links ({@code op=link_subnet}, mode {@code static}, {@code dhcp} or {@code link_up}). Existing
 * bonds, VLAN interfaces and matching links are kept; a link on the right subnet with other settings is
 * replaced.
 */
final class NetworkApplier {
    private final MaasClient client;
    private final Manifests manifests;

    NetworkApplier(MaasClient client, Manifests manifests) {
        this.client = client;
        this.manifests = manifests;
    }

    Future<Void> apply(Machine m, NodeSpec node) {
        return manifests
                .resolve(m, node)
                .compose(aliases -> client.getArray("subnets/").compose(subnets -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (Nic nic : Nulls.list(node.interfaces())) {
                        Nic resolved = new Nic(
                                nic.name(),
                                Nulls.list(nic.slaves()).stream()
                                        .map(s -> Manifests.device(aliases, s, m))
                                        .toList(),
                                nic.bondMode(),
                                nic.bondOptions(),
                                nic.mtu(),
                                nic.networks());
                        chain = chain.compose(x -> apply(m, resolved, subnets));
                    }
                    return chain;
                }));
    }

    private Future<Void> apply(Machine m, Nic nic, JsonArray subnets) {
        return interfaces(m).compose(ifaces -> base(m, nic, ifaces, subnets)).compose(base -> {
            Future<Void> chain = Future.succeededFuture();
            for (Attachment a : Nulls.list(nic.networks())) {
                chain = chain.compose(x -> attach(m, nic, base, a, subnet(subnets, a)));
            }
            return chain;
        });
    }

    private Future<JsonObject> base(Machine m, Nic nic, JsonArray ifaces, JsonArray subnets) {
        Integer untagged = Nulls.list(nic.networks()).stream()
                .filter(a -> a.vlan() == null)
                .findFirst()
                .map(a -> subnet(subnets, a).getJsonObject("vlan").getInteger("id"))
                .orElse(null);
        if (Nulls.list(nic.slaves()).isEmpty()) {
            return Future.failedFuture(refused("interface " + nic.name() + " names no device"));
        }
        boolean bond = nic.bondMode() != null || nic.slaves().size() > 1;
        JsonObject existing =
                JsonLists.find(ifaces, "name", bond ? nic.name() : nic.slaves().get(0));
        if (bond) {
            return existing != null ? Future.succeededFuture(existing) : Bonds.create(client, m, nic, ifaces, untagged);
        }
        if (existing == null) {
            return Future.failedFuture(
                    refused("device " + nic.slaves().get(0) + " not found on machine " + m.systemId()));
        }
        JsonObject vlan = existing.getJsonObject("vlan");
        if (untagged == null || (vlan != null && untagged.equals(vlan.getInteger("id")))) {
            return Future.succeededFuture(existing);
        }
        return client.put(
                        m.nodePath("interfaces/" + existing.getInteger("id") + "/"),
                        Forms.of("vlan", String.valueOf(untagged), "mtu", mtu(nic.mtu())))
                .map(o -> (JsonObject) o);
    }

    private Future<Void> attach(Machine m, Nic nic, JsonObject base, Attachment a, JsonObject subnet) {
        Future<JsonObject> target =
                a.vlan() == null ? Future.succeededFuture(base) : vlanInterface(m, nic, base, subnet);
        return target.compose(iface -> link(m, iface, a, subnet));
    }

    private Future<JsonObject> vlanInterface(Machine m, Nic nic, JsonObject base, JsonObject subnet) {
        int vlanId = subnet.getJsonObject("vlan").getInteger("id");
        JsonObject parentVlan = base.getJsonObject("vlan");
        Integer fabric = subnet.getJsonObject("vlan").getInteger("fabric_id");
        if (parentVlan == null || !fabric.equals(parentVlan.getInteger("fabric_id"))) {
            return Future.failedFuture(
                    refused(
                            "interface " + nic.name() + ": network " + subnet.getString("name")
                                    + " is on MAAS fabric " + fabric + " but " + base.getString("name") + " is on "
                                    + (parentVlan == null ? "no VLAN" : "fabric " + parentVlan.getInteger("fabric_id"))
                                    + "; MAAS puts a VLAN interface only on its parent's fabric: give this link an untagged network on that fabric"));
        }
        return interfaces(m).compose(ifaces -> {
            JsonObject existing = ifaces.stream()
                    .map(JsonObject.class::cast)
                    .filter(i -> "vlan".equals(i.getString("type")))
                    .filter(i -> i.getJsonArray("parents", new JsonArray()).contains(base.getString("name")))
                    .filter(i -> i.getJsonObject("vlan") != null
                            && i.getJsonObject("vlan").getInteger("id") == vlanId)
                    .findFirst()
                    .orElse(null);
            return existing != null
                    ? Future.succeededFuture(existing)
                    : client.post(
                                    m.nodePath("interfaces/"),
                                    "create_vlan",
                                    Forms.of(
                                            "parent",
                                            String.valueOf(base.getInteger("id")),
                                            "vlan",
                                            String.valueOf(vlanId),
                                            "mtu",
                                            mtu(nic.mtu())))
                            .map(o -> (JsonObject) o);
        });
    }

    private Future<Void> link(Machine m, JsonObject iface, Attachment a, JsonObject subnet) {
        String mode = a.address() == null ? "link_up" : a.address().equals("dhcp") ? "dhcp" : "static";
        String ip = mode.equals("static") ? a.address() : null;
        String path = m.nodePath("interfaces/" + iface.getInteger("id") + "/");
        JsonObject current = iface.getJsonArray("links", new JsonArray()).stream()
                .map(JsonObject.class::cast)
                .filter(l -> l.getJsonObject("subnet") != null
                        && l.getJsonObject("subnet").getInteger("id").equals(subnet.getInteger("id")))
                .findFirst()
                .orElse(null);
        if (current != null
                && mode.equalsIgnoreCase(current.getString("mode"))
                && (ip == null || ip.equals(current.getString("ip_address")))) {
            return Future.succeededFuture();
        }
        Future<Object> unlinked = current == null
                ? Future.succeededFuture()
                : client.post(path, "unlink_subnet", Forms.of("id", String.valueOf(current.getInteger("id"))));
        return unlinked.compose(x -> client.post(
                        path,
                        "link_subnet",
                        Forms.of(
                                "subnet",
                                String.valueOf(subnet.getInteger("id")),
                                "mode",
                                mode,
                                "ip_address",
                                ip,
                                "default_gateway",
                                a.primary() && mode.equals("static") ? "true" : null)))
                .mapEmpty();
    }

    private Future<JsonArray> interfaces(Machine m) {
        return client.getArray(m.nodePath("interfaces/"));
    }

    private static JsonObject subnet(JsonArray subnets, Attachment a) {
        JsonObject s = a.cidr() != null
                ? JsonLists.find(subnets, "cidr", a.cidr())
                : JsonLists.find(subnets, "name", a.network());
        if (s == null) {
            throw refused("network " + a.network() + " (" + a.cidr() + ") is not in MAAS; prepare the site first");
        }
        return s;
    }

    private static String mtu(int mtu) {
        return mtu > 0 ? String.valueOf(mtu) : null;
    }

    private static DriverException refused(String message) {
        return new DriverException(Kind.REFUSED, false, message);
    }
}
