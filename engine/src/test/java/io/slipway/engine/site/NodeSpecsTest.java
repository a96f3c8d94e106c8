package io.slipway.engine.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.engine.TestDesigns;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class NodeSpecsTest {

    private static SiteModel lab() throws Exception {
        String yaml = Files.readString(TestDesigns.repoRoot().resolve("site-examples/lab-site.yaml"));
        return new SiteModels(TestDesigns.rules(), false).compile(1, "lab-site.yaml", yaml);
    }

    @Test
    void specCarriesAliasesKeysDnsRoutesAndBondOptions() throws Exception {
        NodeSpec ctl01 = lab().nodeSpecs().get("ctl01");

        assertThat(ctl01.deviceAliases())
                .contains(
                        new NodeSpec.DeviceAlias("pxe_nic", "pci", "0000:02:00.0", "BCM5720"),
                        new NodeSpec.DeviceAlias("bootdisk", "scsi", "0:2.0.0", "Smart Array P408i"));
        assertThat(ctl01.designRevision()).isEqualTo(1);
        assertThat(ctl01.sshKeys())
                .containsExactly(
                        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFlhYnNpdGVvcGVyYXRvcmtleWZvcmV4YW1wbGVz operator@lab");
        assertThat(ctl01.dnsServers()).startsWith("10.22.0.2", "10.22.0.3").doesNotHaveDuplicates();
        assertThat(ctl01.routes()).contains(new NodeSpec.Route("mgmt", "0.0.0.0/0", "10.22.0.1", 100));
        assertThat(ctl01.routes())
                .noneMatch(r -> r.network().equals("public") && r.subnet().equals("0.0.0.0/0"));
        NodeSpec.Nic bond = ctl01.interfaces().stream()
                .filter(i -> i.bondMode() != null)
                .findFirst()
                .orElseThrow();
        assertThat(bond.bondMode()).isEqualTo("802.3ad");
        assertThat(bond.bondOptions())
                .containsEntry("xmit_hash_policy", "layer3+4")
                .containsEntry("lacp_rate", "fast")
                .containsEntry("miimon", "100")
                .containsEntry("updelay", "200")
                .containsEntry("downdelay", "200");
    }
}
