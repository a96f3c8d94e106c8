package io.slipway.drivers.maas.sim;

import java.util.ArrayList;
import java.util.List;
import io.slipway.drivers.maas.sim.SimRouter.Exchange;
import io.slipway.drivers.maas.sim.SimRouter.SimError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Site-wide MAAS objects: fabrics, VLANs, subnets, IP ranges, SSH keys, boot resources, racks. */
final class SimSite {
  final List<JsonObject> fabrics = new ArrayList<>();
  final List<JsonObject> subnets = new ArrayList<>();
  final List<JsonObject> ipRanges = new ArrayList<>();
  final List<JsonObject> sshKeys = new ArrayList<>();
  private final SimIds ids;

  SimSite(SimIds ids) {
    this.ids = ids;
    createFabric("fabric-0");
  }

  void register(SimRouter r) {
    r.on("GET", null, "version", x -> new JsonObject().put("version", "3.5.3").put("subversion", "sim")
            .put("capabilities", new JsonArray().add("networks-management").add("static-ipaddresses")))
        .on("GET", "list_authorisation_tokens", "account", x -> new JsonArray().add(new JsonObject().put("name", "slipway")))
        .on("GET", "is_importing", "boot-resources", x -> false)
        .on("GET", null, "boot-resources", x -> bootResources())
        .on("GET", null, "rackcontrollers", x -> new JsonArray().add(new JsonObject().put("system_id", "rack01").put("hostname", "rack01")))
        .on("GET", null, "fabrics", x -> new JsonArray(new ArrayList<>(fabrics)))
        .on("POST", null, "fabrics", x -> createFabric(x.required("name")))
        .on("POST", null, "fabrics/(\\d+)/vlans", this::createVlan)
        .on("GET", null, "fabrics/(\\d+)/vlans/(\\d+)", x -> vlan(x.intGroup(1), x.intGroup(2)))
        .on("PUT", null, "fabrics/(\\d+)/vlans/(\\d+)", this::updateVlan)
        .on("GET", null, "subnets", x -> new JsonArray(new ArrayList<>(subnets)))
        .on("POST", null, "subnets", this::createSubnet)
        .on("PUT", null, "subnets/(\\d+)", this::updateSubnet)
        .on("GET", null, "ipranges", x -> new JsonArray(new ArrayList<>(ipRanges)))
        .on("POST", null, "ipranges", this::createRange)
        .on("GET", null, "account/prefs/sshkeys", x -> new JsonArray(new ArrayList<>(sshKeys)))
        .on("POST", null, "account/prefs/sshkeys", x -> add(sshKeys, new JsonObject().put("id", ids.next()).put("key", x.required("key"))));
  }

  private static JsonArray bootResources() {
    JsonArray a = new JsonArray();
    for (String[] r : new String[][] {{"ubuntu/jammy", "amd64/ga-22.04"}, {"ubuntu/jammy", "amd64/hwe-22.04"},
        {"ubuntu/noble", "amd64/ga-24.04"}}) {
      a.add(new JsonObject().put("type", "Synced").put("name", r[0]).put("architecture", r[1]));
    }
    return a;
  }

  private JsonObject createFabric(String name) {
    int id = ids.next();
    JsonObject fabric = new JsonObject().put("id", id).put("name", name)
        .put("vlans", new JsonArray().add(SimJson.vlan(ids.next(), id, 0, "untagged")));
    return add(fabrics, fabric);
  }

  private JsonObject createVlan(Exchange x) {
    JsonObject fabric = fabric(x.intGroup(1));
    int vid = Integer.parseInt(x.required("vid"));
    if (find(fabric.getJsonArray("vlans"), "vid", vid) != null) {
      throw new SimError(400, "{\"__all__\": [\"VLAN with this Fabric and Vid already exists.\"]}");
    }
    JsonObject vlan = SimJson.vlan(ids.next(), fabric.getInteger("id"), vid, x.param("name"));
    fabric.getJsonArray("vlans").add(vlan);
    return vlan;
  }

