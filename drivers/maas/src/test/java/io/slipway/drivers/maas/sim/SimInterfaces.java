package io.slipway.drivers.maas.sim;

import io.slipway.drivers.maas.sim.SimRouter.Exchange;
import io.slipway.drivers.maas.sim.SimRouter.SimError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A machine's interfaces with MAAS's rules: the states that allow changes ({@code api/interfaces.py:96-125}),
 * bond parents on the bond's VLAN ({@code forms/interface.py:585-596}), VLAN interfaces only on a tagged
 * VLAN of the parent's fabric ({@code forms/interface.py:393-421}), and {@code link_subnet}'s checks
 * ({@code forms/interface_link.py}).
 */
final class SimInterfaces {
    private static final Set<String> CHANGEABLE = Set.of("New", "Ready", "Failed testing", "Allocated", "Broken");
    private static final Map<String, Set<String>> BOND_CHOICES = Map.of(
            "bond_mode",
                    Set.of(
                            "balance-rr",
                            "active-backup",
                            "balance-xor",
                            "broadcast",
                            "802.3ad",
                            "balance-tlb",
                            "balance-alb"),
            "bond_lacp_rate", Set.of("fast", "slow"),
            "bond_xmit_hash_policy", Set.of("layer2", "layer2+3", "layer3+4", "encap2+3", "encap3+4"));
    private final SimMachines machines;
    private final SimSite site;
    private final SimIds ids;

    SimInterfaces(SimMachines machines, SimSite site, SimIds ids) {
        this.machines = machines;
        this.site = site;
        this.ids = ids;
    }

    void register(SimRouter r) {
        r.on(
                        "GET",
                        null,
                        "interfaces_handler",
                        x -> new JsonArray(new ArrayList<>(machines.machine(x.group("system_id")).interfaces)))
                .on("GET", null, "interface_handler", this::iface)
                .on("POST", "create_bond", "interfaces_handler", this::createBond)
                .on("POST", "create_vlan", "interfaces_handler", this::createVlan)
                .on("PUT", null, "interface_handler", this::update)
                .on("POST", "link_subnet", "interface_handler", this::link)
                .on("POST", "unlink_subnet", "interface_handler", this::unlink)
                .on("POST", "disconnect", "interface_handler", this::disconnect);
    }

    /**
     * What commissioning finds ({@code guess_vlan_for_interface}, {@code metadataserver/builtin_scripts/network.py:519-539}):
     * the boot NIC on the VLAN it PXE-booted from, with an {@code auto} link to that subnet; every other NIC on a new fabric.
     */
    void discover(SimMachine m) {
        List<SimHardware.NicHw> nics = m.hardware.nics();
        for (int i = 0; i < nics.size(); i++) {
            JsonObject nic =
                    iface(ids.next(), nics.get(i).name(), "physical").put("mac_address", SimHardware.mac(m.bootMac, i));
            if (i == 0) {
                JsonObject subnet = site.bootSubnet();
                nic.put("vlan", subnet == null ? site.defaultVlan() : subnet.getJsonObject("vlan"));
                if (subnet != null) {
                    nic.getJsonArray("links")
                            .add(new JsonObject()
                                    .put("id", ids.next())
                                    .put("mode", "auto")
                                    .put("subnet", subnet));
                }
            } else {
                nic.put("vlan", site.newFabric().getJsonArray("vlans").getJsonObject(0));
            }
            m.interfaces.add(nic);
        }
    }

    static JsonObject iface(int id, String name, String type) {
        return new JsonObject()
                .put("id", id)
                .put("name", name)
                .put("type", type)
                .put("enabled", true)
                .put("parents", new JsonArray())
                .put("children", new JsonArray())
                .put("mtu", 1500)
                .put("vlan", (Object) null)
                .put("links", new JsonArray())
                .put("params", new JsonObject());
    }

    private SimMachine changeable(Exchange x, String operation, String... extra) {
        SimMachine m = machines.machine(x.group("system_id"));
        if (!CHANGEABLE.contains(m.status) && !Set.of(extra).contains(m.status)) {
            throw new SimError(
                    409,
                    "Cannot " + operation + " interface because the machine is not New, Ready, Allocated, or Broken.");
        }
        return m;
    }

    private JsonObject iface(Exchange x) {
        return SimStorage.byId(machines.machine(x.group("system_id")).interfaces, x.intGroup("id"), "Interface");
    }

