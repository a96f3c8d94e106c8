package io.slipway.drivers.maas.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import io.slipway.drivers.maas.sim.SimRouter.Exchange;
import io.slipway.drivers.maas.sim.SimRouter.SimError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Machines and their lifecycle, following MAAS's transitions: New → Commissioning → Ready →
 * Allocated → Deploying → Deployed; Releasing (→ Disk erasing) → Ready; Failed commissioning and
 * Failed deployment when a failure is injected. Transitions that take time run on simulator timers.
 */
final class SimMachines {
  final List<SimMachine> machines = new ArrayList<>();
  final List<JsonObject> tags = new ArrayList<>();
  private final MaasSimulator sim;
  private final SimIds ids;

  SimMachines(MaasSimulator sim, SimIds ids) {
    this.sim = sim;
    this.ids = ids;
  }

  void register(SimRouter r) {
    r.on("GET", null, "machines", this::list)
        .on("GET", "power_parameters", "machines", x -> powerParameters())
        .on("POST", null, "machines", this::create)
        .on("POST", "allocate", "machines", this::allocate)
        .on("GET", null, "machines/(\\w+)", x -> machine(x.group(1)).json())
        .on("PUT", null, "machines/(\\w+)", x -> rename(machine(x.group(1)), x.param("hostname")))
        .on("POST", "commission", "machines/(\\w+)", x -> commission(machine(x.group(1))).json())
        .on("POST", "deploy", "machines/(\\w+)", this::deploy)
        .on("POST", "release", "machines/(\\w+)", this::release)
        .on("GET", null, "nodes/(\\w+)/results/current-commissioning", x -> results(machine(x.group(1))))
        .on("GET", null, "tags", x -> new JsonArray(new ArrayList<>(tags)))
        .on("POST", null, "tags", this::createTag)
        .on("DELETE", null, "tags/([\\w.-]+)", x -> deleteTag(x.group(1)))
        .on("POST", "update_nodes", "tags/([\\w.-]+)", this::tagNodes);
  }

  SimMachine machine(String systemId) {
    return machines.stream().filter(m -> m.systemId.equals(systemId)).findFirst()
        .orElseThrow(() -> new SimError(404, "No Machine matches the given query."));
  }

  SimMachine enlist(String mac, String hostname, String powerType, String powerAddress) {
    SimMachine m = new SimMachine(ids.systemId(), mac, hostname, powerType, powerAddress, "amd64/generic");
    machines.add(m);
    return m;
  }

  private JsonArray list(Exchange x) {
    String mac = x.param("mac_address");
    String hostname = x.param("hostname");
    return new JsonArray(machines.stream()
        .filter(m -> mac == null || m.bootMac.equalsIgnoreCase(mac)
            || m.interfaces.stream().anyMatch(i -> mac.equalsIgnoreCase(i.getString("mac_address"))))
        .filter(m -> hostname == null || hostname.equals(m.hostname)).map(SimMachine::json).toList());
  }

  private JsonObject powerParameters() {
    JsonObject all = new JsonObject();
    machines.forEach(m -> all.put(m.systemId, new JsonObject().put("power_address", m.powerAddress)));
    return all;
  }

  /** An admin adding a machine: MAAS commissions it straight away. */
  private JsonObject create(Exchange x) {
    String mac = x.required("mac_addresses");
    if (machines.stream().anyMatch(m -> m.bootMac.equalsIgnoreCase(mac))) {
      throw new SimError(400, "{\"mac_addresses\": [\"One or more MAC addresses is invalid. ('MAC address " + mac + " already in use.')\"]}");
    }
    SimMachine m = enlist(mac, x.param("hostname"), x.required("power_type"), x.param("power_parameters_power_address"));
    return commission(m).json();
  }

  private Object rename(SimMachine m, String hostname) {
    if (hostname != null) {
      m.hostname = hostname;
    }
    return m.json();
  }

