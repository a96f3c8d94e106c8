package io.slipway.engine.design;

import io.slipway.engine.design.model.BaremetalNode;
import io.slipway.engine.design.model.Filesystem;
import io.slipway.engine.design.model.HostInterface;
import io.slipway.engine.design.model.HostProfile;
import io.slipway.engine.design.model.HostSpec;
import io.slipway.engine.design.model.LogicalVolume;
import io.slipway.engine.design.model.Partition;
import io.slipway.engine.design.model.PhysicalDevice;
import io.slipway.engine.design.model.Storage;
import io.slipway.engine.design.model.VolumeGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds {@code HostProfile} and {@code BaremetalNode} documents. Removal markers ({@code !name}
 * keys, or an interface set to {@code null}) are kept as entries named {@code !name} for the
 * inheritance step to apply.
 */
final class HostBinder {
    private static final String[] COMMON = {
        "host_profile", "hardware_profile", "primary_network", "oob", "storage", "interfaces", "platform", "metadata"
    };

    private HostBinder() {}

    static HostProfile profile(Fields d) {
        d.only(COMMON);
        return new HostProfile(d.ctx().ref(), d.ctx().ref().name(), spec(d));
    }

    static BaremetalNode node(Fields d) {
        String[] allowed = java.util.Arrays.copyOf(COMMON, COMMON.length + 1);
        allowed[COMMON.length] = "addressing";
        d.only(allowed);
        List<BaremetalNode.Address> addressing = d.list("addressing", a -> {
            a.only("address", "network");
            return new BaremetalNode.Address(a.string("network"), a.string("address"));
        });
        if (addressing == null || addressing.isEmpty() && d.ctx().schemaErrors().isEmpty()) {
            d.ctx()
                    .schemaError(
                            d.raw("addressing"),
                            d.path() + ".addressing",
                            "a BaremetalNode needs at least 1 assigned address");
        }
        Fields meta = d.object("metadata");
        String bootMac = meta == null ? null : meta.string("boot_mac");
        return new BaremetalNode(
                d.ctx().ref(), d.ctx().ref().name(), spec(d), addressing == null ? List.of() : addressing, bootMac);
    }

    private static HostSpec spec(Fields d) {
        Fields oob = d.object("oob");
        String oobType = null;
        Map<String, String> oobParams = new LinkedHashMap<>();
        if (oob != null) {
            for (String k : oob.keys()) {
                if (k.equals("type")) {
                    oobType = oob.string("type");
                } else {
                    oobParams.put(k, oob.text(k));
                }
            }
        }
        Fields platform = d.object("platform");
        String image = null;
        String kernel = null;
        Map<String, String> kernelParams = Map.of();
        if (platform != null) {
            platform.only("image", "kernel", "kernel_params");
            image = platform.string("image");
            kernel = platform.string("kernel");
            kernelParams = SiteBinder.orEmpty(platform.textMap("kernel_params"));
        }
        Fields meta = d.object("metadata");
        List<String> tags = List.of();
        Map<String, String> ownerData = Map.of();
        String rack = null;
        if (meta != null) {
            meta.only("tags", "owner_data", "rack", "boot_mac");
            tags = SiteBinder.orEmpty(meta.strings("tags"));
            ownerData = SiteBinder.orEmpty(meta.textMap("owner_data"));
            rack = meta.string("rack");
        }
        return new HostSpec(
                d.string("host_profile"),
                d.string("hardware_profile"),
                d.string("primary_network"),
                oobType,
                oobParams,
                storage(d.object("storage")),
                interfaces(d),
                image,
                kernel,
                kernelParams,
                tags,
                ownerData,
                rack);
    }

    private static List<HostInterface> interfaces(Fields d) {
        Map<String, Fields> ifaces = d.objects("interfaces");
        if (ifaces == null) {
            return null;
        }
        List<HostInterface> out = new ArrayList<>();
        ifaces.forEach((name, i) -> {
            if (i == null || name.startsWith("!")) {
                out.add(new HostInterface(
                        name.startsWith("!") ? name : "!" + name, null, null, null, null, null, Map.of()));
                return;
            }
            Integer vfCount = null;
            Boolean trusted = null;
            Fields sriov = i.object("sriov");
            if (sriov != null) {
                sriov.only("vf_count", "trustedmode", "trustmode");
                vfCount = sriov.integer("vf_count");
                trusted = sriov.has("trustedmode") ? sriov.bool("trustedmode") : sriov.bool("trustmode");
            }
            out.add(new HostInterface(
                    name,
                    i.string("device_link"),
                    i.strings("slaves"),
                    i.strings("networks"),
                    vfCount,
                    trusted,
                    SiteBinder.orEmpty(i.textMap("labels"))));
        });
        return out;
    }

    private static Storage storage(Fields s) {
        if (s == null) {
            return null;
        }
        s.only("physical_devices", "volume_groups");
        List<PhysicalDevice> devices = new ArrayList<>();
        Map<String, Fields> devs = s.objects("physical_devices");
        if (devs != null) {
            devs.forEach((name, dev) -> devices.add(device(name, dev)));
        }
        List<VolumeGroup> vgs = new ArrayList<>();
        Map<String, Fields> groups = s.objects("volume_groups");
        if (groups != null) {
            groups.forEach((name, vg) -> {
                if (vg == null) {
                    vgs.add(new VolumeGroup(name, null, null));
                    return;
                }
                vg.only("vg_uuid", "logical_volumes");
                vgs.add(new VolumeGroup(name, vg.string("vg_uuid"), vg.list("logical_volumes", HostBinder::volume)));
            });
        }
        return new Storage(devices, vgs);
    }

    private static PhysicalDevice device(String name, Fields dev) {
        if (dev == null) {
            return new PhysicalDevice(name, null, Map.of(), null);
        }
        dev.only("labels", "volume_group", "partitions");
        return new PhysicalDevice(
                name,
                dev.string("volume_group"),
                SiteBinder.orEmpty(dev.textMap("labels")),
                dev.list("partitions", HostBinder::partition));
    }

    private static Partition partition(Fields p) {
        p.only("name", "size", "part_uuid", "volume_group", "labels", "bootable", "filesystem");
        return new Partition(
                p.string("name"),
                p.text("size"),
                p.string("part_uuid"),
                p.string("volume_group"),
                SiteBinder.orEmpty(p.textMap("labels")),
                p.bool("bootable"),
                filesystem(p.object("filesystem")));
    }

    private static LogicalVolume volume(Fields lv) {
        lv.only("name", "lv_uuid", "size", "filesystem");
        return new LogicalVolume(
                lv.string("name"), lv.string("lv_uuid"), lv.text("size"), filesystem(lv.object("filesystem")));
    }

    private static Filesystem filesystem(Fields f) {
        if (f == null) {
            return null;
        }
        f.only("mountpoint", "fstype", "mount_options", "fs_uuid", "fs_label");
        String fstype = f.string("fstype");
        String options = f.string("mount_options");
        return new Filesystem(
                f.string("mountpoint"),
                fstype == null ? "ext4" : fstype,
                options == null ? "defaults" : options,
                f.string("fs_uuid"),
                f.string("fs_label"));
    }
}
