package io.slipway.drivers.spi.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a HardwareProfile's {@code device_aliases} to the interface and disk names a node reports
 * ({@link Inventory}). Pure and thread-safe. A {@code pci} alias names the NIC at that PCI address, or the
 * single disk behind it (NVMe, virtio); a {@code scsi} alias names the disk at that SCSI address. Anything
 * else stays unresolved, with the reason an operator needs.
 */
public final class DeviceAliases {
    private static final Pattern PCI =
            Pattern.compile("(?:([0-9a-f]{1,4}):)?([0-9a-f]{1,2}):([0-9a-f]{1,2})\\.([0-7])");
    private static final Pattern SCSI = Pattern.compile("(\\d+)[:.](\\d+)[:.](\\d+)[:.](\\d+)");

    private DeviceAliases() {}

    /**
     * The outcome of a resolution.
     *
     * @param resolved alias to interface or disk name, in the aliases' order
     * @param unresolved alias to the reason it did not resolve
     */
    public record Resolution(Map<String, String> resolved, Map<String, String> unresolved) {

        public Resolution {
            resolved = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resolved));
            unresolved = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unresolved));
        }

        /** The device name {@code nameOrAlias} stands for: the resolved name of an alias, else itself. */
        public String deviceName(String nameOrAlias) {
            return resolved.getOrDefault(nameOrAlias, nameOrAlias);
        }
    }

    /** Resolves every alias against {@code inventory}. */
    public static Resolution resolve(List<NodeSpec.DeviceAlias> aliases, Inventory inventory) {
        Map<String, String> resolved = new LinkedHashMap<>();
        Map<String, String> unresolved = new LinkedHashMap<>();
        for (NodeSpec.DeviceAlias a : aliases) {
            String bus = a.busType() == null ? "" : a.busType().toLowerCase(Locale.ROOT);
            String outcome = switch (bus) {
                case "pci" -> pci(a, inventory);
                case "scsi" -> scsi(a, inventory);
                default -> "!bus type '" + a.busType() + "' is not supported (pci or scsi)";
            };
            if (outcome.startsWith("!")) {
                unresolved.put(a.alias(), outcome.substring(1));
            } else {
                resolved.put(a.alias(), outcome);
            }
        }
        return new Resolution(resolved, unresolved);
    }

    /** {@code [dddd:]bb:dd.f} in canonical form {@code dddd:bb:dd.f}, or null when it is not a PCI address. */
    public static String pciAddress(String address) {
        Matcher m = address == null ? null : PCI.matcher(address.trim().toLowerCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            return null;
        }
        int domain = m.group(1) == null ? 0 : Integer.parseInt(m.group(1), 16);
        return String.format(
                "%04x:%02x:%02x.%s",
                domain, Integer.parseInt(m.group(2), 16), Integer.parseInt(m.group(3), 16), m.group(4));
    }

    /** {@code H:C:T:L} from Drydock's {@code H:C.T.L} or sysfs's {@code H:C:T:L}, or null. */
    public static String scsiAddress(String address) {
        Matcher m = address == null ? null : SCSI.matcher(address.trim());
        if (m == null || !m.matches()) {
            return null;
        }
        return Integer.parseInt(m.group(1)) + ":" + Integer.parseInt(m.group(2)) + ":" + Integer.parseInt(m.group(3))
                + ":" + Integer.parseInt(m.group(4));
    }

    private static String pci(NodeSpec.DeviceAlias a, Inventory inv) {
        String want = pciAddress(a.address());
        if (want == null) {
            return "!'" + a.address() + "' is not a PCI address (dddd:bb:dd.f)";
        }
        List<String> nics = inv.nics().stream()
                .filter(n -> want.equals(pciAddress(n.pci())))
                .map(Inventory.Nic::name)
                .toList();
        if (nics.size() == 1) {
            return nics.get(0);
        }
        if (nics.size() > 1) {
            return "!several interfaces at PCI " + want + ": " + String.join(", ", nics);
        }
        List<String> disks = inv.disks().stream()
                .filter(d -> want.equals(diskPci(d)))
                .map(Inventory.Disk::name)
                .toList();
        if (disks.size() == 1) {
            return disks.get(0);
        }
        if (disks.size() > 1) {
            return "!several disks behind PCI " + want + " (" + String.join(", ", disks) + "): use a scsi alias";
        }
        return "!no interface or disk at PCI " + want + "; interfaces found at "
                + inv.nics().stream().map(n -> n.name() + "=" + n.pci()).toList() + ", disks at "
                + inv.disks().stream().map(d -> d.name() + "=" + diskPci(d)).toList();
    }

    /** A disk's PCI address: its own, else the one its {@code by-path} name starts with ({@code pci-0000:00:04.0...}). */
    private static String diskPci(Inventory.Disk d) {
        String own = pciAddress(d.pci());
        if (own != null || d.byPath() == null || !d.byPath().startsWith("pci-")) {
            return own;
        }
        String rest = d.byPath().substring(4);
        int end = rest.indexOf('-');
        return pciAddress(end < 0 ? rest : rest.substring(0, end));
    }

    /** A disk's SCSI address: its own, else the one at the end of its {@code by-path} name ({@code ...-scsi-0:2:0:0}). */
    private static String diskScsi(Inventory.Disk d) {
        String own = scsiAddress(d.scsi());
        if (own != null || d.byPath() == null || !d.byPath().contains("-scsi-")) {
            return own;
        }
        return scsiAddress(d.byPath().substring(d.byPath().lastIndexOf("-scsi-") + 6));
    }

    private static String scsi(NodeSpec.DeviceAlias a, Inventory inv) {
        String want = scsiAddress(a.address());
        if (want == null) {
            return "!'" + a.address() + "' is not a SCSI address (host:channel.target.lun)";
        }
        List<String> disks = inv.disks().stream()
                .filter(d -> want.equals(diskScsi(d)))
                .map(Inventory.Disk::name)
                .toList();
        if (disks.size() == 1) {
            return disks.get(0);
        }
        return disks.isEmpty()
                ? "!no disk at SCSI " + want + "; disks found at "
                        + inv.disks().stream()
                                .map(d -> d.name() + "=" + diskScsi(d))
                                .toList()
                : "!several disks at SCSI " + want + ": " + String.join(", ", disks);
    }
}
