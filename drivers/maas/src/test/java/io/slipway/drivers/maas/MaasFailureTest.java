package io.slipway.drivers.maas;

import static io.slipway.drivers.maas.SimFixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.maas.sim.MaasSimulator;
import io.slipway.drivers.maas.sim.MaasSimulator.Request;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeSpecs;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import io.vertx.core.Future;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Typed failures, failed machine states and disk erasure against the simulator. */
class MaasFailureTest {
    private final SimFixture f = SimFixture.onboard();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void wrongApiKeyFailsWithAuth() {
        NodeDriver wrong = new MaasNodeDriverProvider()
                .create(DriverContext.of(f.vertx), SimFixture.config(f.sim.url(), "simconsumer:simtoken:nope"));
        DriverException e = failure(wrong.verifySite());
        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.retriable()).isFalse();
        assertThat(e.completionCode()).hasValue(401);
    }

    @Test
    void closedPortFailsUnreachableQuickly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        NodeDriver nowhere = new MaasNodeDriverProvider()
                .create(
                        DriverContext.of(f.vertx),
                        SimFixture.config("http://127.0.0.1:" + port + "/MAAS", MaasSimulator.API_KEY));
        long start = System.nanoTime();
        DriverException e = failure(nowhere.status(NodeSpecs.node(1)));
        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.retriable()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void failedDeploymentIsRefusedWithMaasStatusMessage() {
        NodeSpec node = commissioned(1);
        f.sim.failNextDeploy(node.bootMac(), "Installation failed (refer to the installation log)");
        DriverException e = failure(f.driver.deploy(node));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.retriable()).isFalse();
        assertThat(e.getMessage())
                .contains("Failed deployment")
                .contains("Installation failed (refer to the installation log)");
        assertThat(f.sim.status(f.sim.systemIdOf(node.bootMac()))).isEqualTo("Failed deployment");
        assertThat(join(f.driver.status(node)).phase()).isEqualTo(Phase.FAILED);
    }

    @Test
    void failedCommissioningIsRefusedWithMaasStatusMessage() {
        NodeSpec node = NodeSpecs.node(2);
        String id = f.sim.enlist(node.bootMac(), node.oobAddress());
        f.sim.failNextCommission(node.bootMac(), "lshw: script timed out");
        DriverException e = failure(f.driver.commission(node));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("Failed commissioning: lshw: script timed out");
        // a second attempt commissions again, and succeeds
        assertThat(join(f.driver.commission(node)).generator()).isEqualTo("lshw");
        assertThat(f.sim.history(id)).containsSubsequence("Failed commissioning", "Commissioning", "Ready");
    }

    @Test
    void releaseWithEraseSendsEraseAndPassesThroughDiskErasing() {
        NodeSpec node = commissioned(3);
        join(f.driver.deploy(node));
        String id = f.sim.systemIdOf(node.bootMac());
        assertThat(join(f.driver.destroy(node, true)).phase()).isEqualTo(Phase.READY);
        Request release = f.sim.requests().stream()
                .filter(r -> "release".equals(r.op()))
                .findFirst()
                .orElseThrow();
        assertThat(release.path()).isEqualTo("machines/" + id + "/");
        assertThat(release.params().get("erase")).containsExactly("true");
        assertThat(release.params().get("quick_erase")).containsExactly("true");
        assertThat(f.sim.history(id)).containsSubsequence("Deployed", "Releasing", "Disk erasing", "Ready");
    }

    @Test
    void releaseWithoutEraseSkipsDiskErasing() {
        NodeSpec node = commissioned(4);
        join(f.driver.deploy(node));
        join(f.driver.destroy(node, false));
        String id = f.sim.systemIdOf(node.bootMac());
        assertThat(f.sim.history(id)).doesNotContain("Disk erasing").endsWith("Releasing", "Ready");
    }

    @Test
    void deployTimesOutWithinItsBound() {
        NodeSpec node = commissioned(5);
        f.sim.timings(new MaasSimulator.Timings(80, 60_000, 60, 60));
        NodeDriver impatient = new MaasNodeDriverProvider()
                .create(
                        DriverContext.of(f.vertx),
                        SimFixture.config(f.sim.url(), MaasSimulator.API_KEY).put("deployTimeoutMs", 300));
        DriverException e = failure(impatient.deploy(node));
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.retriable()).isTrue();
        assertThat(e.getMessage()).contains("Deploying");
    }

    @Test
    void bootActionsWithoutBootActionUrlAreRefusedUnlessNoneTargetTheNode() {
        NodeDriver noUrl = new MaasNodeDriverProvider()
                .create(
                        DriverContext.of(f.vertx),
                        SimFixture.config(f.sim.url(), MaasSimulator.API_KEY).put("bootActionUrl", (Object) null));
        NodeSpec node = commissioned(7);
        DriverException e = failure(noUrl.bootActions(node, "ab".repeat(32), java.util.Map.of("motd", "1")));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("drivers.node.maas.bootActionUrl is not set");
        assertThat(failure(noUrl.bootActionKey(node, "ab".repeat(32))).kind()).isEqualTo(Kind.REFUSED);
        join(noUrl.bootActions(node, "ab".repeat(32), java.util.Map.of()));
        join(noUrl.deploy(node));
        assertThat(f.sim.machine(f.sim.systemIdOf(node.bootMac())).getString("user_data"))
                .isNull();
    }

    @Test
    void unknownImageIsRefusedBeforeDeployment() {
        NodeSpec base = commissioned(6);
        NodeSpec node = new NodeSpec(
                base.name(),
                base.domain(),
                base.bootMac(),
                base.oobType(),
                base.oobAddress(),
                base.oobParameters(),
                base.rack(),
                base.interfaces(),
                base.storage(),
                new NodeSpec.Platform("bionic", "ga-18.04", null),
                base.tags(),
                base.labels());
        DriverException e = failure(f.driver.apply(node, io.slipway.drivers.spi.node.ApplyStep.PLATFORM));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("bionic");
    }

    @Test
    void deployOfAnUncommissionedMachineIsRefused() {
        NodeSpec node = NodeSpecs.node(7);
        f.sim.enlist(node.bootMac(), node.oobAddress());
        // New: nothing to allocate yet, so nothing is sent
        DriverException e = failure(f.driver.deploy(node));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("commission it first");
    }

    private NodeSpec commissioned(int index) {
        NodeSpec node = NodeSpecs.node(index);
        join(f.driver.identify(node));
        join(f.driver.commission(node));
        return node;
    }

    private static DriverException failure(Future<?> future) {
        try {
            Object value = future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a DriverException, got " + value);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(DriverException.class);
            return (DriverException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
