package io.slipway.drivers.maas;

import static io.slipway.drivers.maas.SimFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.slipway.drivers.maas.sim.MaasSimulator.Answer;
import io.slipway.drivers.maas.sim.MaasSimulator.Request;
import io.slipway.drivers.maas.sim.SimHardware;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpec.Filesystem;
import io.slipway.drivers.spi.node.NodeSpec.Nic;
import io.slipway.drivers.spi.node.NodeSpec.Partition;
import io.slipway.drivers.spi.node.SiteSpec;
import io.slipway.drivers.spi.node.SiteSpec.NetworkSpec;
import io.slipway.drivers.spi.node.SiteSpec.Range;
import io.vertx.core.Future;

/**
 * The ten ways the driver failed against MAAS's own rules (issue 16), one test each, run against the
 * simulator that enforces those rules. Machines have {@link SimHardware#gen10} hardware (kernel names
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

  /** 1. The engine's {@code account}/{@code credential} never reach MAAS: it cannot power the machine and reverts it. */
  @Test
  void credentialsReachMaas() throws Exception {
    NodeSpec node = RegressionSpecs.node(1);
    join(f.driver.identify(node));
    Request create = only("POST", "machines/", null);
    assertThat(create.params()).doesNotContainKeys("power_parameters_power_user", "power_parameters_power_pass");
    String id = f.sim.systemIdOf(node.bootMac());
    waitFor(() -> f.sim.status(id).equals("New") && f.sim.history(id).contains("Commissioning"));
    assertThat(f.sim.statusMessage(id)).isEqualTo("(admin) - Aborting COMMISSIONING and reverting to NEW. "
        + "Unable to power control the node. Please check power credentials.");
  }

  /** 2. {@code op=format}/{@code op=mount} on {@code partition/<id>/}: no MAAS route has the trailing slash. */
  @Test
  void partitionFormatUsesMaasRoute() {
    NodeSpec node = ready(2, List.of(), RegressionSpecs.disk("sda",
        new Partition("boot", "2g", true, null, new Filesystem("/boot", "ext4", null))));
    DriverException e = failure(f.driver.apply(node, ApplyStep.STORAGE));
    assertThat(e.completionCode()).hasValue(404);
    Answer refused = lastRefusal();
    assertThat(refused.request().path()).matches("nodes/\\w+/blockdevices/\\d+/partition/\\d+/");
    assertThat(refused.body()).isEqualTo("Unknown API endpoint: /MAAS/api/2.0/" + refused.request().path() + ".");
  }

  /** 3. A {@code >} partition asks for more than MAAS's available size (overhead, 4 MiB alignment). */
  @Test
  void remainderPartitionFitsMaasArithmetic() {
    NodeSpec node = ready(3, List.of(), RegressionSpecs.disk("sda",
        new Partition("boot", "1g", true, null, null), new Partition("data", ">30g", false, null, null)));
    DriverException e = failure(f.driver.apply(node, ApplyStep.STORAGE));
    assertThat(e.completionCode()).hasValue(400);
    assertThat(lastRefusal().body())
        .isEqualTo("{\"size\": [\"Partition cannot be saved; not enough free space on the block device.\"]}");
  }

  /** 4. Design aliases ({@code pxe_nic}, {@code bootdisk}) are never resolved to the machine's devices. */
  @Test
  void aliasesResolveToMachineDevices() {
    NodeSpec node = ready(4, List.of(new Nic("pxe", List.of("pxe_nic"), null, Map.of(), 1500,
        List.of(RegressionSpecs.pxe("dhcp")))), null);
    f.sim.clearRequests();
    DriverException e = failure(f.driver.apply(node, ApplyStep.NETWORKING));
    // the driver gives up before asking MAAS anything: MAAS only knows kernel names
    assertThat(e.getMessage()).contains("device pxe_nic not found");
    assertThat(f.sim.requests()).extracting(Request::method).containsOnly("GET");
  }

  /** 5. {@code create_bond} while the parents sit on their own commissioning fabrics. */
  @Test
  void bondParentsShareTheBondVlan() {
    join(f.driver.prepareSite(RegressionSpecs.site()));
    NodeSpec node = ready(5, List.of(new Nic("bond0", List.of("enp94s0f0np0", "enp94s0f1np1"), "802.3ad",
        Map.of(), 1500, List.of(RegressionSpecs.mgmt(5))), pxeNic(5)), null);
    DriverException e = failure(f.driver.apply(node, ApplyStep.NETWORKING));
    assertThat(e.completionCode()).hasValue(400);
    assertThat(lastRefusal().request().op()).isEqualTo("create_bond");
    assertThat(lastRefusal().body()).isEqualTo("{\"parents\": [\"All parents must belong to the same VLAN.\"]}");
  }

  /** 6. A tagged VLAN on the site fabric, under a NIC on the fabric MAAS discovered. */
  @Test
  void taggedVlanOnTheParentsFabric() {
    join(f.driver.prepareSite(RegressionSpecs.site()));
    NodeSpec node = ready(6, List.of(new Nic("pxe", List.of("eno1"), null, Map.of(), 1500,
        List.of(RegressionSpecs.pxe("10.21.0.16"), RegressionSpecs.priv(6)))), null);
    DriverException e = failure(f.driver.apply(node, ApplyStep.NETWORKING));
    assertThat(e.completionCode()).hasValue(400);
    assertThat(lastRefusal().request().op()).isEqualTo("create_vlan");
    assertThat(lastRefusal().body()).isEqualTo("{\"vlan\": [\"A VLAN interface can only belong to a tagged VLAN "
        + "on the same fabric as its parent interface.\"]}");
  }

  /** 7. No {@code user_data} on deploy and no boot-action key: the node never fetches its boot actions. */
  @Test
  void bootActionsTravelInUserData() {
    NodeSpec node = ready(7, List.of(), null);
    join(f.driver.bootActionKey(node, "00112233445566778899aabbccddeeff"));
    join(f.driver.deploy(node));
    Request deploy = only("POST", "machines/" + f.sim.systemIdOf(node.bootMac()) + "/", "deploy");
    assertThat(deploy.params()).doesNotContainKey("user_data");
    assertThat(f.sim.machine(f.sim.systemIdOf(node.bootMac())).getString("user_data")).isNull();
    assertThat(f.sim.requests()).extracting(Request::op).doesNotContain("set_workload_annotations");
  }

  /** 8. A second {@code prepareSite} with a DHCP relay reads MAAS's nested {@code relay_vlan} as a number. */
  @Test
  void relayVlanIsReadAsMaasRendersIt() {
    SiteSpec site = relaySite();
    join(f.driver.prepareSite(site));
    Throwable e = cause(f.driver.prepareSite(site));
    assertThat(e).isInstanceOf(ClassCastException.class);
  }

  /** 9. The commissioning results are filtered by {@code lshw}, a name no MAAS script has: the manifest is the machine JSON. */
  @Test
  void manifestIsMaasLshw() {
    NodeSpec node = RegressionSpecs.node(9);
    f.sim.enlist(node.bootMac(), node.oobAddress());
    assertThat(join(f.driver.commission(node)).generator()).isEqualTo("maas");
    Answer results = f.sim.answers().stream().filter(a -> a.request().path().endsWith("results/current-commissioning/"))
        .findFirst().orElseThrow();
    assertThat(results.request().params().get("filters")).containsExactly("lshw");
    assertThat(results.body()).contains("\"results\":[]");
  }

  /** 10. Chunked bodies without a Content-Length: MAAS &lt;= 3.1 sees no parameters at all. */
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
    assertThat(allocate.contentLength()).isNull();
    assertThat(allocate.params()).doesNotContainKey("system_id");
    // MAAS allocated the first Ready machine: someone else's
    assertThat(f.sim.history(otherId)).contains("Allocated");
    f.sim.clearRequests();
    failure(f.driver.identify(RegressionSpecs.node(12)));
    assertThat(lastRefusal().body()).isEqualTo("{\"mac_addresses\": [\"This field is required.\"]}");
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

  private static Nic pxeNic(int index) {
    return new Nic("pxe", List.of("eno1"), null, Map.of(), 1500, List.of(RegressionSpecs.pxe("dhcp")));
  }

  static SiteSpec relaySite() {
    NetworkSpec upstream = new NetworkSpec("services", "10.30.0.0/24", "300", 1500, List.of(), List.of(), null,
        List.of(), null);
    NetworkSpec relayed = new NetworkSpec("tenant", "10.31.0.0/24", "301", 1500,
        List.of(new Range("dhcp", "10.31.0.100", "10.31.0.200")), List.of(), null, List.of(), "10.30.0.5");
    return new SiteSpec("reg", List.of(upstream, relayed), List.of(), List.of());
  }

  private Request only(String method, String path, String op) {
    List<Request> matching = f.sim.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)
        && java.util.Objects.equals(op, r.op())).toList();
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
