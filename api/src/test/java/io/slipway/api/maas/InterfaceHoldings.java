package io.slipway.api.maas;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.maas.sim.SimHardware;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpec.Attachment;
import io.slipway.drivers.spi.node.NodeSpec.Nic;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A deployed machine's interfaces as MAAS holds them, against the node spec: design aliases resolved to the NICs
 * commissioning found at their PCI addresses, bonds over those NICs with the design's mode and options, untagged
 * networks on the base interface's VLAN, tagged networks on VLAN interfaces of the base on the same fabric, and one
 * subnet link per network (static with the design's address, or DHCP).
 */
final class InterfaceHoldings {
    private final JsonObject machine;
    private final SimHardware hardware;

    InterfaceHoldings(JsonObject machine, SimHardware hardware) {
        this.machine = machine;
        this.hardware = hardware;
    }

    void check(NodeSpec node) {
        for (Nic nic : node.interfaces()) {
            List<String> slaves =
                    nic.slaves().stream().map(s -> resolve(node, s)).toList();
            boolean bond = nic.bondMode() != null || slaves.size() > 1;
            JsonObject base = named(node, bond ? nic.name() : slaves.get(0));
            if (bond) {
                checkBond(node, nic, base, slaves);
            }
            if (nic.mtu() > 0) {
                assertThat(base.getInteger("mtu"))
                        .as(where(node, base) + " mtu")
                        .isEqualTo(nic.mtu());
            }
            for (Attachment a : nic.networks()) {
                JsonObject target = a.vlan() == null ? base : vlanOf(node, base, Integer.parseInt(a.vlan()));
                checkLink(node, target, a);
            }
        }
    }

    private void checkBond(NodeSpec node, Nic nic, JsonObject bond, List<String> slaves) {
        String where = where(node, bond);
        assertThat(bond.getString("type")).as(where).isEqualTo("bond");
        assertThat(bond.getJsonArray("parents").getList())
                .as(where + " parents")
                .containsExactlyInAnyOrderElementsOf(slaves);
        JsonObject params = bond.getJsonObject("params");
        assertThat(params.getString("bond_mode")).as(where).isEqualTo(nic.bondMode());
        // both NetworkLinks of lab-site.yaml: mon_rate 100, up_delay 200, down_delay 200
        assertThat(params.getInteger("bond_miimon")).as(where).isEqualTo(100);
        assertThat(params.getInteger("bond_updelay")).as(where).isEqualTo(200);
        assertThat(params.getInteger("bond_downdelay")).as(where).isEqualTo(200);
        if ("802.3ad".equals(nic.bondMode())) {
            assertThat(params.getString("bond_xmit_hash_policy")).as(where).isEqualTo("layer3+4");
            assertThat(params.getString("bond_lacp_rate")).as(where).isEqualTo("fast");
        }
        for (String parent : slaves) {
            JsonObject p = named(node, parent);
            assertThat(p.getJsonObject("vlan").getInteger("id"))
                    .as(where(node, p) + ": a bond's parents are on the bond's VLAN")
                    .isEqualTo(bond.getJsonObject("vlan").getInteger("id"));
        }
    }

    private JsonObject vlanOf(NodeSpec node, JsonObject base, int vid) {
        JsonObject v = interfaces()
                .filter(i -> "vlan".equals(i.getString("type")))
                .filter(i -> i.getJsonArray("parents").contains(base.getString("name")))
                .filter(i -> i.getJsonObject("vlan").getInteger("vid") == vid)
                .findFirst()
                .orElseThrow(() -> new AssertionError(where(node, base) + ": no VLAN interface for VID " + vid));
        assertThat(v.getJsonObject("vlan").getInteger("fabric_id"))
                .as(where(node, v) + ": a VLAN interface is on its parent's fabric")
                .isEqualTo(base.getJsonObject("vlan").getInteger("fabric_id"));
        return v;
    }

    private static void checkLink(NodeSpec node, JsonObject iface, Attachment a) {
        String where = where(node, iface) + " " + a.network();
        JsonObject link = iface.getJsonArray("links", new JsonArray()).stream()
                .map(JsonObject.class::cast)
                .filter(l -> a.cidr().equals(l.getJsonObject("subnet").getString("cidr")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(where + ": no link to " + a.cidr() + " in " + iface));
        if (a.vlan() == null) {
            assertThat(iface.getJsonObject("vlan").getInteger("id"))
                    .as(where + ": on its subnet's VLAN")
                    .isEqualTo(
                            link.getJsonObject("subnet").getJsonObject("vlan").getInteger("id"));
        }
        if ("dhcp".equals(a.address())) {
            assertThat(link.getString("mode")).as(where).isEqualTo("dhcp");
        } else if (a.address() != null) {
            assertThat(link.getString("mode")).as(where).isEqualTo("static");
            assertThat(link.getString("ip_address")).as(where).isEqualTo(a.address());
        }
    }

    /** A design device name: an alias resolved to the NIC at its PCI address, else a kernel name. */
    private String resolve(NodeSpec node, String device) {
        return node.deviceAliases().stream()
                .filter(d -> d.alias().equals(device))
                .findFirst()
                .map(d -> hardware.nics().stream()
                        .filter(n -> n.pci().equals(d.address()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no NIC at " + d.address()))
                        .name())
                .orElse(device);
    }

    private JsonObject named(NodeSpec node, String name) {
        return interfaces()
                .filter(i -> name.equals(i.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(node.name() + ": no interface " + name + " in "
                        + interfaces().map(i -> i.getString("name")).toList()));
    }

    private java.util.stream.Stream<JsonObject> interfaces() {
        return machine.getJsonArray("interface_set").stream().map(JsonObject.class::cast);
    }

    private static String where(NodeSpec node, JsonObject iface) {
        return node.name() + " " + iface.getString("name");
    }
}
