package io.slipway.drivers.maas.sim;

import io.slipway.drivers.maas.sim.SimRouter.Exchange;
import io.slipway.drivers.maas.sim.SimRouter.SimError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Fabrics, VLANs, subnets and IP ranges. Creating fabrics and subnets is admin-only ({@code api/fabrics.py:52},
 * {@code api/subnets.py:58}); VLAN changes follow {@code VLANForm} ({@code forms/vlan.py}); a VLAN renders
 * {@code relay_vlan} as the nested VLAN object it is a foreign key to ({@code api/vlans.py:16-29}).
 */
final class SimSite {
    final List<JsonObject> fabrics = new ArrayList<>();
    final List<JsonObject> subnets = new ArrayList<>();
    final List<JsonObject> ipRanges = new ArrayList<>();
    private final SimIds ids;
    private String bootCidr;

    SimSite(SimIds ids) {
        this.ids = ids;
        createFabric("fabric-0");
    }

    void register(SimRouter r) {
        r.on("GET", null, "fabrics_handler", x -> new JsonArray(new ArrayList<>(fabrics)))
                .on(
                        "POST",
                        null,
                        "fabrics_handler",
                        x -> createFabric(x.requireAdmin().required("name")))
                .on("GET", null, "fabric_handler", x -> fabric(x.intGroup("id")))
                .on(
                        "GET",
                        null,
                        "vlans_handler",
                        x -> fabric(x.intGroup("fabric_id")).getJsonArray("vlans"))
                .on("POST", null, "vlans_handler", this::createVlan)
                .on("GET", null, "vlan_handler", x -> vlan(x))
                .on("PUT", null, "vlan_handler", this::updateVlan)
                .on("GET", null, "subnets_handler", x -> new JsonArray(new ArrayList<>(subnets)))
                .on("POST", null, "subnets_handler", this::createSubnet)
                .on("GET", null, "subnet_handler", x -> subnet(x.intGroup("id")))
                .on("PUT", null, "subnet_handler", this::updateSubnet)
                .on("GET", null, "ipranges_handler", x -> new JsonArray(new ArrayList<>(ipRanges)))
                .on("POST", null, "ipranges_handler", this::createRange);
    }

    /** The subnet the rack controllers serve PXE on (MAAS discovers it from the rack's own interface). */
    synchronized void bootSubnet(String cidr, String name) {
        bootCidr = cidr;
        subnets.add(new JsonObject()
                .put("id", ids.next())
                .put("cidr", cidr)
                .put("name", name == null ? cidr : name)
                .put("vlan", defaultVlan())
                .put("gateway_ip", (Object) null)
                .put("dns_servers", new JsonArray()));
    }

    JsonObject bootSubnet() {
        return bootCidr == null ? null : SimValues.find(new JsonArray(subnets), "cidr", bootCidr);
    }

    JsonObject defaultVlan() {
        return fabrics.get(0).getJsonArray("vlans").getJsonObject(0);
    }

    /** A fabric named as MAAS names new ones ({@code fabric-<id>}). */
    JsonObject newFabric() {
        return createFabric(null);
    }

    private JsonObject createFabric(String name) {
        int id = ids.next();
        JsonObject fabric = new JsonObject()
                .put("id", id)
                .put("name", name == null ? "fabric-" + id : name)
                .put("vlans", new JsonArray().add(vlanJson(ids.next(), id, 0, "untagged")));
        fabrics.add(fabric);
        return fabric;
    }

    static JsonObject vlanJson(int id, int fabricId, int vid, String name) {
        return new JsonObject()
                .put("id", id)
                .put("fabric_id", fabricId)
                .put("vid", vid)
                .put("name", name)
                .put("mtu", 1500)
                .put("dhcp_on", false)
                .put("primary_rack", (Object) null)
                .put("secondary_rack", (Object) null)
                .put("relay_vlan", (Object) null)
                .put("external_dhcp", (Object) null)
                .put("space", "undefined");
    }

    private JsonObject createVlan(Exchange x) {
        x.requireAdmin();
        JsonObject fabric = fabric(x.intGroup("fabric_id"));
        int vid = Integer.parseInt(x.required("vid"));
        if (SimValues.find(fabric.getJsonArray("vlans"), "vid", vid) != null) {
            throw new SimError(400, "{\"__all__\": [\"VLAN with this Fabric and Vid already exists.\"]}");
        }
        JsonObject vlan = vlanJson(ids.next(), fabric.getInteger("id"), vid, x.param("name"));
        fabric.getJsonArray("vlans").add(vlan);
        return vlan;
    }

