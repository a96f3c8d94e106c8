package io.slipway.drivers.maas;

import io.slipway.drivers.maas.api.MaasClient;
import io.slipway.drivers.maas.api.Machine;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.DeviceAliases;
import io.slipway.drivers.spi.node.NodeSpec.Disk;
import io.slipway.drivers.spi.node.NodeSpec.Filesystem;
import io.slipway.drivers.spi.node.NodeSpec.LogicalVolume;
import io.slipway.drivers.spi.node.NodeSpec.Storage;
import io.slipway.drivers.spi.node.NodeSpec.VolumeGroup;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/** A machine's storage as MAAS holds it: block devices (with partitions) and volume groups. */
final class StorageLayout {
    private final MaasClient client;
    private final Machine machine;
    private final JsonArray devices;
    private final JsonArray volumeGroups;
    private final DeviceAliases.Resolution aliases;

    private StorageLayout(
            MaasClient client,
            Machine machine,
            JsonArray devices,
            JsonArray volumeGroups,
            DeviceAliases.Resolution aliases) {
        this.client = client;
        this.machine = machine;
        this.devices = devices;
        this.volumeGroups = volumeGroups;
        this.aliases = aliases;
    }

    static Future<StorageLayout> read(MaasClient client, Machine m, DeviceAliases.Resolution aliases) {
        return client.getArray(m.nodePath("blockdevices/"))
                .compose(devices -> client.getArray(m.nodePath("volume-groups/"))
                        .map(vgs -> new StorageLayout(client, m, devices, vgs, aliases)));
    }

    /** The block device the design's {@code name} (kernel name or alias) stands for; fails {@code REFUSED} when there is none. */
    JsonObject device(String name) {
        String kernel = Manifests.device(aliases, name, machine);
        JsonObject d = JsonLists.find(devices, "name", kernel);
        if (d == null) {
            throw new DriverException(
                    Kind.REFUSED,
                    false,
                    "disk " + name + (kernel.equals(name) ? "" : " (" + kernel + ")") + " not found on machine "
                            + machine.systemId());
        }
        return d;
    }

    /** The block device {@code name} stands for, or null when it names nothing on the machine. */
    private JsonObject find(String name) {
        String kernel = aliases.unresolved().containsKey(name) ? null : aliases.deviceName(name);
        return kernel == null ? null : JsonLists.find(devices, "name", kernel);
    }

    /** Whether every partition, volume group and logical volume of {@code wanted} is in place, mounted as asked. */
    boolean matches(Storage wanted) {
        for (Disk disk : Nulls.list(wanted.disks())) {
            JsonObject d = find(disk.name());
            JsonArray parts = d == null ? null : d.getJsonArray("partitions", new JsonArray());
            if (parts == null || parts.size() != Nulls.list(disk.partitions()).size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                Filesystem fs = disk.partitions().get(i).filesystem();
                if (disk.partitions().get(i).volumeGroup() == null && !same(fs, parts.getJsonObject(i))) {
                    return false;
                }
            }
        }
        return Nulls.list(wanted.volumeGroups()).stream().allMatch(this::present);
    }

    private boolean present(VolumeGroup vg) {
        JsonObject actual = JsonLists.find(volumeGroups, "name", vg.name());
        if (actual == null) {
            return false;
        }
        JsonArray lvs = actual.getJsonArray("logical_volumes", new JsonArray());
        for (LogicalVolume lv : Nulls.list(vg.logicalVolumes())) {
            JsonObject found = JsonLists.find(lvs, "name", lv.name());
            found = found != null ? found : JsonLists.find(lvs, "name", vg.name() + "-" + lv.name());
            if (found == null || !same(lv.filesystem(), found)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Filesystem wanted, JsonObject device) {
        JsonObject fs = device.getJsonObject("filesystem");
        if (wanted == null || wanted.fstype() == null) {
            return fs == null;
        }
        return fs != null
                && wanted.fstype().equals(fs.getString("fstype"))
                && Objects.equals(wanted.mountpoint(), fs.getString("mount_point"));
    }

    /** Deletes every volume group, then the partitions of the disks {@code wanted} names. */
    Future<Void> clear(Storage wanted) {
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < volumeGroups.size(); i++) {
            String path = machine.nodePath(
                    "volume-group/" + volumeGroups.getJsonObject(i).getInteger("id") + "/");
            chain = chain.compose(x -> client.delete(path));
        }
        for (Disk disk : Nulls.list(wanted.disks())) {
            JsonObject d = device(disk.name());
            JsonArray parts = d.getJsonArray("partitions", new JsonArray());
            for (int i = parts.size() - 1; i >= 0; i--) {
                String path = machine.nodePath("blockdevices/" + d.getInteger("id") + "/partition/"
                        + parts.getJsonObject(i).getInteger("id"));
                chain = chain.compose(x -> client.delete(path));
            }
        }
        return chain;
    }
}
