package io.slipway.engine.effective;

import io.slipway.engine.design.model.BaremetalNode.Address;
import io.slipway.engine.design.model.Filesystem;
import io.slipway.engine.design.model.HostInterface;
import io.slipway.engine.design.model.LogicalVolume;
import io.slipway.engine.design.model.Partition;
import io.slipway.engine.design.model.PhysicalDevice;
import io.slipway.engine.design.model.VolumeGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an {@link EffectiveNode} back into a {@code drydock/BaremetalNode/v1} document with every
 * inherited field written out, for {@code slipway design show --effective}.
 */
public final class EffectiveDocuments {
    private EffectiveDocuments() {}

    public static Map<String, Object> node(EffectiveNode n) {
        Map<String, Object> data = new LinkedHashMap<>();
        put(data, "hardware_profile", n.hardwareProfile());
        put(data, "primary_network", n.spec().primaryNetwork());
        Map<String, Object> oob = new LinkedHashMap<>();
        put(oob, "type", n.oobType());
        oob.putAll(n.oobParameters());
        put(data, "oob", oob);
        put(data, "storage", storage(n));
        Map<String, Object> ifaces = new LinkedHashMap<>();
        for (HostInterface i : n.interfaces()) {
            ifaces.put(i.name(), iface(i));
        }
        put(data, "interfaces", ifaces);
        Map<String, Object> platform = new LinkedHashMap<>();
        put(platform, "image", n.image());
        put(platform, "kernel", n.kernel());
        put(platform, "kernel_params", n.kernelParams());
        put(platform, "kernel_cmdline", KernelParams.commandLine(n.kernelParams()));
        put(data, "platform", platform);
        List<Map<String, String>> addressing = new ArrayList<>();
        for (Address a : n.addressing()) {
            addressing.add(Map.of("network", a.network(), "address", a.address()));
        }
        data.put("addressing", addressing);
        Map<String, Object> meta = new LinkedHashMap<>();
        put(meta, "rack", n.rack());
        put(meta, "tags", n.tags());
        put(meta, "owner_data", n.ownerData());
        put(meta, "boot_mac", n.bootMac());
        put(data, "metadata", meta);
        Map<String, Object> compiled = new LinkedHashMap<>();
        compiled.put("fqdn", n.fqdn());
        compiled.put("profile_chain", n.profileChain());
        compiled.put("boot_actions", n.bootActions());
        compiled.put("source", n.doc().source());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", "drydock/BaremetalNode/v1");
        doc.put("metadata", Map.of("schema", "metadata/Document/v1", "name", n.name()));
        doc.put("data", data);
        doc.put("compiled", compiled);
        return doc;
    }

    /** The node's kernel command line, rendered from its resolved kernel parameters. */
    public static String commandLine(EffectiveNode n) {
        return KernelParams.commandLine(n.kernelParams());
    }

    private static Map<String, Object> storage(EffectiveNode n) {
        Map<String, Object> devs = new LinkedHashMap<>();
        for (PhysicalDevice d : n.storage().devices()) {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "volume_group", d.volumeGroup());
            put(m, "labels", d.labels());
            if (d.partitions() != null && !d.partitions().isEmpty()) {
                m.put(
                        "partitions",
                        d.partitions().stream()
                                .map(EffectiveDocuments::partition)
                                .toList());
            }
            devs.put(d.name(), m);
        }
        Map<String, Object> vgs = new LinkedHashMap<>();
        for (VolumeGroup vg : n.storage().volumeGroups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "vg_uuid", vg.vgUuid());
            if (vg.logicalVolumes() != null) {
                m.put(
                        "logical_volumes",
                        vg.logicalVolumes().stream()
                                .map(EffectiveDocuments::volume)
                                .toList());
            }
            vgs.put(vg.name(), m);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        put(s, "physical_devices", devs);
        put(s, "volume_groups", vgs);
        return s;
    }

    private static Map<String, Object> partition(Partition p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        put(m, "size", p.size());
        put(m, "part_uuid", p.partUuid());
        put(m, "volume_group", p.volumeGroup());
        put(m, "labels", p.labels());
        put(m, "bootable", p.bootable());
        put(m, "filesystem", fs(p.filesystem()));
        return m;
    }

    private static Map<String, Object> volume(LogicalVolume lv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", lv.name());
        put(m, "size", lv.size());
        put(m, "lv_uuid", lv.lvUuid());
        put(m, "filesystem", fs(lv.filesystem()));
        return m;
    }

    private static Map<String, Object> fs(Filesystem f) {
        if (f == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "mountpoint", f.mountpoint());
        put(m, "fstype", f.fstype());
        put(m, "mount_options", f.mountOptions());
        put(m, "fs_uuid", f.fsUuid());
        put(m, "fs_label", f.fsLabel());
        return m;
    }

    private static Map<String, Object> iface(HostInterface i) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "device_link", i.deviceLink());
        put(m, "slaves", i.slaves());
        put(m, "networks", i.networks());
        if (i.vfCount() != null || i.trustedMode() != null) {
            Map<String, Object> sriov = new LinkedHashMap<>();
            put(sriov, "vf_count", i.vfCount());
            put(sriov, "trustedmode", i.trustedMode());
            m.put("sriov", sriov);
        }
        put(m, "labels", i.labels());
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        boolean empty = value == null
                || value instanceof Map<?, ?> map && map.isEmpty()
                || value instanceof List<?> list && list.isEmpty();
        if (!empty) {
            m.put(key, value);
        }
    }
}
