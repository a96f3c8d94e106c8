package io.slipway.drivers.maas.sim;

import io.slipway.drivers.maas.sim.SimRouter.Exchange;
import io.slipway.drivers.maas.sim.SimRouter.SimError;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Machine transitions as MAAS makes them ({@code src/maasserver/api/machines.py}, {@code models/node.py}):
 * an admin's {@code POST machines/} commissions at once; starting an operation powers the machine on after
 * the request, and a BMC MAAS cannot drive reverts the status ({@code Node._start_bmc_unavailable},
 * {@code models/node.py:5741-5775}); deploy takes Ready (auto-allocated) or Allocated ({@code api/machines.py:830-856});
 * release is a no-op on Ready/Releasing and allowed from {@code RELEASABLE_STATUSES} ({@code api/machines.py:971-1000}).
 */
final class SimLifecycle {
    private static final Set<String> COMMISSIONABLE = Set.of(
            "New",
            "Ready",
            "Failed commissioning",
            "Failed testing",
            "Broken",
            "Missing",
            "Failed deployment",
            "Failed disk erasing",
            "Releasing failed");
    private final MaasSimulator sim;
    private final SimMachines machines;
    private final SimInterfaces interfaces;
    private final SimStorage storage;
    /** BMC address → {user, password} MAAS must present; addresses not listed accept any non-empty credentials. */
    final Map<String, String[]> bmcs = new ConcurrentHashMap<>();

    SimLifecycle(MaasSimulator sim, SimMachines machines, SimInterfaces interfaces, SimStorage storage) {
        this.sim = sim;
        this.machines = machines;
        this.interfaces = interfaces;
        this.storage = storage;
    }

    void register(SimRouter r) {
        r.on("POST", null, "machines_handler", this::create)
                .on("POST", "allocate", "machines_handler", this::allocate)
                .on(
                        "POST",
                        "commission",
                        "machine_handler",
                        x -> commission(machines.machine(x.group("system_id")), x.admin())
                                .json())
                .on("POST", "deploy", "machine_handler", this::deploy)
                .on("POST", "release", "machine_handler", this::release)
                .on("POST", "set_workload_annotations", "machine_handler", this::annotate);
    }

    /** {@code MachinesHandler.create}: machines an admin adds are commissioned straight away. */
    private JsonObject create(Exchange x) {
        String mac = x.required("mac_addresses");
        if (machines.machines.stream().anyMatch(m -> m.bootMac.equalsIgnoreCase(mac))) {
            throw new SimError(
                    400,
                    "{\"mac_addresses\": [\"One or more MAC addresses is invalid. ('MAC address " + mac
                            + " already in use.')\"]}");
        }
        String powerType = x.required("power_type");
        if ("manual".equals(powerType)
                && x.params().names().stream().anyMatch(n -> n.startsWith("power_parameters_"))
                && !"true".equals(x.param("power_parameters_skip_check"))) {
            throw new SimError(400, "{\"power_parameters\": [\"Unknown parameter(s): power_address.\"]}");
        }
        SimMachine m = machines.enlist(
                mac, x.param("hostname"), x.param("architecture") == null ? "amd64/generic" : x.param("architecture"));
        m.powerType = powerType;
        SimMachines.powerParameters(m, x);
        return (x.admin() ? commission(m, true) : m).json();
    }

    SimMachine commission(SimMachine m, boolean admin) {
        if (!COMMISSIONABLE.contains(m.status)) {
            throw new SimError(409, "Unable to be commissioned because of the machine's state: " + m.status + ".");
        }
        String old = m.status;
        m.commissions++;
        m.status("Commissioning", "Commissioning");
        powerOn(
                m,
                old,
                admin,
                () -> sim.later(sim.timings().commissionMs(), () -> {
                    if (m.failNextCommission != null) {
                        m.status("Failed commissioning", m.failNextCommission);
                        m.failNextCommission = null;
                        return;
                    }
                    if (!m.commissioned) {
                        m.commissioned = true;
                        interfaces.discover(m);
                        storage.discover(m);
                    }
                    m.status("Ready", "");
                }));
        return m;
    }

    /** After the request commits, MAAS powers the machine on; without usable credentials it reverts. */
    private void powerOn(SimMachine m, String old, boolean admin, Runnable started) {
        sim.later(1, () -> {
            if (powerable(m)) {
                started.run();
                return;
            }
            String msg = "(" + (admin ? "admin" : "user") + ") - Aborting " + SimStatus.enumName(m.status)
                    + " and reverting to " + SimStatus.enumName(old)
                    + ". Unable to power control the node. Please check power credentials.";
            m.status(old, msg);
        });
    }

