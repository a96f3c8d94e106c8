package io.slipway.drivers.maas.sim;

import java.util.List;

/**
 * What commissioning finds in a simulated machine: NICs by kernel name and PCI address, disks by
 * kernel name and SCSI (or PCI, for NVMe) address, and the firmware's boot method ({@code uefi} or
 * {@code pxe}, MAAS's {@code bios_boot_method}). Kernel names differ between machines of one model
 * (udev naming follows firmware and slot), so designs must name devices by alias, as Drydock's did.
 */
public record SimHardware(String bootMethod, List<NicHw> nics, List<DiskHw> disks) {
    public static final long GIB = 1L << 30;

    public record NicHw(String name, String pci, String product) {}

    /** {@code bus} is {@code scsi} or {@code pci}. */
    public record DiskHw(String name, String bus, String address, long size, String model) {}

    private static final String[][] NIC_NAMES = {
        {"eno1", "enp94s0f0np0", "enp94s0f1np1", "enp175s0f0np0", "enp175s0f1np1"},
        {"eno1np0", "ens1f0np0", "ens1f1np1", "ens2f0np0", "ens2f1np1"},
        {"enp2s0f0", "enp93s0f0", "enp93s0f1", "enp175s0f0", "enp175s0f1"}
    };

    /**
     * An HPE DL380 Gen10 as {@code site-examples/lab-site.yaml}'s {@code gen10} profile describes it
     * (same PCI and SCSI addresses); {@code variant} picks one of three kernel naming schemes.
     */
    public static SimHardware gen10(int variant) {
        String[] n = NIC_NAMES[Math.floorMod(variant, NIC_NAMES.length)];
        return new SimHardware(
                "uefi",
                List.of(
                        new NicHw(n[0], "0000:02:00.0", "NetXtreme BCM5720 Gigabit Ethernet PCIe"),
                        new NicHw(n[1], "0000:5d:00.0", "MT28800 Family [ConnectX-5 Ex]"),
                        new NicHw(n[2], "0000:5d:00.1", "MT28800 Family [ConnectX-5 Ex]"),
                        new NicHw(n[3], "0000:af:00.0", "MT28800 Family [ConnectX-5 Ex]"),
                        new NicHw(n[4], "0000:af:00.1", "MT28800 Family [ConnectX-5 Ex]")),
                List.of(
                        new DiskHw("sda", "scsi", "0:2.0.0", 447 * GIB + (100L << 20), "LOGICAL VOLUME"),
                        new DiskHw("sdb", "scsi", "0:2.1.0", 1788 * GIB, "LOGICAL VOLUME"),
                        new DiskHw("sdc", "scsi", "0:2.2.0", 1788 * GIB, "LOGICAL VOLUME")));
    }

    private static final String[][] DELL_NICS = {
        {"eno1", "eno2", "ens2f0", "ens2f1"}, {"eno1np0", "eno2np1", "enp59s0f0", "enp59s0f1"}
    };

    /**
     * A Dell R740/R750 as {@code site-examples/generated-500.yaml}'s {@code r740}/{@code r750} profiles describe it:
     * X710 ports at 0000:19:00.0/.1 and 0000:3b:00.0/.1, PERC H740 disks at SCSI 0:2.0.0 … 0:2.2.0.
     */
    public static SimHardware dellR740(int variant) {
        String[] n = DELL_NICS[Math.floorMod(variant, DELL_NICS.length)];
        String x710 = "Ethernet Controller X710 for 10GbE SFP+";
        return new SimHardware(
                "uefi",
                List.of(
                        new NicHw(n[0], "0000:19:00.0", x710),
                        new NicHw(n[1], "0000:19:00.1", x710),
                        new NicHw(n[2], "0000:3b:00.0", x710),
                        new NicHw(n[3], "0000:3b:00.1", x710)),
                List.of(
                        new DiskHw("sda", "scsi", "0:2.0.0", 558 * GIB, "PERC H740P Mini"),
                        new DiskHw("sdb", "scsi", "0:2.1.0", 3576 * GIB, "PERC H740P Mini"),
                        new DiskHw("sdc", "scsi", "0:2.2.0", 3576 * GIB, "PERC H740P Mini")));
    }

    /** A small server booting BIOS/PXE with two onboard NICs ({@code eno1}, {@code eno2}) and two disks. */
    public static SimHardware onboard() {
        return new SimHardware(
                "pxe",
                List.of(
                        new NicHw("eno1", "0000:01:00.0", "I350 Gigabit Network Connection"),
                        new NicHw("eno2", "0000:01:00.1", "I350 Gigabit Network Connection")),
                List.of(
                        new DiskHw("sda", "scsi", "0:0.0.0", 480 * GIB, "SAMSUNG MZ7LH480"),
                        new DiskHw("sdb", "scsi", "1:0.0.0", 960 * GIB, "SAMSUNG MZ7LH960")));
    }

    /** The MAC of NIC {@code index}: the boot MAC for the first, the boot MAC with its third octet set for the others. */
    static String mac(String bootMac, int index) {
        if (index == 0) {
            return bootMac.toLowerCase();
        }
        String[] o = bootMac.toLowerCase().split(":");
        o[2] = String.format("%02x", (Integer.parseInt(o[2], 16) + index) & 0xff);
        return String.join(":", o);
    }
}
