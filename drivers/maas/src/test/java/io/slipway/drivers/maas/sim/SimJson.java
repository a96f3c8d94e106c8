package io.slipway.drivers.maas.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** JSON shapes of MAAS objects, reduced to the fields the driver reads. */
final class SimJson {
  private SimJson() {}

  static JsonObject physical(int id, String name, String mac) {
    return iface(id, name, "physical").put("mac_address", mac);
  }

  static JsonObject iface(int id, String name, String type) {
    return new JsonObject().put("id", id).put("name", name).put("type", type)
        .put("parents", new JsonArray()).put("children", new JsonArray())
        .put("vlan", (Object) null).put("links", new JsonArray()).put("params", new JsonObject());
  }

  static JsonObject disk(int id, String name, long size) {
    return new JsonObject().put("id", id).put("name", name).put("type", "physical").put("size", size)
        .put("partitions", new JsonArray()).put("filesystem", (Object) null);
  }

  static JsonObject partition(int id, JsonObject device, long size, boolean bootable) {
    int n = device.getJsonArray("partitions").size() + 1;
    return new JsonObject().put("id", id).put("device_id", device.getInteger("id"))
        .put("name", device.getString("name") + "-part" + n).put("type", "partition").put("size", size)
        .put("bootable", bootable).put("filesystem", (Object) null);
  }

  static JsonObject vlan(int id, int fabricId, int vid, String name) {
    return new JsonObject().put("id", id).put("fabric_id", fabricId).put("vid", vid)
        .put("name", name).put("mtu", 1500).put("dhcp_on", false).put("primary_rack", (Object) null)
        .put("relay_vlan", (Object) null);
  }
}