  private JsonObject updateVlan(Exchange x) {
    JsonObject vlan = vlan(x.intGroup(1), x.intGroup(2));
    if (x.param("mtu") != null) {
      vlan.put("mtu", Integer.parseInt(x.param("mtu")));
    }
    if (x.param("relay_vlan") != null) {
      vlan.put("relay_vlan", Integer.parseInt(x.param("relay_vlan")));
    }
    if ("true".equals(x.param("dhcp_on"))) {
      boolean dynamic = subnets.stream().filter(s -> s.getJsonObject("vlan") == vlan).anyMatch(s -> ipRanges.stream()
          .anyMatch(r -> r.getString("type").equals("dynamic") && r.getJsonObject("subnet").getInteger("id").equals(s.getInteger("id"))));
      if (!dynamic || x.param("primary_rack") == null) {
        throw new SimError(400, "{\"dhcp_on\": [\"dhcp can only be turned on when a dynamic IP range is defined.\"]}");
      }
      vlan.put("dhcp_on", true).put("primary_rack", x.param("primary_rack"));
    }
    return vlan;
  }

  private JsonObject createSubnet(Exchange x) {
    String cidr = x.required("cidr");
    if (find(new JsonArray(subnets), "cidr", cidr) != null) {
      throw new SimError(400, "{\"cidr\": [\"Subnet with this Cidr already exists.\"]}");
    }
    JsonObject vlan = x.param("vlan") == null ? fabric(fabrics.get(0).getInteger("id")).getJsonArray("vlans").getJsonObject(0)
        : vlanById(Integer.parseInt(x.param("vlan")));
    JsonObject subnet = new JsonObject().put("id", ids.next()).put("cidr", cidr).put("name", x.param("name") == null ? cidr : x.param("name"))
        .put("vlan", vlan).put("gateway_ip", x.param("gateway_ip")).put("dns_servers", dns(x.param("dns_servers")));
    return add(subnets, subnet);
  }

  private JsonObject updateSubnet(Exchange x) {
    JsonObject subnet = subnet(x.intGroup(1));
    if (x.param("name") != null) {
      subnet.put("name", x.param("name"));
    }
    if (x.param("gateway_ip") != null) {
      subnet.put("gateway_ip", x.param("gateway_ip"));
    }
    if (x.param("dns_servers") != null) {
      subnet.put("dns_servers", dns(x.param("dns_servers")));
    }
    return subnet;
  }

  private JsonObject createRange(Exchange x) {
    JsonObject subnet = subnet(Integer.parseInt(x.required("subnet")));
    JsonObject range = new JsonObject().put("id", ids.next()).put("type", x.required("type"))
        .put("start_ip", x.required("start_ip")).put("end_ip", x.required("end_ip"))
        .put("subnet", subnet.copy()).put("comment", x.param("comment"));
    return add(ipRanges, range);
  }

  JsonObject subnet(int id) {
    JsonObject s = find(new JsonArray(subnets), "id", id);
    if (s == null) {
      throw new SimError(404, "No Subnet matches the given query.");
    }
    return s;
  }

  JsonObject vlanById(int id) {
    return fabrics.stream().flatMap(f -> f.getJsonArray("vlans").stream()).map(JsonObject.class::cast)
        .filter(v -> v.getInteger("id") == id).findFirst()
        .orElseThrow(() -> new SimError(400, "{\"vlan\": [\"Select a valid choice.\"]}"));
  }

  private JsonObject fabric(int id) {
    JsonObject f = find(new JsonArray(fabrics), "id", id);
    if (f == null) {
      throw new SimError(404, "No Fabric matches the given query.");
    }
    return f;
  }

  private JsonObject vlan(int fabricId, int vid) {
    JsonObject v = find(fabric(fabricId).getJsonArray("vlans"), "vid", vid);
    if (v == null) {
      throw new SimError(404, "No VLAN matches the given query.");
    }
    return v;
  }

  private static JsonArray dns(String servers) {
    JsonArray a = new JsonArray();
    if (servers != null) {
      for (String s : servers.split("[\\s,]+")) {
        if (!s.isBlank()) {
          a.add(s);
        }
      }
    }
    return a;
  }

  static JsonObject find(JsonArray list, String field, Object value) {
    return list.stream().map(JsonObject.class::cast).filter(o -> String.valueOf(value).equals(String.valueOf(o.getValue(field))))
        .findFirst().orElse(null);
  }

  private static JsonObject add(List<JsonObject> list, JsonObject o) {
    list.add(o);
    return o;
  }
}
