package io.slipway.drivers.spi.node;

import java.util.List;
import java.util.Map;

/**
 * Everything a bootstrapper needs about one node, compiled from the design (all inheritance applied).
 *
 * @param name the hostname
 * @param domain DNS domain of the primary network
 * @param bootMac PXE MAC address, when the design gives one
 * @param oobType / oobAddress / oobParameters how the node's BMC is reached (bootstrappers that
 *     drive power themselves need it)
 * @param labels the design's {@code owner_data}
 * @param deviceAliases the HardwareProfile's {@code device_aliases}; interface slaves and disk names may
 *     name them, and a bootstrapper resolves them against the node's {@link Inventory} ({@link DeviceAliases})
 * @param sshKeys authorized keys for the deployed OS (the region's)
 * @param dnsServers name servers, primary network's first, in design order, without duplicates
 * @param routes static routes of the node's networks (the default route of the primary network included)
 * @param designRevision the design revision the spec was compiled from (0 = not from a stored revision)
 */
public record NodeSpec(
        String name,
        String domain,
        String bootMac,
        String oobType,
        String oobAddress,
        Map<String, String> oobParameters,
        String rack,
        List<Nic> interfaces,
        Storage storage,
        Platform platform,
        List<String> tags,
        Map<String, String> labels,
        List<DeviceAlias> deviceAliases,
        List<String> sshKeys,
        List<String> dnsServers,
        List<Route> routes,
        long designRevision) {

    public NodeSpec {
        deviceAliases = deviceAliases == null ? List.of() : List.copyOf(deviceAliases);
        sshKeys = sshKeys == null ? List.of() : List.copyOf(sshKeys);
        dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /** A spec without device aliases, SSH keys, DNS servers or static routes. */
    public NodeSpec(
            String name,
            String domain,
            String bootMac,
            String oobType,
            String oobAddress,
            Map<String, String> oobParameters,
            String rack,
            List<Nic> interfaces,
            Storage storage,
            Platform platform,
            List<String> tags,
            Map<String, String> labels) {
        this(
                name,
                domain,
                bootMac,
                oobType,
                oobAddress,
                oobParameters,
                rack,
                interfaces,
                storage,
                platform,
                tags,
                labels,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0);
    }

    /**
     * A hardware alias: {@code busType} {@code pci} (address {@code [dddd:]bb:dd.f}) or {@code scsi} (address
     * {@code host:channel.target.lun} as Drydock writes it, or {@code H:C:T:L}); {@code devType} is the
     * design's free-text device description.
     */
    public record DeviceAlias(String alias, String busType, String address, String devType) {}

    /** A static route on {@code network}: {@code subnet} (CIDR) via {@code gateway}. */
    public record Route(String network, String subnet, String gateway, int metric) {}

    /**
     * An interface: a plain NIC (one slave) or a bond ({@code bondMode} set, two or more slaves).
     * Slaves are device names or hardware aliases resolved by the bootstrapper.
     */
    public record Nic(
            String name,
            List<String> slaves,
            String bondMode,
            Map<String, String> bondOptions,
            int mtu,
            List<Attachment> networks) {}

    /**
     * A network on an interface; {@code vlan} null = untagged; {@code address} is an IP, {@code dhcp}
     * or null (link only).
     */
    public record Attachment(
            String network, String vlan, String cidr, String address, String gateway, int mtu, boolean primary) {}

    public record Storage(List<Disk> disks, List<VolumeGroup> volumeGroups) {}

    /** A disk with partitions, or wholly a physical volume of {@code volumeGroup}. */
    public record Disk(String name, String volumeGroup, List<Partition> partitions) {}

    /** Sizes keep the design's notation ({@code 30g}, {@code >100g}, {@code 25%}). */
    public record Partition(String name, String size, boolean bootable, String volumeGroup, Filesystem filesystem) {}

    public record VolumeGroup(String name, List<LogicalVolume> logicalVolumes) {}

    public record LogicalVolume(String name, String size, Filesystem filesystem) {}

    public record Filesystem(String mountpoint, String fstype, String options) {}

    /** {@code kernelCommandLine} is rendered from the design's kernel parameters. */
    public record Platform(String image, String kernel, String kernelCommandLine) {}
}
