package io.slipway.api.maas;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.maas.sim.SimHardware;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpec.Disk;
import io.slipway.drivers.spi.node.NodeSpec.Filesystem;
import io.slipway.drivers.spi.node.NodeSpec.LogicalVolume;
import io.slipway.drivers.spi.node.NodeSpec.Partition;
import io.slipway.drivers.spi.node.NodeSpec.VolumeGroup;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A deployed machine's storage as MAAS holds it, against the node spec: design aliases resolved to the disks
 * commissioning found at their SCSI addresses, the design's partitions in order with their filesystems and mount
 * points (LVM physical volumes where the design puts a partition or a whole disk in a volume group), one block
 * device per logical volume, and MAAS's boot disk set to the disk that holds {@code /}.
 */
final class StorageHoldings {
    private static final long MIB = 1L << 20;
    private final JsonObject machine;
    private final SimHardware hardware;

    StorageHoldings(JsonObject machine, SimHardware hardware) {
        this.machine = machine;
        this.hardware = hardware;
    }

    void check(NodeSpec node) {
        for (Disk disk : node.storage().disks()) {
            JsonObject device = device(node, resolve(node, disk.name()));
            String where = node.name() + " " + disk.name() + " (" + device.getString("name") + ")";
            if (disk.partitions() == null || disk.partitions().isEmpty()) {
                assertThat(fstype(device))
                        .as(where + ": a physical volume of " + disk.volumeGroup())
                        .isEqualTo("lvm-pv");
                continue;
            }
            JsonArray parts = device.getJsonArray("partitions");
            assertThat(parts)
                    .as(where + " partitions")
                    .hasSize(disk.partitions().size());
            for (int i = 0; i < parts.size(); i++) {
                checkPartition(
                        where + " partition " + (i + 1), disk.partitions().get(i), parts.getJsonObject(i));
            }
            if (disk.partitions().stream()
                    .anyMatch(p ->
                            p.filesystem() != null && "/".equals(p.filesystem().mountpoint()))) {
                assertThat(machine.getJsonObject("boot_disk").getString("name"))
                        .as(node.name() + ": MAAS's boot disk is the root device")
                        .isEqualTo(device.getString("name"));
            }
        }
        for (VolumeGroup vg : node.storage().volumeGroups()) {
            for (LogicalVolume lv : vg.logicalVolumes()) {
                JsonObject device = device(node, vg.name() + "-" + lv.name());
                assertThat(device.getString("type")).isEqualTo("virtual");
                checkFilesystem(node.name() + " " + device.getString("name"), lv.filesystem(), device);
            }
        }
    }

    private static void checkPartition(String where, Partition spec, JsonObject part) {
        assertThat(part.getBoolean("bootable", false)).as(where + " bootable").isEqualTo(spec.bootable());
        assertThat(part.getLong("size") % (4 * MIB))
                .as(where + ": MAAS aligns partitions to 4 MiB")
                .isZero();
        if ("512mi".equals(spec.size())) {
            assertThat(part.getLong("size")).as(where + " 512mi").isEqualTo(512 * MIB);
        }
        if (spec.volumeGroup() != null) {
            assertThat(fstype(part))
                    .as(where + ": a physical volume of " + spec.volumeGroup())
                    .isEqualTo("lvm-pv");
        } else {
            checkFilesystem(where, spec.filesystem(), part);
        }
    }

    private static void checkFilesystem(String where, Filesystem spec, JsonObject device) {
        if (spec == null) {
            return;
        }
        JsonObject fs = device.getJsonObject("filesystem");
        assertThat(fs).as(where + " filesystem").isNotNull();
        assertThat(fs.getString("fstype")).as(where).isEqualTo(spec.fstype());
        assertThat(fs.getString("mount_point")).as(where).isEqualTo(spec.mountpoint());
    }

    private static String fstype(JsonObject device) {
        JsonObject fs = device.getJsonObject("filesystem");
        return fs == null ? null : fs.getString("fstype");
    }

    /** A design disk name: an alias resolved to the disk at its SCSI address, else a kernel name. */
    private String resolve(NodeSpec node, String name) {
        return node.deviceAliases().stream()
                .filter(d -> d.alias().equals(name))
                .findFirst()
                .map(d -> hardware.disks().stream()
                        .filter(x -> x.address().equals(d.address()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no disk at " + d.address()))
                        .name())
                .orElse(name);
    }

    private JsonObject device(NodeSpec node, String name) {
        return machine.getJsonArray("blockdevice_set").stream()
                .map(JsonObject.class::cast)
                .filter(d -> name.equals(d.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(node.name() + ": no block device " + name));
    }
}
