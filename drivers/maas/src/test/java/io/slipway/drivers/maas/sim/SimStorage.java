package io.slipway.drivers.maas.sim;

import io.slipway.drivers.maas.sim.SimRouter.Exchange;
import io.slipway.drivers.maas.sim.SimRouter.SimError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Block devices, partitions, filesystems and LVM, with MAAS's arithmetic and per-state rules
 * (sources: canonical/maas {@code src/maasserver/…} at the commit named in {@code urls_api.patterns}).
 */
final class SimStorage {
    static final long MIB = 1L << 20;
    /** {@code PARTITION_ALIGNMENT_SIZE}, {@code models/partition.py:37}; also {@code LVM_PE_SIZE}, {@code models/filesystemgroup.py:38}. */
    static final long ALIGN = 4 * MIB;

    private final SimMachines machines;
    private final SimIds ids;

    SimStorage(SimMachines machines, SimIds ids) {
        this.machines = machines;
        this.ids = ids;
    }

    void register(SimRouter r) {
        r.on(
                        "GET",
                        null,
                        "blockdevices_handler",
                        x -> new JsonArray(machines.machine(x.group("system_id")).blockDevices.stream()
                                .map(SimStorage::render)
                                .toList()))
                .on("GET", null, "blockdevice_handler", x -> render(device(x)))
                .on("POST", null, "partitions_handler", this::createPartition)
                .on("DELETE", null, "partition_handler", this::deletePartition)
                .on("POST", "format", "partition_handler", x -> format(x, "partition", partition(x)))
                .on("POST", "mount", "partition_handler", x -> mount(x, "partition", partition(x)))
                .on("POST", "format", "blockdevice_handler", x -> format(x, "block device", device(x)))
                .on("POST", "mount", "blockdevice_handler", x -> mount(x, "block device", device(x)))
                .on("POST", "set_boot_disk", "blockdevice_handler", this::setBootDisk);
        new SimLvm(machines, ids).register(r);
    }

    /** What commissioning finds: the hardware's disks, with MAAS's default flat layout on the first. */
    void discover(SimMachine m) {
        for (SimHardware.DiskHw d : m.hardware.disks()) {
            m.blockDevices.add(new JsonObject()
                    .put("id", ids.next())
                    .put("name", d.name())
                    .put("type", "physical")
                    .put("size", d.size())
                    .put("block_size", 512)
                    .put("model", d.model())
                    .put("serial", "SIM" + ids.next())
                    .put(
                            "id_path",
                            "/dev/disk/by-path/"
                                    + (d.bus().equals("scsi")
                                            ? "pci-0000:5c:00.0-scsi-" + d.address()
                                            : "pci-" + d.address() + "-nvme-1"))
                    .put("partitions", new JsonArray())
                    .put("filesystem", (Object) null));
        }
        JsonObject first = m.blockDevices.get(0);
        m.bootDiskId = first.getInteger("id");
        JsonObject root = partition(first, available(m, first), false);
        root.put(
                "filesystem",
                new JsonObject().put("fstype", "ext4").put("mount_point", "/").put("mount_options", ""));
        first.getJsonArray("partitions").add(root);
    }

    /** {@code PartitionTable.get_overhead_size}, {@code models/partitiontable.py:81-92}: 4 MiB + 1 MiB, +1 MiB bios_grub on amd64 without UEFI, +8 MiB PReP on ppc64el. */
    static long overhead(SimMachine m) {
        long extra = 5 * MIB;
        if (m.architecture.startsWith("ppc64el")) {
            extra += 8 * MIB;
        } else if (m.architecture.startsWith("amd64") && !"uefi".equals(m.hardware.bootMethod())) {
            extra += MIB;
        }
        return extra;
    }

    /** {@code PartitionTable.get_available_size}, {@code models/partitiontable.py:109-115}: rounded down to 4 MiB. */
    static long available(SimMachine m, JsonObject disk) {
        return roundDown(disk.getLong("size") - used(disk) - overhead(m));
    }

    private static long used(JsonObject disk) {
        return disk.getJsonArray("partitions").stream()
                .mapToLong(p -> ((JsonObject) p).getLong("size"))
                .sum();
    }

    static long roundDown(long size) {
        return Math.max(0, size / ALIGN * ALIGN);
    }

    /** The JSON MAAS renders, with {@code used_size}/{@code available_size} as {@code BlockDevice} computes them (table overhead counts as used). */
    static JsonObject render(JsonObject d) {
        JsonObject out = d.copy();
        long size = d.getLong("size");
        JsonArray parts = d.getJsonArray("partitions", new JsonArray());
        long used =
                d.getJsonObject("filesystem") != null ? size : parts.isEmpty() ? 0 : Math.min(size, used(d) + 5 * MIB);
        return out.put("used_size", used)
                .put("available_size", size - used)
                .put("partition_table_type", parts.isEmpty() ? null : "GPT")
                .put("path", "/dev/disk/by-dname/" + d.getString("name"));
    }

