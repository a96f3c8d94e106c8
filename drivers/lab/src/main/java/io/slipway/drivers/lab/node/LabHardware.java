package io.slipway.drivers.lab.node;

import io.slipway.drivers.spi.node.HardwareManifest;
import io.slipway.drivers.spi.node.NodeSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hardware of a simulated node, derived only from its spec so that every run of a demo or test
 * sees the same machine: CPUs and memory from the name, one NIC per interface slave (the first one
 * carrying the boot MAC), one disk per storage disk.
 */
final class LabHardware {

    private static final long GIB = 1L << 30;

    private LabHardware() {}

    /** An lshw-like JSON document ({@code lshw -json} shape, abridged) with a summary. */
    static HardwareManifest lshw(NodeSpec node) {
        int seed = node.name().hashCode() & 0x7fffffff;
        int cpus = 8 << (seed % 4); // 8, 16, 32 or 64
        long memoryMib = cpus * 4096L;
        List<String> nics = nicNames(node);
        List<NodeSpec.Disk> disks =
                node.storage() == null ? List.of() : node.storage().disks();
        JsonArray devices = new JsonArray();
        for (int i = 0; i < nics.size(); i++) {
            devices.add(nic(
                    nics.get(i), i == 0 && node.bootMac() != null ? node.bootMac() : mac(node.name(), nics.get(i))));
        }
        disks.forEach(d -> devices.add(disk(d)));
        JsonObject core = new JsonObject()
                .put("id", "core")
                .put("class", "bus")
                .put(
                        "children",
                        new JsonArray()
                                .add(cpu(cpus))
                                .add(memory(memoryMib))
                                .add(new JsonObject()
                                        .put("id", "pci")
                                        .put("class", "bridge")
                                        .put("children", devices)));
        JsonObject system = new JsonObject()
                .put("id", node.name())
                .put("class", "system")
                .put("vendor", "Slipway Lab")
                .put("product", "Lab Machine L" + cpus)
                .put("serial", serial(node.name()))
                .put("children", new JsonArray().add(core));
        Map<String, String> summary = new TreeMap<>();
        summary.put("cpus", Integer.toString(cpus));
        summary.put("memory_mib", Long.toString(memoryMib));
        summary.put("nics", Integer.toString(nics.size()));
        summary.put("disks", Integer.toString(disks.size()));
        summary.put("serial", serial(node.name()));
        return new HardwareManifest("lshw", "json", system.encodePrettily(), Map.copyOf(summary));
    }

    /** A locally administered MAC derived from node and device name. */
    static String mac(String node, String device) {
        int h = (node + "/" + device).hashCode();
        return String.format("52:54:00:%02x:%02x:%02x", (h >> 16) & 0xff, (h >> 8) & 0xff, h & 0xff);
    }

    static String serial(String node) {
        return String.format("LAB%08X", node.hashCode());
    }

    /** Interface slaves in spec order, each once (a NIC can carry several interfaces' VLANs). */
    private static List<String> nicNames(NodeSpec node) {
        Set<String> names = new LinkedHashSet<>();
        if (node.interfaces() != null) {
            node.interfaces().forEach(i -> names.addAll(i.slaves() == null ? List.of(i.name()) : i.slaves()));
        }
        return new ArrayList<>(names);
    }

    private static JsonObject nic(String name, String mac) {
        return new JsonObject()
                .put("id", "network:" + name)
                .put("class", "network")
                .put("logicalname", name)
                .put("serial", mac)
                .put("capacity", 10_000_000_000L)
                .put("configuration", new JsonObject().put("link", "yes").put("driver", "lab-nic"));
    }

    private static JsonObject disk(NodeSpec.Disk disk) {
        return new JsonObject()
                .put("id", "disk:" + disk.name())
                .put("class", "disk")
                .put("logicalname", disk.name().startsWith("/dev/") ? disk.name() : "/dev/" + disk.name())
                .put("size", 480 * GIB)
                .put("units", "bytes")
                .put("serial", serial(disk.name()));
    }

    private static JsonObject cpu(int cpus) {
        return new JsonObject()
                .put("id", "cpu:0")
                .put("class", "processor")
                .put("product", "Lab CPU")
                .put(
                        "configuration",
                        new JsonObject()
                                .put("cores", Integer.toString(cpus / 2))
                                .put("threads", Integer.toString(cpus)));
    }

    private static JsonObject memory(long mib) {
        return new JsonObject()
                .put("id", "memory")
                .put("class", "memory")
                .put("size", mib * 1024 * 1024)
                .put("units", "bytes");
    }
}
