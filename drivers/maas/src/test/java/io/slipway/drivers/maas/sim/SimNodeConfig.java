package io.slipway.drivers.maas.sim;

import java.util.ArrayList;
import java.util.List;
import io.slipway.drivers.maas.sim.SimRouter.Exchange;
import io.slipway.drivers.maas.sim.SimRouter.SimError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A machine's interfaces (bonds, VLANs, subnet links) and storage (partitions, filesystems, LVM). */
final class SimNodeConfig {
  private static final String NODE = "nodes/(\\w+)/";
  private final SimMachines machines;
  private final SimSite site;
  private final SimIds ids;

  SimNodeConfig(SimMachines machines, SimSite site, SimIds ids) {
    this.machines = machines;
    this.site = site;
    this.ids = ids;
  }

  void register(SimRouter r) {
    r.on("GET", null, NODE + "interfaces", x -> new JsonArray(new ArrayList<>(node(x, false).interfaces)))
        .on("POST", "create_bond", NODE + "interfaces", this::createBond)
        .on("POST", "create_vlan", NODE + "interfaces", this::createVlan)
        .on("PUT", null, NODE + "interfaces/(\\d+)", this::updateInterface)
        .on("POST", "link_subnet", NODE + "interfaces/(\\d+)", this::link)
        .on("POST", "unlink_subnet", NODE + "interfaces/(\\d+)", this::unlink)
        .on("GET", null, NODE + "blockdevices", x -> new JsonArray(new ArrayList<>(node(x, false).blockDevices)))
        .on("POST", null, NODE + "blockdevices/(\\d+)/partitions", this::createPartition)
        .on("DELETE", null, NODE + "blockdevices/(\\d+)/partition/(\\d+)", this::deletePartition)
        .on("POST", "format", NODE + "blockdevices/(\\d+)(?:/partition/(\\d+))?", x -> fs(x).put("fstype", x.required("fstype")))
        .on("POST", "mount", NODE + "blockdevices/(\\d+)(?:/partition/(\\d+))?", this::mount)
        .on("GET", null, NODE + "volume-groups", x -> new JsonArray(new ArrayList<>(node(x, false).volumeGroups)))
        .on("POST", null, NODE + "volume-groups", this::createVolumeGroup)
        .on("DELETE", null, NODE + "volume-group/(\\d+)", this::deleteVolumeGroup)
        .on("POST", "create_logical_volume", NODE + "volume-group/(\\d+)", this::createLogicalVolume);
  }

  /** The machine of the request; configuration changes need it Ready or Allocated, as in MAAS. */
  private SimMachine node(Exchange x, boolean changing) {
    SimMachine m = machines.machine(x.group(1));
    if (changing && !m.editable()) {
      throw new SimError(409, "Cannot modify machine configuration because the machine is " + m.status + ".");
    }
    return m;
  }

  private JsonObject createBond(Exchange x) {
    SimMachine m = node(x, true);
    JsonObject bond = SimJson.iface(ids.next(), x.required("name"), "bond");
    for (String parent : x.params().getAll("parents")) {
      JsonObject p = byId(m.interfaces, Integer.parseInt(parent), "Interface");
      bond.getJsonArray("parents").add(p.getString("name"));
      p.getJsonArray("children").add(bond.getString("name"));
    }
    bond.put("params", new JsonObject().put("bond_mode", x.param("bond_mode")).put("mtu", x.param("mtu")));
    setVlan(bond, x.param("vlan"));
    m.interfaces.add(bond);
    return bond;
  }

  private JsonObject createVlan(Exchange x) {
    SimMachine m = node(x, true);
    JsonObject parent = byId(m.interfaces, Integer.parseInt(x.required("parent")), "Interface");
    JsonObject vlan = site.vlanById(Integer.parseInt(x.required("vlan")));
    JsonObject iface = SimJson.iface(ids.next(), parent.getString("name") + "." + vlan.getInteger("vid"), "vlan");
    iface.getJsonArray("parents").add(parent.getString("name"));
    iface.put("vlan", vlan);
    m.interfaces.add(iface);
    return iface;
  }

  private JsonObject updateInterface(Exchange x) {
    JsonObject iface = byId(node(x, true).interfaces, x.intGroup(2), "Interface");
    setVlan(iface, x.param("vlan"));
    return iface;
  }

  private void setVlan(JsonObject iface, String vlanId) {
    if (vlanId != null) {
      iface.put("vlan", site.vlanById(Integer.parseInt(vlanId)));
    }
  }

  private JsonObject link(Exchange x) {
    JsonObject iface = byId(node(x, true).interfaces, x.intGroup(2), "Interface");
    JsonObject subnet = site.subnet(Integer.parseInt(x.required("subnet")));
    iface.getJsonArray("links").add(new JsonObject().put("id", ids.next()).put("mode", x.required("mode"))
        .put("ip_address", x.param("ip_address")).put("subnet", subnet));
    return iface;
  }

