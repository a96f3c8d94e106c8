package io.slipway.drivers.spi.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.drivers.spi.node.NodeSpec.DeviceAlias;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceAliasesTest {

    /** What the netboot agent reported from a qemu VM with two NICs, a virtio disk and a SCSI controller. */
    static final String AGENT_JSON = """
      {"nics":[{"name":"eth0","mac":"52:54:00:12:34:56","pci":"0000:00:03.0","driver":"virtio_net","link":true,"speed_mbps":-1},
               {"name":"ens5f1","mac":"52:54:00:12:34:57","pci":"0000:5d:00.1","driver":"mlx5_core","link":false}],
       "disks":[{"name":"vda","size_bytes":2147483648,"model":"","serial":"","by_path":"pci-0000:00:04.0","pci":"0000:00:04.0","scsi":null,"rotational":true},
                {"name":"sda","size_bytes":480103981056,"model":"LOGICAL VOLUME","serial":"PDNLH0BRH9","by_path":"pci-0000:5c:00.0-scsi-0:2:0:0","pci":"0000:5c:00.0","scsi":"0:2:0:0","rotational":false},
                {"name":"sdb","size_bytes":480103981056,"model":"LOGICAL VOLUME","serial":"PDNLH0BRH8","by_path":"pci-0000:5c:00.0-scsi-0:2:1:0","pci":"0000:5c:00.0","scsi":"0:2:1:0","rotational":false}],
       "cpu":{"count":1,"model":"QEMU Virtual CPU version 2.5+"},"memory_kib":250000,"dmi":{"vendor":"QEMU","product":"Standard PC (i440FX + PIIX, 1996)","serial":""}}
      """;

    private final Inventory inventory = Inventory.parse(AGENT_JSON);

    @Test
    void pciAliasesNameTheInterfaceAtThatAddressWithOrWithoutDomain() {
        var r = DeviceAliases.resolve(
                List.of(
                        new DeviceAlias("pxe_nic", "pci", "0000:00:03.0", "virtio"),
                        new DeviceAlias("data_nic2", "PCI", "5d:00.1", "ConnectX-5")),
                inventory);

        assertThat(r.resolved())
                .containsExactly(java.util.Map.entry("pxe_nic", "eth0"), java.util.Map.entry("data_nic2", "ens5f1"));
        assertThat(r.unresolved()).isEmpty();
        assertThat(r.deviceName("pxe_nic")).isEqualTo("eth0");
        assertThat(r.deviceName("eno1")).isEqualTo("eno1");
    }

    @Test
    void pciAliasOfASingleDiskControllerNamesTheDisk() {
        var r = DeviceAliases.resolve(
                List.of(new DeviceAlias("bootdisk", "pci", "0000:00:04.0", "virtio-blk")), inventory);

        assertThat(r.resolved()).containsEntry("bootdisk", "vda");
    }

    @Test
    void scsiAliasesInDrydockNotationNameTheDisk() {
        var r = DeviceAliases.resolve(
                List.of(
                        new DeviceAlias("bootdisk", "scsi", "0:2.0.0", "Smart Array P408i"),
                        new DeviceAlias("datadisk", "scsi", "0:2:1:0", "Smart Array P408i")),
                inventory);

        assertThat(r.resolved()).containsEntry("bootdisk", "sda").containsEntry("datadisk", "sdb");
    }

    @Test
    void everyUnresolvedAliasCarriesItsReason() {
        var r = DeviceAliases.resolve(
                List.of(
                        new DeviceAlias("gone", "pci", "0000:af:00.0", "ConnectX-5"),
                        new DeviceAlias("raid", "pci", "0000:5c:00.0", "Smart Array"),
                        new DeviceAlias("bad", "pci", "slot 3", "x"),
                        new DeviceAlias("usb", "usb", "1-1", "stick"),
                        new DeviceAlias("nodisk", "scsi", "1:0.0.0", "x")),
                inventory);

        assertThat(r.resolved()).isEmpty();
        assertThat(r.unresolved().get("gone"))
                .startsWith("no interface or disk at PCI 0000:af:00.0")
                .contains("eth0=0000:00:03.0")
                .contains("disks at [vda=0000:00:04.0, sda=0000:5c:00.0");
        assertThat(r.unresolved().get("raid"))
                .isEqualTo("several disks behind PCI 0000:5c:00.0 (sda, sdb): use a scsi alias");
        assertThat(r.unresolved().get("bad")).isEqualTo("'slot 3' is not a PCI address (dddd:bb:dd.f)");
        assertThat(r.unresolved().get("usb")).isEqualTo("bus type 'usb' is not supported (pci or scsi)");
        assertThat(r.unresolved().get("nodisk"))
                .startsWith("no disk at SCSI 1:0:0:0; disks found at [vda=null, sda=0:2:0:0");
    }

    @Test
    void aDiskWithoutAddressesIsFoundByItsByPathName() {
        Inventory byPathOnly = Inventory.parse("""
        {"nics":[],"disks":[{"name":"vdb","size_bytes":1,"by_path":"pci-0000:00:06.0"},
                            {"name":"sdc","size_bytes":1,"by_path":"pci-0000:5c:00.0-scsi-0:2:3:0"}]}""");
        var r = DeviceAliases.resolve(
                List.of(
                        new DeviceAlias("data", "pci", "00:06.0", "virtio-blk"),
                        new DeviceAlias("log", "scsi", "0:2.3.0", "raid")),
                byPathOnly);
        assertThat(r.resolved()).containsEntry("data", "vdb").containsEntry("log", "sdc");
    }

    @Test
    void addressesAreCanonicalised() {
        assertThat(DeviceAliases.pciAddress("5D:0.1")).isEqualTo("0000:5d:00.1");
        assertThat(DeviceAliases.pciAddress("0001:af:00.0")).isEqualTo("0001:af:00.0");
        assertThat(DeviceAliases.pciAddress("pci@0000:00:03.0")).isNull();
        assertThat(DeviceAliases.scsiAddress("0:2.0.0")).isEqualTo("0:2:0:0");
        assertThat(DeviceAliases.scsiAddress("2:0:0")).isNull();
    }

    @Test
    void inventoryReadsTheContractShapeAndRoundTrips() {
        assertThat(inventory.nics()).hasSize(2);
        assertThat(inventory.nics().get(0))
                .isEqualTo(new Inventory.Nic("eth0", "52:54:00:12:34:56", "0000:00:03.0", "virtio_net", true, -1));
        assertThat(inventory.disks().get(0).sizeBytes()).isEqualTo(2147483648L);
        assertThat(inventory.disks().get(0).scsi()).isNull();
        assertThat(inventory.disks().get(1).byPath()).isEqualTo("pci-0000:5c:00.0-scsi-0:2:0:0");
        assertThat(inventory.cpu()).isEqualTo(new Inventory.Cpu(1, "QEMU Virtual CPU version 2.5+"));
        assertThat(inventory.memoryKib()).isEqualTo(250000);
        assertThat(inventory.dmi()).isEqualTo(new Inventory.Dmi("QEMU", "Standard PC (i440FX + PIIX, 1996)", null));
        assertThat(inventory.nicByMac("52-54-00-12-34-57").name()).isEqualTo("ens5f1");
        assertThat(inventory.summary()).containsEntry("memory_mib", "244").containsEntry("cpus", "1");
        assertThat(Inventory.parse(inventory.toJson().encode())).isEqualTo(inventory);
    }

    @Test
    void badInventoryNamesTheField() {
        assertThatThrownBy(() -> Inventory.parse("{\"nics\":[{\"name\":\"eth0\"}]}"))
                .hasMessage("inventory: nics[0].mac is required");
        assertThatThrownBy(() -> Inventory.parse("{\"memory_kib\":\"lots\"}"))
                .hasMessageStartingWith("inventory: a field has the wrong type");
        assertThatThrownBy(() -> Inventory.parse("[1]")).hasMessageStartingWith("inventory: not a JSON object");
    }
}
