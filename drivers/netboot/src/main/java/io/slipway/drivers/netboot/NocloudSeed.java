package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.node.DeviceAliases;
import io.slipway.drivers.spi.node.Inventory;
import io.slipway.drivers.spi.node.NodeSpec;
import java.util.Map;

/**
 * The cloud-init NoCloud seed the netboot driver gives a node ({@code meta-data}, {@code network-config}
 * v2, {@code user-data}), rendered from its spec and inventory. Pure; for tests and tools. The {@code
 * user-data} carries the node's secrets: never log it.
 */
public final class NocloudSeed {
    private NocloudSeed() {}

    public static String metaData(NodeSpec spec) {
        return "instance-id: " + spec.name() + "-" + spec.designRevision() + "\nlocal-hostname: " + spec.name() + "\n";
    }

    /** Fails with a {@code REFUSED} DriverException naming the interface whose device is not in the inventory. */
    public static String networkConfig(NodeSpec spec, Inventory inventory) {
        return NetworkConfig.render(spec, inventory, DeviceAliases.resolve(spec.deviceAliases(), inventory));
    }

    public static String userData(
            NodeSpec spec, String baseUrl, String osToken, String bootActionKey, Map<String, String> actionIds) {
        return UserData.render(UserData.cloudConfig(spec), spec.name(), baseUrl, osToken, bootActionKey, actionIds);
    }
}