    private JsonObject createBond(Exchange x) {
        SimMachine m = changeable(x, "create bond");
        List<JsonObject> parents = new ArrayList<>();
        for (String id : x.params().getAll("parents")) {
            parents.add(SimStorage.byId(m.interfaces, Integer.parseInt(id), "Interface"));
        }
        if (parents.isEmpty()) {
            throw new SimError(400, "{\"parents\": [\"A bond interface must have one or more parents.\"]}");
        }
        for (String field : BOND_CHOICES.keySet()) {
            String v = x.param(field);
            if (v != null && !BOND_CHOICES.get(field).contains(v)) {
                throw new SimError(400, "{\"" + field + "\": [\"'" + v + "' is not a valid " + field + ".\"]}");
            }
        }
        // _set_default_vlan: the bond takes the first parent's VLAN unless one is given
        JsonObject vlan = x.param("vlan") == null
                ? parents.get(0).getJsonObject("vlan")
                : site.vlanById(Integer.parseInt(x.param("vlan")));
        boolean same = parents.stream().allMatch(p -> sameVlan(p.getJsonObject("vlan"), vlan));
        if (!same) {
            throw new SimError(400, "{\"parents\": [\"All parents must belong to the same VLAN.\"]}");
        }
        JsonObject bond = iface(ids.next(), x.required("name"), "bond")
                .put("vlan", vlan)
                .put("mac_address", parents.get(0).getString("mac_address"));
        JsonObject params = new JsonObject()
                .put("bond_mode", Objects.requireNonNullElse(x.param("bond_mode"), "balance-rr"))
                .put("bond_miimon", intParam(x, "bond_miimon", 100))
                .put("bond_updelay", intParam(x, "bond_updelay", 0))
                .put("bond_downdelay", intParam(x, "bond_downdelay", 0))
                .put("bond_lacp_rate", Objects.requireNonNullElse(x.param("bond_lacp_rate"), "fast"))
                .put("bond_xmit_hash_policy", Objects.requireNonNullElse(x.param("bond_xmit_hash_policy"), "layer2"));
        bond.put("params", params);
        mtu(bond, x);
        for (JsonObject p : parents) {
            bond.getJsonArray("parents").add(p.getString("name"));
            p.getJsonArray("children").add(bond.getString("name"));
            p.put("links", new JsonArray());
        }
        m.interfaces.add(bond);
        return bond;
    }

    private static int intParam(Exchange x, String name, int dflt) {
        try {
            return x.param(name) == null ? dflt : Integer.parseInt(x.param(name));
        } catch (NumberFormatException e) {
            throw new SimError(400, "{\"" + name + "\": [\"Enter a whole number.\"]}");
        }
    }

    private JsonObject createVlan(Exchange x) {
        SimMachine m = changeable(x, "create VLAN");
        JsonObject parent = SimStorage.byId(m.interfaces, Integer.parseInt(x.required("parent")), "Interface");
        if (x.param("vlan") == null) {
            throw new SimError(400, "{\"vlan\": [\"A VLAN interface must be connected to a tagged VLAN.\"]}");
        }
        JsonObject vlan = site.vlanById(Integer.parseInt(x.param("vlan")));
        if (vlan.getInteger("vid") == 0) {
            throw new SimError(400, "{\"vlan\": [\"A VLAN interface can only belong to a tagged VLAN.\"]}");
        }
        if (parent.getJsonObject("vlan") == null) {
            // MAAS dereferences parent.vlan.fabric_id (forms/interface.py:415) and fails with a server error
            throw new SimError(500, "'NoneType' object has no attribute 'fabric_id'");
        }
        if (!parent.getJsonObject("vlan").getInteger("fabric_id").equals(vlan.getInteger("fabric_id"))) {
            throw new SimError(
                    400,
                    "{\"vlan\": [\"A VLAN interface can only belong to a tagged VLAN on the same fabric as its parent interface.\"]}");
        }
        JsonObject iface = iface(ids.next(), parent.getString("name") + "." + vlan.getInteger("vid"), "vlan")
                .put("vlan", vlan);
        iface.getJsonArray("parents").add(parent.getString("name"));
        parent.getJsonArray("children").add(iface.getString("name"));
        mtu(iface, x);
        m.interfaces.add(iface);
        return iface;
    }

    private JsonObject update(Exchange x) {
        changeable(x, "update interface", "Deployed");
        JsonObject iface = iface(x);
        if (x.param("vlan") != null) {
            JsonObject vlan = site.vlanById(Integer.parseInt(x.param("vlan")));
            if (!sameVlan(vlan, iface.getJsonObject("vlan"))) {
                iface.put("vlan", vlan).put("links", new JsonArray());
            }
        }
        mtu(iface, x);
        return iface;
    }

    private JsonObject disconnect(Exchange x) {
        changeable(x, "disconnect");
        return iface(x).put("vlan", (Object) null).put("links", new JsonArray());
    }

    private static void mtu(JsonObject iface, Exchange x) {
        if (x.param("mtu") != null) {
            iface.put("mtu", intParam(x, "mtu", 1500));
        }
    }

    private JsonObject link(Exchange x) {
        SimMachine m = changeable(x, "link subnet");
        JsonObject iface = iface(x);
        SimLinks.check(m, iface, x, site);
        JsonObject subnet = x.param("subnet") == null ? null : site.subnet(Integer.parseInt(x.param("subnet")));
        iface.getJsonArray("links")
                .add(new JsonObject()
                        .put("id", ids.next())
                        .put("mode", x.required("mode").toLowerCase())
                        .put("ip_address", x.param("ip_address"))
                        .put("subnet", subnet));
        if (subnet != null && "true".equalsIgnoreCase(x.param("default_gateway"))) {
            m.defaultGateway = subnet.getString("gateway_ip");
        }
        return iface;
    }

    private JsonObject unlink(Exchange x) {
        changeable(x, "unlink subnet");
        JsonObject iface = iface(x);
        int id = Integer.parseInt(x.required("id"));
        if (!iface.getJsonArray("links")
                .getList()
                .removeIf(l -> SimStorage.asJson(l).getInteger("id") == id)) {
            throw new SimError(
                    400, "{\"id\": [\"Select a valid choice. " + id + " is not one of the available choices.\"]}");
        }
        return iface;
    }

    static boolean sameVlan(JsonObject a, JsonObject b) {
        return a != null && b != null && a.getInteger("id").equals(b.getInteger("id"));
    }
}