  private SimMachine commission(SimMachine m) {
    if (!Set.of("New", "Ready", "Failed commissioning", "Broken").contains(m.status)) {
      throw new SimError(409, "Cannot commission node because it is " + m.status + ".");
    }
    m.commissions++;
    m.status("Commissioning", "Gathering information");
    sim.later(sim.timings().commissionMs(), () -> {
      if (m.failNextCommission != null) {
        m.status("Failed commissioning", m.failNextCommission);
        m.failNextCommission = null;
      } else {
        m.discoverHardware(ids);
        m.status("Ready", "");
      }
    });
    return m;
  }

  private JsonObject allocate(Exchange x) {
    SimMachine m = machine(x.required("system_id"));
    if (!m.status.equals("Ready")) {
      throw new SimError(409, "No available machine matching constraints: (system_id=" + m.systemId + ")");
    }
    m.owner = "slipway";
    m.status("Allocated", "");
    return m.json();
  }

  private JsonObject deploy(Exchange x) {
    SimMachine m = machine(x.group(1));
    if (!m.status.equals("Allocated")) {
      throw new SimError(409, "Can't deploy: machine " + m.systemId + " is " + m.status + ", not allocated.");
    }
    m.distroSeries = x.param("distro_series") == null ? "jammy" : x.param("distro_series");
    m.hweKernel = x.param("hwe_kernel") == null ? "" : x.param("hwe_kernel");
    m.deploys++;
    m.status("Deploying", "Installing OS");
    sim.later(sim.timings().deployMs(), () -> {
      if (m.failNextDeploy != null) {
        m.status("Failed deployment", m.failNextDeploy);
        m.failNextDeploy = null;
      } else {
        m.status("Deployed", "");
      }
    });
    return m.json();
  }

  private JsonObject release(Exchange x) {
    SimMachine m = machine(x.group(1));
    if (!Set.of("Allocated", "Deploying", "Deployed", "Failed deployment", "Failed releasing", "Failed disk erasing")
        .contains(m.status)) {
      throw new SimError(409, "Cannot release node because it is " + m.status + ".");
    }
    boolean erase = "true".equals(x.param("erase"));
    m.releases++;
    m.status("Releasing", "");
    sim.later(sim.timings().releaseMs(), () -> {
      if (!erase) {
        released(m);
        return;
      }
      m.erases++;
      m.status("Disk erasing", "true".equals(x.param("quick_erase")) ? "Quick erase" : "Full erase");
      sim.later(sim.timings().eraseMs(), () -> released(m));
    });
    return m.json();
  }

  private static void released(SimMachine m) {
    m.owner = null;
    m.distroSeries = "";
    m.status("Ready", "");
  }

  private JsonObject results(SimMachine m) {
    if (!m.commissioned) {
      throw new SimError(404, "No ScriptSet matches the given query.");
    }
    String output = Base64.getEncoder().encodeToString(m.lshw().getBytes(StandardCharsets.UTF_8));
    return new JsonObject().put("id", 1).put("system_id", m.systemId).put("type_name", "Commissioning")
        .put("results", new JsonArray().add(new JsonObject().put("name", "lshw").put("status_name", "Passed").put("output", output)));
  }

  private JsonObject createTag(Exchange x) {
    String name = x.required("name");
    if (SimSite.find(new JsonArray(tags), "name", name) != null) {
      throw new SimError(400, "{\"name\": [\"Tag with this Name already exists.\"]}");
    }
    JsonObject tag = new JsonObject().put("name", name).put("comment", x.param("comment"))
        .put("kernel_opts", x.param("kernel_opts")).put("definition", "");
    tags.add(tag);
    return tag;
  }

  private Object deleteTag(String name) {
    if (!tags.removeIf(t -> t.getString("name").equals(name))) {
      throw new SimError(404, "No Tag matches the given query.");
    }
    machines.forEach(m -> m.tags.remove(name));
    return null;
  }

  private JsonObject tagNodes(Exchange x) {
    String name = x.group(1);
    if (SimSite.find(new JsonArray(tags), "name", name) == null) {
      throw new SimError(404, "No Tag matches the given query.");
    }
    List<String> add = x.params().getAll("add");
    add.forEach(id -> machine(id).tags.add(name));
    return new JsonObject().put("added", add.size()).put("removed", 0);
  }
}
