package io.slipway.drivers.maas;

import static io.slipway.drivers.maas.SimFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.maas.sim.MaasSimulator.Answer;
import io.slipway.drivers.maas.sim.MaasSimulator.Request;
import io.slipway.drivers.maas.sim.SimHardware;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.HardwareManifest;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpec.Filesystem;
import io.slipway.drivers.spi.node.NodeSpec.Nic;
import io.slipway.drivers.spi.node.NodeSpec.Partition;
import io.slipway.drivers.spi.node.SiteSpec;
import io.slipway.drivers.spi.node.SiteSpec.NetworkSpec;
import io.slipway.drivers.spi.node.SiteSpec.Range;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ten ways the driver failed against MAAS's own rules (issue 16), one regression test each, run against
 * the simulator that enforces those rules (each first written to show MAAS's refusal of the old request). Machines have {@link SimHardware#gen10} hardware (kernel names
 * {@code eno1}, {@code enp94s0f0np0}, …; disks {@code sda}…{@code sdc}).
 */
class MaasRegressionTest {
    private final SimFixture f = new SimFixture();

    @BeforeEach
    void hardware() {
        f.sim.hardware(mac -> SimHardware.gen10(0));
        f.sim.bootSubnet(RegressionSpecs.PXE_CIDR, "pxe");
        f.sim.bmc("10.20.0.1", "admin", "lab-secret");
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** 1. The engine's {@code account}/{@code credential} reach MAAS as {@code power_user}/{@code power_pass}; MAAS powers the machine and commissions it. */
    @Test
    void credentialsReachMaas() throws Exception {
        NodeSpec node = RegressionSpecs.node(1);
        join(f.driver.identify(node));
        Request create = only("POST", "machines/", null);
        assertThat(create.params())
                .containsEntry("power_parameters_power_user", List.of("admin"))
                .containsEntry("power_parameters_power_pass", List.of("lab-secret"))
                .containsEntry("power_parameters_power_address", List.of("10.20.0.1"));
        String id = f.sim.systemIdOf(node.bootMac());
        waitFor(() -> f.sim.status(id).equals("Ready"));
        assertThat(f.sim.history(id)).containsExactly("New", "Commissioning", "Ready");
        assertThat(f.sim.refusals()).isEmpty();
    }

    /** 2. {@code op=format}/{@code op=mount} go to {@code partition/<id>}, the route MAAS has (no trailing slash). */
    @Test
    void partitionFormatUsesMaasRoute() {
        NodeSpec node = ready(
                2,
                List.of(),
                RegressionSpecs.disk(
                        "sda", new Partition("boot", "2g", true, null, new Filesystem("/boot", "ext4", null))));
        join(f.driver.apply(node, ApplyStep.STORAGE));
        assertThat(f.sim.refusals()).isEmpty();
        List<Request> fs = f.sim.requests().stream()
                .filter(r -> "format".equals(r.op()) || "mount".equals(r.op()))
                .toList();
        assertThat(fs)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.path()).matches("nodes/\\w+/blockdevices/\\d+/partition/\\d+"));
        JsonObject sda = disk(node, "sda");
        assertThat(sda.getJsonArray("partitions")
                        .getJsonObject(0)
                        .getJsonObject("filesystem")
                        .getString("mount_point"))
                .isEqualTo("/boot");
    }

    /** 3. A {@code >} partition takes exactly what MAAS offers: size minus the table overhead, 4 MiB aligned; {@code g} is decimal. */
    @Test
    void remainderPartitionFitsMaasArithmetic() {
        NodeSpec node = ready(
                3,
                List.of(),
                RegressionSpecs.disk(
                        "sda",
                        new Partition("boot", "1g", true, null, null),
                        new Partition("data", ">30g", false, null, null)));
        join(f.driver.apply(node, ApplyStep.STORAGE));
        assertThat(f.sim.refusals()).isEmpty();
        JsonObject sda = disk(node, "sda");
        long first = 238L * Sizes.ALIGN; // 10^9 bytes rounded down to 4 MiB
        long rest = Sizes.alignDown(SimHardware.gen10(0).disks().get(0).size() - 5 * Sizes.MIB - first);
        assertThat(sda.getJsonArray("partitions").stream().map(p -> ((JsonObject) p).getLong("size")))
                .containsExactly(first, rest);
    }

    /** 4. Design aliases resolve through the machine's {@code maas-lshw} output: {@code pxe_nic} is PCI 0000:02:00.0. */
    @Test
    void aliasesResolveToMachineDevices() {
        NodeSpec node = withAliases(
                ready(
                        4,
                        List.of(new Nic(
                                "pxe", List.of("pxe_nic"), null, Map.of(), 1500, List.of(RegressionSpecs.pxe("dhcp")))),
                        null),
                "0000:02:00.0");
        join(f.driver.apply(node, ApplyStep.NETWORKING));
        assertThat(f.sim.refusals()).isEmpty();
        Request link = f.sim.requests().stream()
                .filter(r -> "link_subnet".equals(r.op()))
                .findFirst()
                .orElseThrow();
        assertThat(link.path()).endsWith("/interfaces/" + iface(node, "eno1").getInteger("id") + "/");
        assertThat(link.params()).containsEntry("mode", List.of("dhcp"));

        NodeSpec wrong = withAliases(node, "0000:03:00.0");
        DriverException e = failure(f.driver.apply(wrong, ApplyStep.NETWORKING));
        assertThat(e.getMessage())
                .contains("device alias pxe_nic does not resolve")
                .contains("no interface or disk at PCI 0000:03:00.0");
    }

    /** 5. The bond's parents move onto its VLAN first; the design's bond options reach MAAS. */
    @Test
    void bondParentsShareTheBondVlan() {
        join(f.driver.prepareSite(RegressionSpecs.site()));
        Map<String, String> options = Map.of(
                "xmit_hash_policy",
                "layer3+4",
                "lacp_rate",
                "fast",
                "miimon",
                "100",
                "updelay",
                "200",
                "downdelay",
                "200");
        NodeSpec node = ready(
                5,
                List.of(
                        new Nic(
                                "bond0",
                                List.of("enp94s0f0np0", "enp94s0f1np1"),
                                "802.3ad",
                                options,
                                9000,
                                List.of(RegressionSpecs.mgmt(5))),
                        pxeNic(5)),
                null);
        join(f.driver.apply(node, ApplyStep.NETWORKING));
        assertThat(f.sim.refusals()).isEmpty();
        assertThat(f.sim.requests().stream()
                        .filter(r -> !r.method().equals("GET"))
                        .map(Request::toString)
                        .toList())
                .containsSubsequence(
                        "PUT nodes/" + id(node) + "/interfaces/"
                                + iface(node, "enp94s0f0np0").getInteger("id") + "/",
                        "PUT nodes/" + id(node) + "/interfaces/"
                                + iface(node, "enp94s0f1np1").getInteger("id") + "/",
                        "POST nodes/" + id(node) + "/interfaces/?op=create_bond");
        JsonObject params = iface(node, "bond0").getJsonObject("params");
        assertThat(params.getString("bond_xmit_hash_policy")).isEqualTo("layer3+4");
        assertThat(params.getString("bond_lacp_rate")).isEqualTo("fast");
        assertThat(params.getInteger("bond_updelay")).isEqualTo(200);
        assertThat(params.getInteger("bond_downdelay")).isEqualTo(200);
    }

    /** 6. Tagged VLANs live on the site's fabric, the one MAAS discovered the PXE network on, so they fit under that NIC. */
    @Test
    void taggedVlanOnTheParentsFabric() {
        join(f.driver.prepareSite(RegressionSpecs.site()));
        NodeSpec node = ready(
                6,
                List.of(new Nic(
                        "pxe",
                        List.of("eno1"),
                        null,
                        Map.of(),
                        1500,
                        List.of(RegressionSpecs.pxe("10.21.0.16"), RegressionSpecs.priv(6)))),
                null);
        join(f.driver.apply(node, ApplyStep.NETWORKING));
        assertThat(f.sim.refusals()).isEmpty();
        JsonObject vlanIface = iface(node, "eno1.201");
        assertThat(vlanIface.getJsonObject("vlan").getInteger("fabric_id"))
                .isEqualTo(iface(node, "eno1").getJsonObject("vlan").getInteger("fabric_id"));
        assertThat(vlanIface.getJsonArray("links").getJsonObject(0).getString("ip_address"))
                .isEqualTo("10.23.0.16");
    }

    /** 7. The boot-action key travels in {@code user_data} with a script that fetches and reports; {@code owner_data} becomes workload annotations. */
    @Test
    void bootActionsTravelInUserData() {
        NodeSpec node = ready(7, List.of(), null);
        String key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        join(f.driver.bootActions(node, key, Map.of("motd", "0b7e3f0e-2f4c-4c55-9d59-6f3f0f1d2a11")));
        join(f.driver.deploy(node));
        Request deploy = only("POST", "machines/" + id(node) + "/", "deploy");
        assertThat(deploy.params()).containsKey("user_data");
        JsonObject machine = f.sim.machine(id(node));
        assertThat(machine.getString("user_data"))
                .startsWith("#!/bin/sh")
                .contains("KEY='" + key + "'")
                .contains("$BASE/api/v1.0/bootactions/nodes/$NODE/$kind")
                .contains("NODE='reg07'")
                .contains("$BASE/api/v1.0/bootactions/$id")
                .contains("ACTIONS='0b7e3f0e-2f4c-4c55-9d59-6f3f0f1d2a11'");
        assertThat(machine.getJsonObject("workload_annotations").getMap()).containsEntry("role", "compute");
        assertThat(machine.getString("status_name")).isEqualTo("Deployed");
    }

    /** 8. {@code relay_vlan} is read as MAAS renders it (a nested VLAN): a second run changes nothing. */
    @Test
    void relayVlanIsReadAsMaasRendersIt() {
        SiteSpec site = relaySite();
        join(f.driver.prepareSite(site));
        f.sim.clearRequests();
        join(f.driver.prepareSite(site));
        assertThat(f.sim.requests()).extracting(Request::method).containsOnly("GET");
        JsonObject tenant = vlanOf(f.sim.objects("subnets"), "10.31.0.0/24");
        JsonObject services = vlanOf(f.sim.objects("subnets"), "10.30.0.0/24");
        assertThat(tenant.getJsonObject("relay_vlan").getInteger("id")).isEqualTo(services.getInteger("id"));
    }

    /** 9. The manifest is the {@code maas-lshw} result, asked for by that name. */
    @Test
    void manifestIsMaasLshw() {
        NodeSpec node = RegressionSpecs.node(9);
        f.sim.enlist(node.bootMac(), node.oobAddress());
        HardwareManifest manifest = join(f.driver.commission(node));
        assertThat(manifest.generator()).isEqualTo("lshw");
        assertThat(manifest.data())
                .contains("<businfo>pci@0000:02:00.0</businfo>")
                .contains("<logicalname>eno1</logicalname>");
        assertThat(manifest.summary().get("nics")).startsWith("eno1=0000:02:00.0,");
        Answer results = f.sim.answers().stream()
                .filter(a -> a.request().path().endsWith("results/current-commissioning/"))
                .findFirst()
                .orElseThrow();
        assertThat(results.request().params().get("filters")).containsExactly("maas-lshw");
    }

    /** 10. Every body has a Content-Length, so MAAS &lt;= 3.1 (Twisted, no nginx) reads every parameter. */
    @Test
    void bodiesCarryContentLength() {
        f.sim.twistedFront(true);
        NodeSpec other = RegressionSpecs.node(11);
        String otherId = f.sim.enlist(other.bootMac(), other.oobAddress());
        join(f.driver.commission(other));
        NodeSpec node = ready(10, List.of(), null);
        f.sim.clearRequests();
        join(f.driver.deploy(node));
        Request allocate = only("POST", "machines/", "allocate");
        assertThat(allocate.contentLength()).isNotNull();
        assertThat(allocate.params()).containsEntry("system_id", List.of(id(node)));
        assertThat(f.sim.status(otherId)).isEqualTo("Ready");
        assertThat(f.sim.requests().stream()
                        .filter(r -> !r.method().equals("GET") && !r.method().equals("DELETE")))
                .allSatisfy(r -> assertThat(r.contentLength()).isNotNull());
        NodeSpec fresh = RegressionSpecs.node(1);
        join(f.driver.identify(fresh));
        assertThat(f.sim.refusals()).isEmpty();
        assertThat(f.sim.systemIdOf(fresh.bootMac())).isNotNull();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** An enlisted machine (MAAS's own BMC user), commissioned through the driver: Ready. */
    private NodeSpec ready(int index, List<Nic> nics, NodeSpec.Storage storage) {
        NodeSpec node = RegressionSpecs.node(index, nics, storage);
        f.sim.enlist(node.bootMac(), node.oobAddress());
        join(f.driver.commission(node));
        f.sim.clearRequests();
        return node;
    }

    private String id(NodeSpec node) {
        return f.sim.systemIdOf(node.bootMac());
    }

    private JsonObject iface(NodeSpec node, String name) {
        return f.sim.machine(id(node)).getJsonArray("interface_set").stream()
                .map(JsonObject.class::cast)
                .filter(i -> name.equals(i.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    private JsonObject disk(NodeSpec node, String name) {
        return f.sim.machine(id(node)).getJsonArray("blockdevice_set").stream()
                .map(JsonObject.class::cast)
                .filter(d -> name.equals(d.getString("name")))
                .findFirst()
                .orElseThrow();
    }

    private static JsonObject vlanOf(JsonArray subnets, String cidr) {
        return subnets.stream()
                .map(JsonObject.class::cast)
                .filter(s -> cidr.equals(s.getString("cidr")))
                .findFirst()
                .orElseThrow()
                .getJsonObject("vlan");
    }

    /** {@code node} with the gen10 profile's {@code pxe_nic} alias at {@code pci}. */
    private static NodeSpec withAliases(NodeSpec n, String pci) {
        return new NodeSpec(
                n.name(),
                n.domain(),
                n.bootMac(),
                n.oobType(),
                n.oobAddress(),
                n.oobParameters(),
                n.rack(),
                n.interfaces(),
                n.storage(),
                n.platform(),
                n.tags(),
                n.labels(),
                List.of(
                        new NodeSpec.DeviceAlias("pxe_nic", "pci", pci, "BCM5720"),
                        new NodeSpec.DeviceAlias("bootdisk", "scsi", "0:2.0.0", "Smart Array P408i")),
                List.of(),
                List.of(),
                List.of(),
                0);
    }

    private static Nic pxeNic(int index) {
        return new Nic("pxe", List.of("eno1"), null, Map.of(), 1500, List.of(RegressionSpecs.pxe("dhcp")));
    }

    static SiteSpec relaySite() {
        NetworkSpec upstream =
                new NetworkSpec("services", "10.30.0.0/24", "300", 1500, List.of(), List.of(), null, List.of(), null);
        NetworkSpec relayed = new NetworkSpec(
                "tenant",
                "10.31.0.0/24",
                "301",
                1500,
                List.of(new Range("dhcp", "10.31.0.100", "10.31.0.200")),
                List.of(),
                null,
                List.of(),
                "10.30.0.5");
        return new SiteSpec("reg", List.of(upstream, relayed), List.of(), List.of());
    }

    private Request only(String method, String path, String op) {
        List<Request> matching = f.sim.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path) && java.util.Objects.equals(op, r.op()))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private Answer lastRefusal() {
        List<Answer> refusals = f.sim.refusals();
        assertThat(refusals).isNotEmpty();
        return refusals.get(refusals.size() - 1);
    }

    static DriverException failure(Future<?> future) {
        Throwable t = cause(future);
        assertThat(t).isInstanceOf(DriverException.class);
        return (DriverException) t;
    }

    static Throwable cause(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 5 s");
            }
            Thread.sleep(10);
        }
    }
}