    /** Ready only ({@code api/partitions.py:140-143}); size rounded down to 4 MiB, one block of slack ({@code models/partition.py:239-280}). */
    private JsonObject createPartition(Exchange x) {
        SimMachine m = machines.machine(x.group("system_id"));
        JsonObject disk = byId(m.blockDevices, x.intGroup("device_id"), "BlockDevice");
        if (!m.is("Ready")) {
            throw new SimError(409, "Cannot create partition because the node is not Ready.");
        }
        long size = x.param("size") == null ? available(m, disk) : roundDown(Long.parseLong(x.param("size")));
        if (size < ALIGN) {
            throw new SimError(400, "{\"size\": [\"Ensure this value is greater than or equal to " + ALIGN + ".\"]}");
        }
        long free = available(m, disk);
        if (free < size) {
            if (free < size - disk.getInteger("block_size")) {
                throw new SimError(
                        400, "{\"size\": [\"Partition cannot be saved; not enough free space on the block device.\"]}");
            }
            size -= disk.getInteger("block_size");
        }
        JsonObject p = partition(disk, size, "true".equalsIgnoreCase(x.param("bootable")));
        disk.getJsonArray("partitions").add(p);
        return p;
    }

    private JsonObject partition(JsonObject disk, long size, boolean bootable) {
        int n = disk.getJsonArray("partitions").size() + 1;
        return new JsonObject()
                .put("id", ids.next())
                .put("device_id", disk.getInteger("id"))
                .put("name", disk.getString("name") + "-part" + n)
                .put("type", "partition")
                .put("size", size)
                .put("bootable", bootable)
                .put("filesystem", (Object) null);
    }

    /** Ready only, {@code api/partitions.py:247-250}. */
    private Object deletePartition(Exchange x) {
        SimMachine m = machines.machine(x.group("system_id"));
        JsonObject p = partition(x);
        if (!m.is("Ready")) {
            throw new SimError(409, "Cannot delete block device because the node is not Ready.");
        }
        if (p.getJsonObject("filesystem") != null
                && "lvm-pv".equals(p.getJsonObject("filesystem").getString("fstype"))) {
            throw new SimError(400, "Cannot delete partition because its part of a volume group.");
        }
        device(x)
                .getJsonArray("partitions")
                .getList()
                .removeIf(o -> asJson(o).getInteger("id").equals(p.getInteger("id")));
        return null;
    }

    /** Ready (admin) or Allocated, {@code api/partitions.py:53-66} and {@code api/blockdevices.py:58-71}. */
    private static void formatState(Exchange x, SimMachine m, String what, String op) {
        if (!m.is("Ready", "Allocated")) {
            String noun = what.equals("partition") ? "node" : "machine";
            throw new SimError(
                    409, "Cannot " + op + " " + what + " because the " + noun + " is not Ready or Allocated.");
        }
        if (m.is("Ready") && !x.admin()) {
            throw new SimError(
                    403,
                    "Cannot " + op + " " + what + " because you don't have the permissions on a Ready "
                            + (what.equals("partition") ? "node." : "machine."));
        }
    }

    private JsonObject format(Exchange x, String what, JsonObject target) {
        formatState(x, machines.machine(x.group("system_id")), what, "format");
        JsonObject fs = new JsonObject().put("fstype", x.required("fstype")).put("mount_point", (Object) null);
        target.put("filesystem", fs);
        return target;
    }

    private JsonObject mount(Exchange x, String what, JsonObject target) {
        formatState(x, machines.machine(x.group("system_id")), what, "mount");
        JsonObject fs = target.getJsonObject("filesystem");
        if (fs == null) {
            throw new SimError(400, "{\"__all__\": [\"Cannot mount an unformatted " + what + ".\"]}");
        }
        fs.put("mount_point", x.required("mount_point")).put("mount_options", x.param("mount_options"));
        return target;
    }

    /** Ready only, physical devices only: {@code api/blockdevices.py:686-730}. */
    private JsonObject setBootDisk(Exchange x) {
        SimMachine m = machines.machine(x.group("system_id"));
        JsonObject d = device(x);
        if (!m.is("Ready")) {
            throw new SimError(409, "Cannot set as boot disk because the machine is not Ready.");
        }
        if (!"physical".equals(d.getString("type"))) {
            throw new SimError(400, "Cannot set a " + d.getString("type") + " block device as the boot disk.");
        }
        m.bootDiskId = d.getInteger("id");
        return render(d);
    }

    private JsonObject device(Exchange x) {
        SimMachine m = machines.machine(x.group("system_id"));
        String id = x.group("device_id") != null ? x.group("device_id") : x.group("id");
        return m.blockDevices.stream()
                .filter(d -> String.valueOf(d.getInteger("id")).equals(id)
                        || d.getString("name").equals(id))
                .findFirst()
                .orElseThrow(() -> new SimError(404, "No BlockDevice matches the given query."));
    }

    private JsonObject partition(Exchange x) {
        return byId(
                device(x).getJsonArray("partitions").stream()
                        .map(SimStorage::asJson)
                        .toList(),
                x.intGroup("id"),
                "Partition");
    }

    static JsonObject asJson(Object o) {
        return (JsonObject) o;
    }

    static JsonObject byId(List<JsonObject> list, int id, String kind) {
        return new ArrayList<>(list)
                .stream()
                        .filter(o -> o.getInteger("id") == id)
                        .findFirst()
                        .orElseThrow(() -> new SimError(404, "No " + kind + " matches the given query."));
    }
}