    /** {@code VLANForm} ({@code forms/vlan.py:84-101,163-213}). */
    private JsonObject updateVlan(Exchange x) {
        x.requireAdmin();
        JsonObject vlan = vlan(x);
        if (x.param("mtu") != null) {
            vlan.put("mtu", Integer.parseInt(x.param("mtu")));
        }
        if (x.param("relay_vlan") != null) {
            JsonObject relay = vlanById(Integer.parseInt(x.param("relay_vlan")));
            if (relay.getInteger("id").equals(vlan.getInteger("id")) || relay.getValue("relay_vlan") != null) {
                throw new SimError(
                        400,
                        "{\"relay_vlan\": [\"Select a valid choice. That choice is not one of the available choices.\"]}");
            }
            vlan.put("relay_vlan", relay.copy()).put("dhcp_on", false);
        }
        if ("true".equalsIgnoreCase(x.param("dhcp_on"))) {
            boolean dynamic = subnets.stream()
                    .filter(s -> SimInterfaces.sameVlan(s.getJsonObject("vlan"), vlan))
                    .anyMatch(s -> ipRanges.stream()
                            .anyMatch(r -> r.getString("type").equals("dynamic")
                                    && r.getJsonObject("subnet")
                                            .getInteger("id")
                                            .equals(s.getInteger("id"))));
            if (x.param("primary_rack") == null) {
                throw new SimError(
                        400, "{\"dhcp_on\": [\"dhcp can only be turned on when a primary rack controller is set.\"]}");
            }
            if (!dynamic) {
                throw new SimError(
                        400, "{\"dhcp_on\": [\"dhcp can only be turned on when a dynamic IP range is defined.\"]}");
            }
            vlan.put("dhcp_on", true)
                    .put("primary_rack", x.param("primary_rack"))
                    .put("relay_vlan", (Object) null);
        }
        return vlan;
    }

    private JsonObject createSubnet(Exchange x) {
        x.requireAdmin();
        String cidr = x.required("cidr");
        if (SimValues.find(new JsonArray(subnets), "cidr", cidr) != null) {
            throw new SimError(400, "{\"cidr\": [\"Subnet with this Cidr already exists.\"]}");
        }
        JsonObject vlan = x.param("vlan") == null ? defaultVlan() : vlanById(Integer.parseInt(x.param("vlan")));
        JsonObject subnet = new JsonObject()
                .put("id", ids.next())
                .put("cidr", cidr)
                .put("name", x.param("name") == null ? cidr : x.param("name"))
                .put("vlan", vlan)
                .put("gateway_ip", x.param("gateway_ip"))
                .put("dns_servers", SimValues.dns(x.param("dns_servers")));
        subnets.add(subnet);
        return subnet;
    }

    private JsonObject updateSubnet(Exchange x) {
        x.requireAdmin();
        JsonObject subnet = subnet(x.intGroup("id"));
        if (x.param("name") != null) {
            subnet.put("name", x.param("name"));
        }
        if (x.param("gateway_ip") != null) {
            subnet.put("gateway_ip", x.param("gateway_ip"));
        }
        if (x.param("dns_servers") != null) {
            subnet.put("dns_servers", SimValues.dns(x.param("dns_servers")));
        }
        if (x.param("vlan") != null) {
            subnet.put("vlan", vlanById(Integer.parseInt(x.param("vlan"))));
        }
        return subnet;
    }

    /** Dynamic ranges are admin-only ({@code api/ipranges.py:84-90}). */
    private JsonObject createRange(Exchange x) {
        if ("dynamic".equals(x.param("type"))) {
            x.requireAdmin();
        }
        JsonObject subnet = subnet(Integer.parseInt(x.required("subnet")));
        JsonObject range = new JsonObject()
                .put("id", ids.next())
                .put("type", x.required("type"))
                .put("start_ip", x.required("start_ip"))
                .put("end_ip", x.required("end_ip"))
                .put("subnet", subnet.copy())
                .put("comment", x.param("comment"));
        ipRanges.add(range);
        return range;
    }

    JsonObject subnet(int id) {
        JsonObject s = SimValues.find(new JsonArray(subnets), "id", id);
        if (s == null) {
            throw new SimError(
                    400, "{\"subnet\": [\"Select a valid choice. That choice is not one of the available choices.\"]}");
        }
        return s;
    }

    JsonObject vlanById(int id) {
        return fabrics.stream()
                .flatMap(f -> f.getJsonArray("vlans").stream())
                .map(JsonObject.class::cast)
                .filter(v -> v.getInteger("id") == id)
                .findFirst()
                .orElseThrow(() -> new SimError(
                        400,
                        "{\"vlan\": [\"Select a valid choice. That choice is not one of the available choices.\"]}"));
    }

    private JsonObject fabric(int id) {
        JsonObject f = SimValues.find(new JsonArray(fabrics), "id", id);
        if (f == null) {
            throw new SimError(404, "No Fabric matches the given query.");
        }
        return f;
    }

    /** {@code vlans/<vlan_id>/} and {@code fabrics/<fabric_id>/vlans/<vid>/} both name a VLAN. */
    private JsonObject vlan(Exchange x) {
        if (x.group("vlan_id") != null) {
            return vlanById(x.intGroup("vlan_id"));
        }
        JsonObject v = SimValues.find(fabric(x.intGroup("fabric_id")).getJsonArray("vlans"), "vid", x.intGroup("vid"));
        if (v == null) {
            throw new SimError(404, "No VLAN matches the given query.");
        }
        return v;
    }
}
