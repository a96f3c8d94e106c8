package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.node.DeviceAliases;
import io.slipway.drivers.spi.node.Inventory;
import io.slipway.drivers.spi.node.NodeSpec;
import io.vertx.core.json.JsonObject;

/**
 * What deploying a node means, computed from its spec, its inventory and the image registry: the image
 * (name, sha256, format, size, URL), the root disk, the NoCloud {@code meta-data} and {@code network-config},
 * the kernel parameters and the alias resolution. Pure and deterministic (same inputs, equal plan), so
 * {@code apply} can store it any number of times; the {@code user-data} carrying secrets is rendered only
 * when the job is handed to the agent.
 */
record DeployPlan(
        String node,
        long revision,
        ImageRegistry.Image image,
        String imageUrl,
        String rootDisk,
        String metaData,
        String networkConfig,
        String cloudConfig,
        String kernelParams,
        DeviceAliases.Resolution aliases) {

    static DeployPlan of(NodeSpec spec, Inventory inv, ImageRegistry.Image image, String baseUrl) {
        String imageName = spec.platform() == null ? null : spec.platform().image();
        if (image == null) {
            throw new DriverException(
                    DriverException.Kind.REFUSED,
                    false,
                    "image " + imageName + " of " + spec.name()
                            + " is not registered (slipway netboot image add --images-dir IMAGES_DIR " + imageName
                            + " FILE --format raw|gzip)");
        }
        DeviceAliases.Resolution aliases = DeviceAliases.resolve(spec.deviceAliases(), inv);
        String root = rootDisk(spec, inv, aliases);
        String meta = NocloudSeed.metaData(spec);
        return new DeployPlan(
                spec.name(),
                spec.designRevision(),
                image,
                baseUrl + "/boot/images/" + image.name(),
                root,
                meta,
                NetworkConfig.render(spec, inv, aliases),
                UserData.cloudConfig(spec),
                spec.platform() == null ? null : spec.platform().kernelCommandLine(),
                aliases);
    }

    /** The design's first disk (bootable partition first), alias resolved; without storage, the inventory's first disk. */
    static String rootDisk(NodeSpec spec, Inventory inv, DeviceAliases.Resolution aliases) {
        var disks = spec.storage() == null
                ? java.util.List.<NodeSpec.Disk>of()
                : spec.storage().disks();
        NodeSpec.Disk chosen = disks.stream()
                .filter(d -> d.partitions().stream().anyMatch(NodeSpec.Partition::bootable))
                .findFirst()
                .orElse(disks.isEmpty() ? null : disks.get(0));
        if (chosen == null) {
            if (inv.disks().isEmpty()) {
                throw new DriverException(DriverException.Kind.REFUSED, false, spec.name() + " reported no disks");
            }
            return inv.disks().get(0).name();
        }
        String name = aliases.deviceName(chosen.name());
        if (inv.disks().stream().noneMatch(d -> d.name().equals(name))) {
            String why = aliases.unresolved().get(chosen.name());
            throw new DriverException(
                    DriverException.Kind.REFUSED,
                    false,
                    "root disk " + chosen.name() + " of " + spec.name()
                            + " is not in its inventory"
                            + (why == null
                                    ? " (disks: "
                                            + inv.disks().stream()
                                                    .map(Inventory.Disk::name)
                                                    .toList() + ")"
                                    : " (alias unresolved: " + why + ")"));
        }
        return name;
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("node", node)
                .put("design_revision", revision)
                .put("image", image.toJson().put("url", imageUrl))
                .put("root_disk", rootDisk)
                .put("meta-data", metaData)
                .put("network-config", networkConfig)
                .put("cloud-config", cloudConfig)
                .put("kernel_params", kernelParams)
                .put(
                        "aliases",
                        new JsonObject()
                                .put("resolved", new JsonObject(new java.util.LinkedHashMap<>(aliases.resolved())))
                                .put(
                                        "unresolved",
                                        new JsonObject(new java.util.LinkedHashMap<>(aliases.unresolved()))));
    }
}
