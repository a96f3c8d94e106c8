package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.Forms;
import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.maas.api.Machine;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpec.Disk;
import io.slipway.drivers.spi.node.NodeSpec.Filesystem;
import io.slipway.drivers.spi.node.NodeSpec.LogicalVolume;
import io.slipway.drivers.spi.node.NodeSpec.Partition;
import io.slipway.drivers.spi.node.NodeSpec.VolumeGroup;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a node's storage on a Ready machine (MAAS allows partition, VG and LV changes only then). Disks
 * are named by kernel name or design alias ({@link Manifests#resolve}). When MAAS's layout already matches
 * the design ({@link StorageLayout#matches}) nothing is sent; otherwise the boot disk is set to the disk
 * holding {@code /}, the layout is cleared (volume groups, then partitions of the design's disks) and built
 * again: partitions sized with MAAS's arithmetic ({@link Sizes}), {@code op=format} and {@code op=mount} on
 * {@code partition/<id>} (MAAS's route has no trailing slash), volume groups, logical volumes.
 */
final class StorageApplier {
    private final MaasClient client;
    private final Manifests manifests;

    StorageApplier(MaasClient client, Manifests manifests) {
        this.client = client;
        this.manifests = manifests;
    }

    Future<Void> apply(Machine m, NodeSpec node) {
        if (node.storage() == null) {
            return Future.succeededFuture();
        }
        return manifests
                .resolve(m, node)
                .compose(aliases -> StorageLayout.read(client, m, aliases))
                .compose(layout -> layout.matches(node.storage())
                        ? Future.succeededFuture()
                        : bootDisk(m, node, layout)
                                .compose(x -> layout.clear(node.storage()))
                                .compose(x -> build(m, node, layout)));
    }

    /** MAAS installs the boot loader on its boot disk: make it the disk that holds {@code /} ({@code op=set_boot_disk}). */
    private Future<Void> bootDisk(Machine m, NodeSpec node, StorageLayout layout) {
        Disk root = Nulls.list(node.storage().disks()).stream()
                .filter(d -> Nulls.list(d.partitions()).stream()
                        .anyMatch(p -> p.filesystem() != null
                                && "/".equals(p.filesystem().mountpoint())))
                .findFirst()
                .orElseGet(() -> rootVolumeGroupDisk(node));
        if (root == null) {
            return Future.succeededFuture();
        }
        JsonObject device = layout.device(root.name());
        JsonObject current = m.raw().getJsonObject("boot_disk");
        if (current != null && device.getInteger("id").equals(current.getInteger("id"))) {
            return Future.succeededFuture();
        }
        return client.post(m.nodePath("blockdevices/" + device.getInteger("id") + "/"), "set_boot_disk", Forms.of())
                .mapEmpty();
    }

    /** The first disk of the volume group holding {@code /}, when the root is a logical volume. */
    private static Disk rootVolumeGroupDisk(NodeSpec node) {
        String vg = Nulls.list(node.storage().volumeGroups()).stream()
                .filter(g -> Nulls.list(g.logicalVolumes()).stream()
                        .anyMatch(lv -> lv.filesystem() != null
                                && "/".equals(lv.filesystem().mountpoint())))
                .map(VolumeGroup::name)
                .findFirst()
                .orElse(null);
        return vg == null
                ? null
                : Nulls.list(node.storage().disks()).stream()
                        .filter(d -> vg.equals(d.volumeGroup())
                                || Nulls.list(d.partitions()).stream().anyMatch(p -> vg.equals(p.volumeGroup())))
                        .findFirst()
                        .orElse(null);
    }

    private Future<Void> build(Machine m, NodeSpec node, StorageLayout layout) {
        Map<String, List<String>> pvParts = new HashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (Disk disk : Nulls.list(node.storage().disks())) {
            chain = chain.compose(x -> partitions(m, disk, layout.device(disk.name()), pvParts));
        }
        for (VolumeGroup vg : Nulls.list(node.storage().volumeGroups())) {
            chain = chain.compose(x -> volumeGroup(m, node, vg, layout, pvParts));
        }
        return chain;
    }

    private Future<Void> partitions(Machine m, Disk disk, JsonObject device, Map<String, List<String>> pvParts) {
        long size = device.getLong("size");
        long[] used = {0};
        String base = m.nodePath("blockdevices/" + device.getInteger("id") + "/");
        Future<Void> chain = Future.succeededFuture();
        for (Partition p : Nulls.list(disk.partitions())) {
            chain = chain.compose(x -> {
                long bytes = Sizes.bytes(
                        p.size(), size, Sizes.partitionSpace(size, used[0], m), disk.name() + "/" + p.name());
                used[0] += bytes;
                return client.post(
                                base + "partitions/",
                                null,
                                Forms.of("size", String.valueOf(bytes), "bootable", String.valueOf(p.bootable())))
                        .map(o -> ((JsonObject) o).getInteger("id"))
                        .compose(pid -> {
                            if (p.volumeGroup() != null) {
                                pvParts.computeIfAbsent(p.volumeGroup(), k -> new ArrayList<>())
                                        .add(String.valueOf(pid));
                                return Future.succeededFuture();
                            }
                            return formatAndMount(base + "partition/" + pid, p.filesystem());
                        });
            });
        }
        return chain;
    }

    private Future<Void> volumeGroup(
            Machine m, NodeSpec node, VolumeGroup vg, StorageLayout layout, Map<String, List<String>> pvParts) {
        var form = Forms.of("name", vg.name());
        Nulls.list(node.storage().disks()).stream()
                .filter(d -> vg.name().equals(d.volumeGroup()))
                .forEach(d -> form.add(
                        "block_devices", String.valueOf(layout.device(d.name()).getInteger("id"))));
        pvParts.getOrDefault(vg.name(), List.of()).forEach(p -> form.add("partitions", p));
        if (form.getAll("block_devices").isEmpty() && form.getAll("partitions").isEmpty()) {
            return Future.failedFuture(
                    new DriverException(Kind.REFUSED, false, "volume group " + vg.name() + " has no devices"));
        }
        return client.post(m.nodePath("volume-groups/"), null, form)
                .map(o -> (JsonObject) o)
                .compose(created -> {
                    long total = created.getLong("size", 0L);
                    long[] free = {created.getLong("available_size", total)};
                    String vgPath = m.nodePath("volume-group/" + created.getInteger("id") + "/");
                    Future<Void> chain = Future.succeededFuture();
                    for (LogicalVolume lv : Nulls.list(vg.logicalVolumes())) {
                        chain = chain.compose(x -> {
                            long bytes = Sizes.bytes(lv.size(), total, free[0], vg.name() + "/" + lv.name());
                            free[0] -= bytes;
                            return client.post(
                                            vgPath,
                                            "create_logical_volume",
                                            Forms.of("name", lv.name(), "size", String.valueOf(bytes)))
                                    .compose(o -> formatAndMount(
                                            m.nodePath("blockdevices/" + ((JsonObject) o).getInteger("id") + "/"),
                                            lv.filesystem()));
                        });
                    }
                    return chain;
                });
    }

    private Future<Void> formatAndMount(String path, Filesystem fs) {
        if (fs == null || fs.fstype() == null) {
            return Future.succeededFuture();
        }
        Future<Object> formatted = client.post(path, "format", Forms.of("fstype", fs.fstype()));
        return fs.mountpoint() == null
                ? formatted.mapEmpty()
                : formatted
                        .compose(x -> client.post(
                                path, "mount", Forms.of("mount_point", fs.mountpoint(), "mount_options", fs.options())))
                        .mapEmpty();
    }
}
