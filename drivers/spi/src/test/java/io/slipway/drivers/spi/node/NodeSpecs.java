package io.slipway.drivers.spi.node;

import io.slipway.drivers.spi.node.NodeSpec.Attachment;
import io.slipway.drivers.spi.node.NodeSpec.Disk;
import io.slipway.drivers.spi.node.NodeSpec.Filesystem;
import io.slipway.drivers.spi.node.NodeSpec.LogicalVolume;
import io.slipway.drivers.spi.node.NodeSpec.Nic;
import io.slipway.drivers.spi.node.NodeSpec.Partition;
import io.slipway.drivers.spi.node.NodeSpec.Platform;
import io.slipway.drivers.spi.node.NodeSpec.Storage;
import io.slipway.drivers.spi.node.NodeSpec.VolumeGroup;
import io.slipway.drivers.spi.node.SiteSpec.NetworkSpec;
import io.slipway.drivers.spi.node.SiteSpec.Range;
import io.slipway.drivers.spi.node.SiteSpec.Route;
import java.util.List;
import java.util.Map;

/**
 * A sample site and nodes that fit it, for driver tests: a PXE network (untagged, DHCP range) and a
 * tagged storage network; each node has a two-port bond on both, a partitioned boot disk and a
 * second disk holding a volume group.
 */
public final class NodeSpecs {
    public static final String PXE = "pxe";
    public static final String STORAGE = "storage";
    public static final String IMAGE = "jammy";
    public static final String KERNEL = "ga-22.04";

    private NodeSpecs() {}

    public static SiteSpec site() {
        NetworkSpec pxe = new NetworkSpec(
                PXE,
                "172.16.0.0/24",
                null,
                1500,
                List.of(
                        new Range("reserved", "172.16.0.1", "172.16.0.9"),
                        new Range("static", "172.16.0.10", "172.16.0.99"),
                        new Range("dhcp", "172.16.0.100", "172.16.0.200")),
                List.of(new Route("0.0.0.0/0", "172.16.0.1", 100)),
                "sw.example",
                List.of("172.16.0.2"),
                null);
        NetworkSpec storage = new NetworkSpec(
                STORAGE,
                "172.16.10.0/24",
                "110",
                9000,
                List.of(new Range("static", "172.16.10.10", "172.16.10.250")),
                List.of(),
                null,
                List.of(),
                null);
        return new SiteSpec(
                "sample",
                List.of(pxe, storage),
                List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTestsOnly operator@site"),
                List.of());
    }

    /** Node number {@code index} (1..89): distinct name, boot MAC, BMC address and IP addresses. */
    public static NodeSpec node(int index) {
        String name = String.format("node%02d", index);
        String mac = String.format("52:54:00:5a:00:%02x", index);
        Nic bond = new Nic(
                "bond0",
                List.of("eno1", "eno2"),
                "802.3ad",
                Map.of("miimon", "100", "xmit_hash_policy", "layer3+4"),
                9000,
                List.of(
                        new Attachment(
                                PXE, null, "172.16.0.0/24", "172.16.0." + (10 + index), "172.16.0.1", 1500, true),
                        new Attachment(
                                STORAGE, "110", "172.16.10.0/24", "172.16.10." + (10 + index), null, 9000, false)));
        Storage storage = new Storage(
                List.of(
                        new Disk(
                                "sda",
                                null,
                                List.of(
                                        new Partition("boot", "1g", true, null, new Filesystem("/boot", "ext4", null)),
                                        new Partition(
                                                "root", ">30g", false, null, new Filesystem("/", "ext4", "noatime")))),
                        new Disk("sdb", "data", List.of())),
                List.of(new VolumeGroup(
                        "data",
                        List.of(new LogicalVolume("var", "50g", new Filesystem("/var/lib/data", "xfs", null))))));
        return new NodeSpec(
                name,
                "sw.example",
                mac,
                "ipmi",
                "10.23.0." + (10 + index),
                Map.of("account", "admin", "credential", "secret"),
                "rack1",
                List.of(bond),
                storage,
                new Platform(IMAGE, KERNEL, "console=ttyS0,115200n8 intel_iommu=on"),
                List.of("compute"),
                Map.of("role", "compute"));
    }
}
