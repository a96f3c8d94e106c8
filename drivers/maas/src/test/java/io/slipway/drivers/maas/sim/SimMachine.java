package io.slipway.drivers.maas.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One simulated machine: status, hardware found by commissioning, and its configuration. Guarded by the simulator's lock. */
final class SimMachine {
    final String systemId;
    final String bootMac;
    final String architecture;
    final SimHardware hardware;
    String powerType;
    Map<String, String> powerParameters = new LinkedHashMap<>();
    String hostname;
    String domain = "maas";
    String status = "New";
    String statusMessage = "";
    String owner;
    String distroSeries = "";
    String hweKernel = "";
    String userData;
    Integer bootDiskId;
    String defaultGateway;
    boolean commissioned;
    int commissions;
    int deploys;
    int releases;
    int erases;
    String failNextDeploy;
    String failNextCommission;
    final List<String> history = new ArrayList<>(List.of("New"));
    final Set<String> tags = new LinkedHashSet<>();
    final Map<String, String> workloadAnnotations = new LinkedHashMap<>();
    final List<JsonObject> interfaces = new ArrayList<>();
    final List<JsonObject> blockDevices = new ArrayList<>();
    final List<JsonObject> volumeGroups = new ArrayList<>();

    SimMachine(String systemId, String bootMac, String hostname, String architecture, SimHardware hardware) {
        this.systemId = systemId;
        this.bootMac = bootMac.toLowerCase();
        this.hostname = hostname == null ? "sim-" + systemId : hostname;
        this.architecture = architecture;
        this.hardware = hardware;
    }

    void status(String next, String message) {
        status = next;
        statusMessage = message;
        history.add(next);
    }

    boolean is(String... any) {
        return Set.of(any).contains(status);
    }

    JsonObject json() {
        JsonObject bootDisk = bootDiskId == null
                ? null
                : blockDevices.stream()
                        .filter(d -> d.getInteger("id").equals(bootDiskId))
                        .findFirst()
                        .map(SimStorage::render)
                        .orElse(null);
        return new JsonObject()
                .put("system_id", systemId)
                .put("hostname", hostname)
                .put("domain", new JsonObject().put("name", domain))
                .put("fqdn", hostname + "." + domain)
                .put("status", SimStatus.number(status))
                .put("status_name", status)
                .put("status_message", statusMessage)
                .put("tag_names", new JsonArray(new ArrayList<>(tags)))
                .put("owner", owner)
                .put("architecture", architecture)
                .put("power_type", powerType)
                .put("bios_boot_method", hardware.bootMethod())
                .put("cpu_count", commissioned ? 16 : 0)
                .put("memory", commissioned ? 65536 : 0)
                .put("osystem", "ubuntu")
                .put("distro_series", distroSeries)
                .put("hwe_kernel", hweKernel)
                .put("workload_annotations", new JsonObject(new LinkedHashMap<>(workloadAnnotations)))
                .put(
                        "boot_interface",
                        interfaces.isEmpty() ? new JsonObject().put("mac_address", bootMac) : interfaces.get(0))
                .put("boot_disk", bootDisk)
                .put("interface_set", new JsonArray(new ArrayList<>(interfaces)))
                .put(
                        "blockdevice_set",
                        new JsonArray(
                                blockDevices.stream().map(SimStorage::render).toList()))
                .put(
                        "physicalblockdevice_set",
                        new JsonArray(blockDevices.stream()
                                .filter(d -> "physical".equals(d.getString("type")))
                                .map(SimStorage::render)
                                .toList()));
    }
}
