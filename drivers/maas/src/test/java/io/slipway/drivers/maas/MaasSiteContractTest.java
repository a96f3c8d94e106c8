package io.slipway.drivers.maas;

import static io.slipway.drivers.maas.SimFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.maas.sim.MaasSimulator;
import io.slipway.drivers.maas.sim.SimHardware;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import io.slipway.drivers.spi.node.SiteReport;
import io.slipway.engine.rules.RuleBook;
import io.slipway.engine.site.SiteModel;
import io.slipway.engine.site.SiteModels;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's real output for {@code site-examples/lab-site.yaml} (device aliases, bonds with options, tagged
 * VLANs, LVM, {@code >} partitions, boot actions, owner_data) taken by the MAAS driver through verify_site,
 * prepare_site, deploy_nodes (identify, commission, networking, storage, platform, boot-action key, deploy)
 * and destroy_nodes against the simulator of MAAS's rules, once as MAAS &gt;= 3.2 (nginx in front) and once
 * as MAAS &lt;= 3.1 (Twisted reads only bodies with a Content-Length). No {@link NodeSpec} is made by hand.
 * Machines are commissioned with {@link SimHardware#gen10} hardware, kernel names varying by boot MAC.
 */
class MaasSiteContractTest {
    private static SiteModel site;
    private final SimFixture f = new SimFixture();
    /** Generous bounds: this runs on shared, loaded machines. */
    private final NodeDriver driver = new MaasNodeDriverProvider()
            .create(
                    DriverContext.of(f.vertx),
                    SimFixture.config(f.sim.url(), MaasSimulator.API_KEY)
                            .put("requestTimeoutMs", 30_000)
                            .put("commissionTimeoutMs", 60_000)
                            .put("deployTimeoutMs", 60_000)
                            .put("releaseTimeoutMs", 60_000));

    @BeforeAll
    static void compileSite() throws Exception {
        site = compile("lab-site.yaml");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @ParameterizedTest(name = "MAAS {0}")
    @ValueSource(strings = {"3.2+", "3.1-"})
    void labSiteDeploysAndReleases(String version) throws Exception {
        f.sim.twistedFront(version.equals("3.1-"));
        f.sim.bootSubnet("10.21.0.0/24", "pxe-discovered");
        site.nodeSpecs()
                .values()
                .forEach(n -> f.sim.bmc(
                        n.oobAddress(),
                        n.oobParameters().get("account"),
                        n.oobParameters().get("credential")));

        SiteReport report = join(driver.verifySite());
        assertThat(report.catalog()).containsKey("jammy");
        assertThat(report.detail()).contains("1 of 1 rack controllers healthy");
        join(driver.prepareSite(site.siteSpec()));

        for (NodeSpec node : site.nodeSpecs().values()) {
            assertThat(join(driver.identify(node)).phase()).isIn(Phase.NEW, Phase.COMMISSIONING);
            assertThat(join(driver.commission(node)).generator()).isEqualTo("lshw");
            for (ApplyStep step : ApplyStep.values()) {
                join(driver.apply(node, step));
            }
            join(driver.bootActions(
                    node, key(), Map.of("motd", java.util.UUID.randomUUID().toString())));
            assertThat(join(driver.deploy(node)).phase()).isEqualTo(Phase.DEPLOYED);
        }
        assertThat(f.sim.refusals()).isEmpty();
        for (NodeSpec node : site.nodeSpecs().values()) {
            checkDeployed(node);
        }
        assertThat(f.sim.objects("package-repositories").stream().map(o -> ((JsonObject) o).getString("name")))
                .contains("ubuntu");
        assertThat(f.sim.objects("domains").stream().map(o -> ((JsonObject) o).getString("name")))
                .contains("mgmt.lab.example.net");

        for (NodeSpec node : site.nodeSpecs().values()) {
            assertThat(join(driver.destroy(node, true)).phase()).isEqualTo(Phase.READY);
        }
        assertThat(f.sim.refusals()).isEmpty();
        for (NodeSpec node : site.nodeSpecs().values()) {
            String id = f.sim.systemIdOf(node.bootMac());
            assertThat(f.sim.history(id))
                    .containsSubsequence(
                            "New",
                            "Commissioning",
                            "Ready",
                            "Allocated",
                            "Deploying",
                            "Deployed",
                            "Releasing",
                            "Disk erasing",
                            "Ready");
        }
    }

    /**
     * {@code generated-500.yaml} gives no boot MACs: its machines enlist themselves by PXE (as under Drydock) and are
     * found by BMC address. A sample of its nodes, standard and storage, goes the whole way.
     */
    @org.junit.jupiter.api.Test
    void generatedSiteSampleDeploysAndReleases() throws Exception {
        f.sim.twistedFront(true);
        SiteModel generated = compile("generated-500.yaml");
        f.sim.hardware(mac -> SimHardware.dellR740(Integer.parseInt(mac.substring(mac.length() - 2), 16)));
        f.sim.bootSubnet("10.11.0.0/16", "pxe-discovered");
        List<NodeSpec> sample = java.util.stream.Stream.concat(
                        generated.nodeSpecs().values().stream()
                                .filter(n -> !n.tags().contains("storage"))
                                .limit(3),
                        generated.nodeSpecs().values().stream()
                                .filter(n -> n.tags().contains("storage"))
                                .limit(2))
                .toList();
        for (int i = 0; i < sample.size(); i++) {
            f.sim.enlist(String.format("52:54:00:77:00:%02x", i), sample.get(i).oobAddress());
        }
        join(driver.verifySite());
        join(driver.prepareSite(generated.siteSpec()));
        for (NodeSpec node : sample) {
            join(driver.identify(node));
            assertThat(join(driver.commission(node)).generator()).isEqualTo("lshw");
            for (ApplyStep step : ApplyStep.values()) {
                join(driver.apply(node, step));
            }
            join(driver.bootActions(node, key(), Map.of()));
            assertThat(join(driver.deploy(node)).phase()).isEqualTo(Phase.DEPLOYED);
        }
        for (NodeSpec node : sample) {
            assertThat(join(driver.destroy(node, false)).phase()).isEqualTo(Phase.READY);
        }
        assertThat(f.sim.refusals()).isEmpty();
    }

    /** What MAAS holds for a deployed node of the design. */
    private void checkDeployed(NodeSpec node) {
        JsonObject m = f.sim.machine(f.sim.systemIdOf(node.bootMac()));
        assertThat(m.getString("status_name")).isEqualTo("Deployed");
        assertThat(m.getString("hostname")).isEqualTo(node.name());
        assertThat(m.getJsonObject("power_parameters").getString("power_user")).isEqualTo("admin");
        assertThat(m.getString("user_data")).contains("NODE='" + node.name() + "'");
        assertThat(m.getJsonObject("workload_annotations").getMap()).containsAllEntriesOf(Map.copyOf(node.labels()));
        assertThat(names(m, "interface_set")).contains("bond0").anyMatch(n -> n.endsWith(".201"));
        JsonObject bond = m.getJsonArray("interface_set").stream()
                .map(JsonObject.class::cast)
                .filter(i -> "bond0".equals(i.getString("name")))
                .findFirst()
                .orElseThrow();
        assertThat(bond.getJsonObject("params").getString("bond_xmit_hash_policy"))
                .isEqualTo("layer3+4");
        assertThat(bond.getJsonObject("params").getInteger("bond_updelay")).isEqualTo(200);
        JsonObject sda = m.getJsonArray("blockdevice_set").stream()
                .map(JsonObject.class::cast)
                .filter(d -> "sda".equals(d.getString("name")))
                .findFirst()
                .orElseThrow();
        assertThat(sda.getJsonArray("partitions")).hasSize(4);
        assertThat(names(m, "blockdevice_set")).contains("vg_sys-var_log", "vg_sys-var");
        if (node.tags().contains("storage")) {
            assertThat(names(m, "blockdevice_set")).contains("vg_osd-osd");
            assertThat(names(m, "interface_set")).contains("bond1").anyMatch(n -> n.endsWith(".204"));
        }
    }

    private static List<String> names(JsonObject machine, String set) {
        return machine.getJsonArray(set).stream()
                .map(o -> ((JsonObject) o).getString("name"))
                .toList();
    }

    private static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return HexFormat.of().formatHex(k);
    }

    static SiteModel compile(String example) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("site-examples"))) {
            root = root.getParent();
        }
        SiteModels models =
                new SiteModels(RuleBook.compile(root.resolve("rules").resolve("validation")), false);
        return models.compile(
                1, example, Files.readString(root.resolve("site-examples").resolve(example)));
    }
}
