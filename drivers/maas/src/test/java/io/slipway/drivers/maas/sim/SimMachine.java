package io.slipway.drivers.maas.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** One simulated machine: status, hardware found by commissioning, and its configuration. Guarded by the simulator's lock. */
final class SimMachine {
  static final long GIB = 1L << 30;
  final String systemId;
  final String bootMac;
  final String powerType;
  final String powerAddress;
  final String architecture;
  String hostname;
  String status = "New";
  String statusMessage = "";
  String owner;
  String distroSeries = "";
  String hweKernel = "";
  boolean commissioned;
  int commissions;
  int deploys;
  int releases;
  int erases;
  String failNextDeploy;
  String failNextCommission;
  final List<String> history = new ArrayList<>(List.of("New"));
  final Set<String> tags = new LinkedHashSet<>();
  final List<JsonObject> interfaces = new ArrayList<>();
  final List<JsonObject> blockDevices = new ArrayList<>();
  final List<JsonObject> volumeGroups = new ArrayList<>();

  SimMachine(String systemId, String bootMac, String hostname, String powerType, String powerAddress, String architecture) {
    this.systemId = systemId;
    this.bootMac = bootMac.toLowerCase();
    this.hostname = hostname;
    this.powerType = powerType;
    this.powerAddress = powerAddress;
    this.architecture = architecture;
  }

  void status(String next, String message) {
    status = next;
    statusMessage = message;
    history.add(next);
  }

  boolean editable() {
    return status.equals("Ready") || status.equals("Allocated") || status.equals("Broken");
  }

  /** What commissioning finds: two NICs and two disks, with MAAS's default flat layout on the first. */
  void discoverHardware(SimIds ids) {
    if (commissioned) {
      return;
    }
    commissioned = true;
    interfaces.add(SimJson.physical(ids.next(), "eno1", bootMac));
    interfaces.add(SimJson.physical(ids.next(), "eno2", nextMac(bootMac)));
    JsonObject sda = SimJson.disk(ids.next(), "sda", 480 * GIB);
    JsonObject sdb = SimJson.disk(ids.next(), "sdb", 960 * GIB);
    sda.getJsonArray("partitions").add(SimJson.partition(ids.next(), sda, 480 * GIB - (4L << 20), false)
        .put("filesystem", new JsonObject().put("fstype", "ext4").put("mount_point", "/")));
    blockDevices.add(sda);
    blockDevices.add(sdb);
  }

  private static String nextMac(String mac) {
    int last = Integer.parseInt(mac.substring(mac.length() - 2), 16);
    return mac.substring(0, mac.length() - 2) + String.format("%02x", (last + 0x80) & 0xff);
  }

  JsonObject json() {
    return new JsonObject().put("system_id", systemId).put("hostname", hostname)
        .put("status_name", status).put("status_message", statusMessage)
        .put("tag_names", new JsonArray(new ArrayList<>(tags))).put("owner", owner)
        .put("architecture", architecture).put("power_type", powerType)
        .put("cpu_count", commissioned ? 16 : 0).put("memory", commissioned ? 65536 : 0)
        .put("osystem", "ubuntu").put("distro_series", distroSeries).put("hwe_kernel", hweKernel)
        .put("boot_interface", new JsonObject().put("mac_address", bootMac))
        .put("interface_set", new JsonArray(new ArrayList<>(interfaces)))
        .put("physicalblockdevice_set", new JsonArray(blockDevices.stream()
            .filter(d -> "physical".equals(d.getString("type"))).toList()));
  }

  String lshw() {
    return "<?xml version=\"1.0\" standalone=\"yes\" ?>\n<list><node id=\"" + hostname + "\" class=\"system\">"
        + "<serial>SIM-" + systemId + "</serial><node id=\"cpu\" class=\"processor\"/>"
        + "<node id=\"memory\" class=\"memory\"><size units=\"bytes\">68719476736</size></node></node></list>\n";
  }
}
