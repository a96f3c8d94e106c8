package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.Forms;
import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.maas.api.Machine;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.NodeSpec.Nic;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates a bond as MAAS accepts it: every parent moved onto the bond's VLAN first ({@code PUT
 * interfaces/<id>/ vlan=…}, Drydock's {@code attach_fabric} step), then {@code op=create_bond} with the
 * parents, that VLAN, the MTU and the design's bond options under MAAS's names ({@code bond_miimon},
 * {@code bond_updelay}, {@code bond_downdelay}, {@code bond_lacp_rate}, {@code bond_xmit_hash_policy}).
 * Without an untagged network the bond takes the first parent's VLAN.
 */
final class Bonds {
    private Bonds() {}

    static Future<JsonObject> create(MaasClient client, Machine m, Nic nic, JsonArray ifaces, Integer untagged) {
        List<JsonObject> parents = new ArrayList<>();
        for (String slave : nic.slaves()) {
            JsonObject parent = JsonLists.find(ifaces, "name", slave);
            if (parent == null) {
                return Future.failedFuture(new DriverException(
                        Kind.REFUSED,
                        false,
                        "bond " + nic.name() + ": device " + slave + " not found on machine " + m.systemId()));
            }
            parents.add(parent);
        }
        Integer vlan = untagged != null ? untagged : vlanId(parents.get(0));
        Future<Void> moved = Future.succeededFuture();
        for (JsonObject parent : parents) {
            if (vlan != null && !vlan.equals(vlanId(parent))) {
                moved = moved.compose(x -> client.put(
                                m.nodePath("interfaces/" + parent.getInteger("id") + "/"),
                                Forms.of("vlan", String.valueOf(vlan)))
                        .mapEmpty());
            }
        }
        MultiMap form = Forms.of(
                "name",
                nic.name(),
                "bond_mode",
                nic.bondMode(),
                "mtu",
                nic.mtu() > 0 ? String.valueOf(nic.mtu()) : null,
                "vlan",
                vlan == null ? null : String.valueOf(vlan));
        parents.forEach(p -> form.add("parents", String.valueOf(p.getInteger("id"))));
        if (nic.bondOptions() != null) {
            nic.bondOptions().forEach((k, v) -> form.add(k.startsWith("bond_") ? k : "bond_" + k, v));
        }
        return moved.compose(x -> client.post(m.nodePath("interfaces/"), "create_bond", form))
                .map(o -> (JsonObject) o);
    }

    private static Integer vlanId(JsonObject iface) {
        JsonObject v = iface.getJsonObject("vlan");
        return v == null ? null : v.getInteger("id");
    }
}