  private JsonObject unlink(Exchange x) {
    JsonObject iface = byId(node(x, true).interfaces, x.intGroup(2), "Interface");
    int id = Integer.parseInt(x.required("id"));
    if (!iface.getJsonArray("links").getList().removeIf(l -> ((JsonObject) l).getInteger("id") == id)) {
      throw new SimError(400, "{\"id\": [\"Select a valid choice.\"]}");
    }
    return iface;
  }

  private JsonObject createPartition(Exchange x) {
    JsonObject disk = byId(node(x, true).blockDevices, x.intGroup(2), "BlockDevice");
    long size = Long.parseLong(x.required("size"));
    long used = disk.getJsonArray("partitions").stream().mapToLong(p -> ((JsonObject) p).getLong("size")).sum();
    if (used + size > disk.getLong("size") - (4L << 20)) {
      throw new SimError(400, "{\"size\": [\"Partition cannot be saved; not enough free space on the block device.\"]}");
    }
    JsonObject p = SimJson.partition(ids.next(), disk, size, "true".equals(x.param("bootable")));
    disk.getJsonArray("partitions").add(p);
    return p;
  }

  private Object deletePartition(Exchange x) {
    JsonObject disk = byId(node(x, true).blockDevices, x.intGroup(2), "BlockDevice");
    byId(list(disk.getJsonArray("partitions")), x.intGroup(3), "Partition");
    disk.getJsonArray("partitions").getList().removeIf(p -> ((JsonObject) p).getInteger("id") == x.intGroup(3));
    return null;
  }

  private JsonObject fs(Exchange x) {
    JsonObject device = byId(node(x, true).blockDevices, x.intGroup(2), "BlockDevice");
    JsonObject target = x.group(3) == null ? device : byId(list(device.getJsonArray("partitions")), x.intGroup(3), "Partition");
    if (target.getJsonObject("filesystem") == null) {
      target.put("filesystem", new JsonObject());
    }
    return target.getJsonObject("filesystem");
  }

  private JsonObject mount(Exchange x) {
    JsonObject fs = fs(x);
    if (fs.getString("fstype") == null) {
      throw new SimError(400, "{\"__all__\": [\"Cannot mount an unformatted device.\"]}");
    }
    return fs.put("mount_point", x.required("mount_point")).put("mount_options", x.param("mount_options"));
  }

  private JsonObject createVolumeGroup(Exchange x) {
    SimMachine m = node(x, true);
    long size = 0;
    for (String id : x.params().getAll("block_devices")) {
      size += byId(m.blockDevices, Integer.parseInt(id), "BlockDevice").getLong("size");
    }
    for (String id : x.params().getAll("partitions")) {
      size += m.blockDevices.stream().flatMap(d -> d.getJsonArray("partitions").stream()).map(JsonObject.class::cast)
          .filter(p -> p.getInteger("id") == Integer.parseInt(id)).findFirst()
          .orElseThrow(() -> new SimError(400, "{\"partitions\": [\"Select a valid choice.\"]}")).getLong("size");
    }
    JsonObject vg = new JsonObject().put("id", ids.next()).put("name", x.required("name")).put("size", size)
        .put("available_size", size).put("logical_volumes", new JsonArray());
    m.volumeGroups.add(vg);
    return vg;
  }

  private Object deleteVolumeGroup(Exchange x) {
    SimMachine m = node(x, true);
    JsonObject vg = byId(m.volumeGroups, x.intGroup(2), "VolumeGroup");
    vg.getJsonArray("logical_volumes").forEach(lv -> m.blockDevices.remove((JsonObject) lv));
    m.volumeGroups.remove(vg);
    return null;
  }

  private JsonObject createLogicalVolume(Exchange x) {
    SimMachine m = node(x, true);
    JsonObject vg = byId(m.volumeGroups, x.intGroup(2), "VolumeGroup");
    long size = Long.parseLong(x.required("size"));
    if (size > vg.getLong("available_size")) {
      throw new SimError(400, "{\"size\": [\"Size is too large.\"]}");
    }
    vg.put("available_size", vg.getLong("available_size") - size);
    JsonObject lv = SimJson.disk(ids.next(), vg.getString("name") + "-" + x.required("name"), size).put("type", "virtual");
    vg.getJsonArray("logical_volumes").add(lv);
    m.blockDevices.add(lv);
    return lv;
  }

  private static List<JsonObject> list(JsonArray a) {
    return a.stream().map(JsonObject.class::cast).toList();
  }

  private static JsonObject byId(List<JsonObject> list, int id, String kind) {
    return list.stream().filter(o -> o.getInteger("id") == id).findFirst()
        .orElseThrow(() -> new SimError(404, "No " + kind + " matches the given query."));
  }
}
