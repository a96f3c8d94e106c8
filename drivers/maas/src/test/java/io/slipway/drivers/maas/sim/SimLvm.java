package io.slipway.drivers.maas.sim;

import io.slipway.drivers.maas.sim.SimRouter.Exchange;
import io.slipway.drivers.maas.sim.SimRouter.SimError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Volume groups and logical volumes: Ready only ({@code api/volume_groups.py:111,285,328}), MAAS's extent arithmetic. */
final class SimLvm {
    private final SimMachines machines;
    private final SimIds ids;

    SimLvm(SimMachines machines, SimIds ids) {
        this.machines = machines;
        this.ids = ids;
    }

    void register(SimRouter r) {
        r.on("GET", null, "volume_groups_handler", x -> {
                    SimMachine m = machines.machine(x.group("system_id"));
                    return new JsonArray(
                            m.volumeGroups.stream().map(vg -> render(m, vg)).toList());
                })
                .on("POST", null, "volume_groups_handler", this::create)
                .on("GET", null, "volume_group_handler", x -> render(machines.machine(x.group("system_id")), group(x)))
                .on("DELETE", null, "volume_group_handler", this::delete)
                .on("POST", "create_logical_volume", "volume_group_handler", this::createLogicalVolume);
    }

    private static SimMachine ready(SimMachine m, String message) {
        if (!m.is("Ready")) {
            throw new SimError(409, message);
        }
        return m;
    }

    /** Size: {@code (extents of all PVs − one per PV) × 4 MiB}, {@code models/filesystemgroup.py:478-489}. */
    private JsonObject create(Exchange x) {
        SimMachine m = ready(
                machines.machine(x.group("system_id")), "Cannot create volume group because the machine is not Ready.");
        String name = x.required("name");
        List<JsonObject> pvs = new ArrayList<>();
        for (String id : x.params().getAll("block_devices")) {
            pvs.add(SimStorage.byId(m.blockDevices, Integer.parseInt(id), "BlockDevice"));
        }
        for (String id : x.params().getAll("partitions")) {
            pvs.add(m.blockDevices.stream()
                    .flatMap(d -> d.getJsonArray("partitions").stream())
                    .map(SimStorage::asJson)
                    .filter(p -> p.getInteger("id") == Integer.parseInt(id))
                    .findFirst()
                    .orElseThrow(() -> new SimError(
                            400,
                            "{\"partitions\": [\"Select a valid choice. " + id
                                    + " is not one of the available choices.\"]}")));
        }
        if (pvs.isEmpty()) {
            throw new SimError(400, "{\"__all__\": [\"At least one valid block device or partition is required.\"]}");
        }
        for (JsonObject pv : pvs) {
            if (pv.getJsonObject("filesystem") != null
                    || !pv.getJsonArray("partitions", new JsonArray()).isEmpty()) {
                throw new SimError(400, "{\"__all__\": [\"" + pv.getString("name") + " is in use.\"]}");
            }
        }
        long total = pvs.stream().mapToLong(p -> p.getLong("size")).sum();
        long size = (total / SimStorage.ALIGN - pvs.size()) * SimStorage.ALIGN;
        pvs.forEach(p ->
                p.put("filesystem", new JsonObject().put("fstype", "lvm-pv").put("mount_point", (Object) null)));
        JsonObject vg = new JsonObject()
                .put("id", ids.next())
                .put("name", name)
                .put("size", size)
                .put("available_size", size)
                .put("used_size", 0L)
                .put("logical_volumes", new JsonArray())
                .put(
                        "devices",
                        new JsonArray(pvs.stream()
                                .map(p -> new JsonObject()
                                        .put("id", p.getInteger("id"))
                                        .put("name", p.getString("name")))
                                .toList()));
        m.volumeGroups.add(vg);
        return render(m, vg);
    }

    /** Logical volumes are rendered as the virtual block devices they are, filesystem included. */
    private static JsonObject render(SimMachine m, JsonObject vg) {
        JsonArray lvs = new JsonArray();
        for (Object ref : vg.getJsonArray("logical_volumes")) {
            int id = SimStorage.asJson(ref).getInteger("id");
            m.blockDevices.stream()
                    .filter(d -> d.getInteger("id") == id)
                    .findFirst()
                    .map(SimStorage::render)
                    .ifPresent(lvs::add);
        }
        return vg.copy().put("logical_volumes", lvs);
    }

    private JsonObject group(Exchange x) {
        return SimStorage.byId(machines.machine(x.group("system_id")).volumeGroups, x.intGroup("id"), "VolumeGroup");
    }

    private Object delete(Exchange x) {
        SimMachine m = machines.machine(x.group("system_id"));
        JsonObject vg = group(x);
        ready(m, "Cannot delete volume group because the machine is not Ready.");
        vg.getJsonArray("logical_volumes")
                .forEach(lv -> m.blockDevices.removeIf(
                        d -> d.getInteger("id").equals(SimStorage.asJson(lv).getInteger("id"))));
        for (Object ref : vg.getJsonArray("devices")) {
            int id = SimStorage.asJson(ref).getInteger("id");
            m.blockDevices.stream()
                    .flatMap(d -> java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(d),
                            d.getJsonArray("partitions", new JsonArray()).stream()
                                    .map(SimStorage::asJson)))
                    .filter(d -> d.getInteger("id") == id)
                    .forEach(d -> d.put("filesystem", (Object) null));
        }
        m.volumeGroups.remove(vg);
        return null;
    }

    /** {@code CreateLogicalVolumeForm}: size at most the free space ({@code forms/__init__.py:4280-4302}). */
    private JsonObject createLogicalVolume(Exchange x) {
        SimMachine m = machines.machine(x.group("system_id"));
        JsonObject vg = group(x);
        ready(m, "Cannot create logical volume because the machine is not Ready.");
        long free = vg.getLong("available_size");
        long size = x.param("size") == null ? free : Long.parseLong(x.param("size"));
        if (size > free) {
            throw new SimError(400, "{\"size\": [\"Ensure this value is less than or equal to " + free + ".\"]}");
        }
        vg.put("available_size", free - size).put("used_size", vg.getLong("size") - free + size);
        JsonObject lv = new JsonObject()
                .put("id", ids.next())
                .put("name", vg.getString("name") + "-" + x.required("name"))
                .put("type", "virtual")
                .put("size", size)
                .put("block_size", 4096)
                .put("partitions", new JsonArray())
                .put("filesystem", (Object) null);
        vg.getJsonArray("logical_volumes")
                .add(new JsonObject()
                        .put("id", lv.getInteger("id"))
                        .put("name", lv.getString("name"))
                        .put("size", size));
        m.blockDevices.add(lv);
        return SimStorage.render(lv);
    }
}
