package io.slipway.api.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.drivers.netboot.NocloudSeed;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.node.Inventory;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.engine.rules.RuleBook;
import io.slipway.engine.site.SiteModel;
import io.slipway.engine.site.SiteModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The NoCloud seed of lab-site nodes, rendered from the compiled design and an inventory like the agent's. */
class NocloudLabSiteTest {
    private static SiteModel lab;

    /** ctl01's hardware as the agent reports it: the gen10 profile's PCI and SCSI addresses. */
    private static final Inventory CTL01 = Inventory.parse("""
      {"nics":[{"name":"eno1","mac":"52:54:00:00:00:0b","pci":"0000:02:00.0","driver":"tg3","link":true},
               {"name":"ens5f0","mac":"b8:59:9f:00:00:10","pci":"0000:5d:00.0","driver":"mlx5_core","link":true},
               {"name":"ens5f1","mac":"b8:59:9f:00:00:11","pci":"0000:5d:00.1","driver":"mlx5_core","link":true}],
       "disks":[{"name":"sda","size_bytes":480103981056,"model":"LOGICAL VOLUME","scsi":"0:2:0:0","pci":"0000:5c:00.0"}],
       "cpu":{"count":88,"model":"Xeon"},"memory_kib":394000000,"dmi":{"vendor":"HPE","product":"ProLiant DL360 Gen10"}}
      """);

    @BeforeAll
    static void compile() throws Exception {
        Path root = Path.of(System.getProperty("slipway.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        if (!Files.exists(root.resolve("site-examples"))) {
            root = root.getParent();
        }
        lab = new SiteModels(RuleBook.compile(root.resolve("rules/validation")), false)
                .compile(7, "lab-site.yaml", Files.readString(root.resolve("site-examples/lab-site.yaml")));
    }

    @Test
    void networkConfigMatchesNicsByMacWithTheBondVlansAddressesRoutesAndDns() {
        String nc = NocloudSeed.networkConfig(lab.nodeSpecs().get("ctl01"), CTL01);
        assertThat(nc).isEqualTo("""
        version: 2
        ethernets:
          pxe:
            match:
              macaddress: "52:54:00:00:00:0b"
            set-name: pxe
            mtu: 1500
            dhcp4: true
          ens5f0:
            match:
              macaddress: "b8:59:9f:00:00:10"
            set-name: ens5f0
            mtu: 9000
            dhcp4: false
          ens5f1:
            match:
              macaddress: "b8:59:9f:00:00:11"
            set-name: ens5f1
            mtu: 9000
            dhcp4: false
        bonds:
          bond0:
            interfaces: [ens5f0, ens5f1]
            mtu: 9000
            parameters:
              mode: 802.3ad
              down-delay: 200
              lacp-rate: fast
              mii-monitor-interval: 100
              up-delay: 200
              transmit-hash-policy: layer3+4
            dhcp4: false
            addresses: [10.22.0.11/24]
            routes:
              - to: 0.0.0.0/0
                via: 10.22.0.1
                metric: 100
            nameservers:
              addresses: [10.22.0.2, 10.22.0.3]
              search: [mgmt.lab.example.net]
        vlans:
          bond0.202:
            id: 202
            link: bond0
            mtu: 1500
            dhcp4: false
            addresses: [192.0.2.11/24]
          bond0.201:
            id: 201
            link: bond0
            mtu: 9000
            dhcp4: false
            addresses: [10.23.0.11/24]
        """);
    }

    @Test
    void metaDataNamesTheNodeAndTheRevision() {
        assertThat(NocloudSeed.metaData(lab.nodeSpecs().get("ctl01")))
                .isEqualTo("instance-id: ctl01-7\nlocal-hostname: ctl01\n");
    }

    @Test
    void userDataCarriesKeysKernelParametersAndTheFirstBootScript() {
        NodeSpec ctl01 = lab.nodeSpecs().get("ctl01");
        String ud = NocloudSeed.userData(
                ctl01,
                "http://198.51.100.100",
                "tok3n",
                "ab".repeat(32),
                Map.of("motd", "6f1c1e4e-0000-4000-8000-000000000001"));
        assertThat(ud)
                .startsWith("Content-Type: multipart/mixed; boundary=\"==slipway-seed==\"\nMIME-Version: 1.0\n")
                .contains("Content-Type: text/cloud-config; charset=\"utf-8\"")
                .contains(
                        "ssh_authorized_keys:\n  - \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFlhYnNpdGVvcGVyYXRvcmtleWZvcmV4YW1wbGVz operator@lab\"")
                .contains("GRUB_CMDLINE_LINUX_DEFAULT=\"$GRUB_CMDLINE_LINUX_DEFAULT console=ttyS1,115200")
                .contains("Content-Type: text/x-shellscript; charset=\"utf-8\"")
                .contains("BASE='http://198.51.100.100'\nNODE='ctl01'\nKEY='" + "ab".repeat(32) + "'\nTOKEN='tok3n'\n")
                .contains("ACTIONS='6f1c1e4e-0000-4000-8000-000000000001'")
                .contains("--header \"Authorization: Bearer $TOKEN\"")
                .contains("\"$BASE/agent/v1/booted\"")
                .endsWith("--==slipway-seed==--\n");
    }

    @Test
    void aDeviceMissingFromTheInventoryIsRefusedNamingTheInterface() {
        Inventory oneNic = Inventory.parse("""
        {"nics":[{"name":"eno1","mac":"52:54:00:00:00:0b","pci":"0000:02:00.0"}],"disks":[]}""");
        assertThatThrownBy(() -> NocloudSeed.networkConfig(lab.nodeSpecs().get("ctl01"), oneNic))
                .isInstanceOf(DriverException.class)
                .hasMessageStartingWith(
                        "interface bond0: device data_nic1 is not in the node's inventory (alias unresolved: "
                                + "no interface or disk at PCI 0000:5d:00.0");
    }
}
