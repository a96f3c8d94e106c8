package io.slipway.drivers.maas;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.maas.api.Machine;
import io.slipway.drivers.spi.node.HardwareManifest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Builds a {@link HardwareManifest} from a commissioned machine: the {@code lshw} output of its
 * current commissioning script set ({@code GET nodes/{id}/results/current-commissioning/}) plus a
 * summary from the machine record. MAAS keeps both, so repeated calls give the same manifest.
 * ({@code op=details} would carry the same XML, but as BSON.)
 */
final class Manifests {
  private final MaasClient client;

  Manifests(MaasClient client) {
    this.client = client;
  }

  Future<HardwareManifest> of(Machine m) {
    return client.getObject(m.nodePath("results/current-commissioning/"),
            "include_output", "true", "filters", "lshw")
        .map(set -> {
          String lshw = lshwOutput(set);
          return lshw == null
              ? new HardwareManifest("maas", "json", m.raw().encodePrettily(), summary(m.raw()))
              : new HardwareManifest("lshw", "xml", lshw, summary(m.raw()));
        });
  }

  private static String lshwOutput(JsonObject scriptSet) {
    JsonArray results = scriptSet.getJsonArray("results", new JsonArray());
    for (int i = 0; i < results.size(); i++) {
      JsonObject r = results.getJsonObject(i);
      String name = r.getString("name", "");
      String output = r.getString("output");
      if ((name.equals("lshw") || name.endsWith("-lshw")) && output != null) {
        return new String(Base64.getMimeDecoder().decode(output), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static Map<String, String> summary(JsonObject machine) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("system_id", machine.getString("system_id"));
    s.put("cpus", String.valueOf(machine.getValue("cpu_count", 0)));
    s.put("memory_mib", String.valueOf(machine.getValue("memory", 0)));
    s.put("disks", String.valueOf(size(machine, "physicalblockdevice_set", "blockdevice_set")));
    s.put("nics", String.valueOf(size(machine, "interface_set", "interface_set")));
    s.put("architecture", machine.getString("architecture", ""));
    return Map.copyOf(s);
  }

  private static int size(JsonObject machine, String key, String fallback) {
    JsonArray a = machine.getJsonArray(key, machine.getJsonArray(fallback, new JsonArray()));
    return a.size();
  }
}
