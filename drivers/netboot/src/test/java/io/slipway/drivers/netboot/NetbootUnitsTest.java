package io.slipway.drivers.netboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.drivers.spi.node.NodeSpecs;
import io.slipway.drivers.spi.node.SiteSpec;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The netboot driver's pure parts: settings, ranges, the dnsmasq configuration, the image registry, jobs. */
class NetbootUnitsTest {

    @Test
    void settingsNameEveryMissingKeyAndNeverDeriveTheNodeUrlFromTheBindAddress() {
        assertThatThrownBy(() -> NetbootConfig.from(new JsonObject().put("bind", "0.0.0.0")))
                .hasMessageContaining("baseUrl (the URL nodes reach the boot listener at")
                .hasMessageContaining("artefactsDir (")
                .hasMessageContaining("imagesDir (");
        NetbootConfig c = NetbootConfig.from(new JsonObject()
                .put("bind", "0.0.0.0")
                .put("baseUrl", "http://10.0.0.5:8480/")
                .put("artefactsDir", "/a")
                .put("imagesDir", "/i")
                .put("pxeNetworks", "pxe, prov")
                .put("deployTimeoutS", 60));
        assertThat(c.baseUrl()).isEqualTo("http://10.0.0.5:8480");
        assertThat(c.bind()).isEqualTo("0.0.0.0");
        assertThat(c.pxeNetworks()).containsExactly("pxe", "prov");
        assertThat(c.deployTimeoutMs()).isEqualTo(60_000);
        assertThat(new NetbootNodeDriverProvider()
                        .check(new JsonObject().put("baseUrl", "ftp://x").put("port", -1)))
                .contains(
                        "drivers.node.netboot.baseUrl: must be an http:// or https:// URL, not ftp://x",
                        "drivers.node.netboot.artefactsDir: required",
                        "drivers.node.netboot.imagesDir: required");
    }

    @Test
    void rangesFollowRfc9110ForOneRange() {
        assertThat(FileResponses.range(null, 100)).containsExactly(0, 99, 0);
        assertThat(FileResponses.range("bytes=10-19", 100)).containsExactly(10, 19, 1);
        assertThat(FileResponses.range("bytes=90-", 100)).containsExactly(90, 99, 1);
        assertThat(FileResponses.range("bytes=-5", 100)).containsExactly(95, 99, 1);
        assertThat(FileResponses.range("bytes=50-500", 100)).containsExactly(50, 99, 1);
        assertThat(FileResponses.range("bytes=0-1,5-6", 100)).containsExactly(0, 99, 0);
        assertThat(FileResponses.range("bytes=100-", 100)).isNull();
        assertThat(FileResponses.range("bytes=9-3", 100)).isNull();
        assertThat(FileResponses.range("bytes=99999999999999999999-", 100)).isNull();
    }

    @Test
    void dnsmasqAnswersOnlyAsProxyDhcpOnThePxeNetworks() {
        String conf = DnsmasqConfig.render(NodeSpecs.site(), "http://172.16.0.5:8480", "/srv/tftp", List.of());
        assertThat(conf)
                .contains(
                        "port=0\n",
                        "dhcp-range=set:pxe,172.16.0.0,proxy,255.255.255.0\n",
                        "pxe-service=tag:!ipxe,x86PC,\"iPXE (BIOS)\",undionly.kpxe\n",
                        "pxe-service=tag:!ipxe,X86-64_EFI,\"iPXE (UEFI)\",ipxe.efi\n",
                        "pxe-service=tag:ipxe,x86PC,\"Slipway\",http://172.16.0.5:8480/boot/ipxe\n",
                        "tftp-root=/srv/tftp\n")
                .doesNotContain("172.16.10.0")
                .doesNotContain("dhcp-range=172");
        SiteSpec noPxe = new SiteSpec("s", List.of(), List.of(), List.of());
        assertThatThrownBy(() -> DnsmasqConfig.render(noPxe, "http://x", "/t", List.of()))
                .hasMessageContaining("no PXE network");
        assertThat(DnsmasqConfig.netmask(22)).isEqualTo("255.255.252.0");
    }

    @Test
    void imagesAreRegisteredWithTheirHashAndCheckedAgainstIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("os.img.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("an operating system".getBytes());
        }
        ImageRegistry reg = new ImageRegistry(dir.resolve("images"));
        ImageRegistry.Image img = reg.add("focal", file, "gzip");

        assertThat(img.sha256()).isEqualTo(ImageRegistry.sha256(file)).hasSize(64);
        assertThat(Files.exists(dir.resolve("images/os.img.gz"))).isTrue();
        assertThat(reg.list()).containsExactly(img);
        assertThat(reg.problem(img)).isNull();
        Files.writeString(dir.resolve("images/os.img.gz"), "tampered");
        assertThat(reg.problem(img)).contains("has sha256").contains("registered " + img.sha256());
        assertThatThrownBy(() -> reg.add("plain", dir.resolve("images/os.img.gz"), "gzip"))
                .hasMessageContaining("not gzip");
        assertThatThrownBy(() -> reg.add("../x", file, "raw")).hasMessageContaining("must be letters");
    }

    @Test
    void aJobHandsItsAgentOverWithoutItsOutcomeOrInstalledOsToken() {
        Job inspect = Job.create("n1", "inspect", 1)
                .withAgentToken("h1")
                .withBootServed(2)
                .withAgentSeen(3);
        Job standby = inspect.failed("x").handOver("standby", 4);
        assertThat(standby.id()).isNotEqualTo(inspect.id());
        assertThat(standby.agentTokens()).containsExactly("h1");
        assertThat(standby.state()).isEqualTo("running");
        assertThat(standby.error()).isNull();
        assertThat(Job.fromJson(standby.forDeploy("os", new JsonObject().put("name", "jammy"))
                        .toJson()))
                .isEqualTo(standby.forDeploy("os", new JsonObject().put("name", "jammy")));
        assertThat(BootRoutes.mac("52-54-00-AB-cd-01")).isEqualTo("52:54:00:ab:cd:01");
        assertThat(BootRoutes.mac("52:54:00")).isNull();
    }
}
