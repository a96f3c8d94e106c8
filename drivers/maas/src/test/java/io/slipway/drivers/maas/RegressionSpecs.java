package io.slipway.drivers.maas;

import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpec.Attachment;
import io.slipway.drivers.spi.node.NodeSpec.Disk;
import io.slipway.drivers.spi.node.NodeSpec.Nic;
import io.slipway.drivers.spi.node.NodeSpec.Platform;
import io.slipway.drivers.spi.node.NodeSpec.Storage;
import io.slipway.drivers.spi.node.SiteSpec;
import io.slipway.drivers.spi.node.SiteSpec.NetworkSpec;
import io.slipway.drivers.spi.node.SiteSpec.Range;
import io.slipway.drivers.spi.node.SiteSpec.Route;
import java.util.List;
import java.util.Map;

/**
 * Inputs of the regression tests, each shaped like what the engine compiles from a Drydock design: the PXE
 * network MAAS discovered from its rack, an untagged management network and a tagged one, BMC credentials
 * under the engine's keys ({@code account}/{@code credential}).
 */
final class RegressionSpecs {
    static final String PXE_CIDR = "10.21.0.0/24";

    private RegressionSpecs() {}

    static SiteSpec site() {
        NetworkSpec pxe = new NetworkSpec(
                "pxe",
                PXE_CIDR,
                null,
                1500,
                List.of(new Range("dhcp", "10.21.0.100", "10.21.0.200")),
                List.of(),
                null,
                List.of(),
                null);
        NetworkSpec mgmt = new NetworkSpec(
                "mgmt",
                "10.22.0.0/24",
                null,
                1500,
                List.of(new Range("static", "10.22.0.10", "10.22.0.250")),
                List.of(new Route("0.0.0.0/0", "10.22.0.1", 100)),
                null,
                List.of("10.22.0.2"),
                null);
        NetworkSpec priv = new NetworkSpec(
                "private",
                "10.23.0.0/24",
                "201",
                1500,
                List.of(new Range("static", "10.23.0.10", "10.23.0.250")),
                List.of(),
                null,
                List.of(),
                null);
        return new SiteSpec("reg", List.of(pxe, mgmt, priv), List.of(), List.of());
    }

    static String mac(int index) {
        return String.format("52:54:00:00:00:%02x", index);
    }

    /** A node with {@code nics} and {@code storage}; its BMC is 10.20.0.{index}. */
    static NodeSpec node(int index, List<Nic> nics, Storage storage) {
        return new NodeSpec(
                String.format("reg%02d", index),
                "lab.example.net",
                mac(index),
                "ipmi",
                "10.20.0." + index,
                Map.of("account", "admin", "credential", "lab-secret", "network", "oob"),
                "rack1",
                nics,
                storage,
                new Platform("jammy", "ga-22.04", "console=ttyS1,115200"),
                List.of(),
                Map.of("role", "compute"));
    }

    static NodeSpec node(int index) {
        return node(index, List.of(), null);
    }

    static Attachment pxe(String address) {
        return new Attachment("pxe", null, PXE_CIDR, address, null, 1500, false);
    }

    static Attachment mgmt(int index) {
        return new Attachment("mgmt", null, "10.22.0.0/24", "10.22.0." + (10 + index), "10.22.0.1", 1500, true);
    }

    static Attachment priv(int index) {
        return new Attachment("private", "201", "10.23.0.0/24", "10.23.0." + (10 + index), null, 1500, false);
    }

    static Storage disk(String name, NodeSpec.Partition... partitions) {
        return new Storage(List.of(new Disk(name, null, List.of(partitions))), List.of());
    }
}