    private boolean powerable(SimMachine m) {
        if ("manual".equals(m.powerType)) {
            return true;
        }
        Map<String, String> p = m.powerParameters;
        String user = p.get("power_user");
        String pass = p.get("power_pass");
        if (p.get("power_address") == null || user == null || user.isEmpty() || pass == null || pass.isEmpty()) {
            return false;
        }
        String[] known = bmcs.get(p.get("power_address"));
        return known == null || (known[0].equals(user) && known[1].equals(pass));
    }

    /** {@code MachinesHandler.allocate} ({@code api/machines.py:2590-2613}); without {@code system_id} any Ready machine. */
    private JsonObject allocate(Exchange x) {
        String id = x.param("system_id");
        SimMachine m = id == null
                ? machines.machines.stream()
                        .filter(c -> c.is("Ready"))
                        .findFirst()
                        .orElseThrow(
                                () -> new SimError(409, "No available machine matching constraints: (no constraints)"))
                : machines.machine(id);
        if (!m.is("Ready")) {
            throw new SimError(409, "No machine with system ID " + m.systemId + " available.");
        }
        m.owner = "slipway";
        m.status("Allocated", "");
        return m.json();
    }

    private JsonObject deploy(Exchange x) {
        SimMachine m = machines.machine(x.group("system_id"));
        if (m.is("Ready")) {
            m.owner = "slipway";
            m.status("Allocated", "");
        }
        if (!m.is("Allocated")) {
            throw new SimError(409, "Can't deploy a machine that is in the '" + m.status + "' state");
        }
        if (x.param("user_data") != null) {
            try {
                m.userData = new String(Base64.getDecoder().decode(x.param("user_data")), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new SimError(400, "{\"user_data\": [\"Invalid base64 data.\"]}");
            }
        }
        m.distroSeries = x.param("distro_series") == null ? "jammy" : x.param("distro_series");
        m.hweKernel = x.param("hwe_kernel") == null ? "" : x.param("hwe_kernel");
        m.deploys++;
        m.status("Deploying", "Deploying");
        powerOn(
                m,
                "Allocated",
                x.admin(),
                () -> sim.later(sim.timings().deployMs(), () -> {
                    if (m.failNextDeploy != null) {
                        m.status("Failed deployment", m.failNextDeploy);
                        m.failNextDeploy = null;
                    } else {
                        m.status("Deployed", "Deployed");
                    }
                }));
        return m.json();
    }

    private JsonObject release(Exchange x) {
        SimMachine m = machines.machine(x.group("system_id"));
        if (m.is("Releasing", "Ready")) {
            return m.json();
        }
        if (!SimStatus.RELEASABLE.contains(m.status)) {
            throw new SimError(409, "Machine cannot be released in its current state ('" + m.status + "').");
        }
        boolean erase = "true".equalsIgnoreCase(x.param("erase"));
        m.releases++;
        m.status("Releasing", "Releasing");
        sim.later(sim.timings().releaseMs(), () -> {
            if (!erase) {
                released(m);
                return;
            }
            m.erases++;
            m.status("Disk erasing", "true".equalsIgnoreCase(x.param("quick_erase")) ? "Quick erase" : "Full erase");
            sim.later(sim.timings().eraseMs(), () -> released(m));
        });
        return m.json();
    }

    private static void released(SimMachine m) {
        m.owner = null;
        m.distroSeries = "";
        m.userData = null;
        m.workloadAnnotations.clear();
        m.status("Ready", "");
    }

    /** {@code WorkloadAnnotationsMixin.set_workload_annotations} ({@code api/nodes.py:891-925}): owner only; "" removes. */
    private JsonObject annotate(Exchange x) {
        SimMachine m = machines.machine(x.group("system_id"));
        if (m.owner == null) {
            throw new SimError(409, "Cannot set workload annotation: it hasn't been acquired.");
        }
        for (String key : x.params().names()) {
            if (!key.equals("op")) {
                String v = x.param(key);
                if (v.isEmpty()) {
                    m.workloadAnnotations.remove(key);
                } else {
                    m.workloadAnnotations.put(key, v);
                }
            }
        }
        return m.json();
    }
}
