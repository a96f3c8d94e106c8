package io.slipway.drivers.spi.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import io.vertx.core.Future;

/**
 * The behaviour every {@link NodeDriver} must show. A driver's test extends this class, starts a
 * bootstrapper to talk to (simulator, lab, real peer) and implements the hooks. Samples of a site
 * and of a node that fit together come from {@link NodeSpecs}.
 *
 * <p>Tests run on the JUnit thread and wait for futures there, never on an event loop. Each test
 * asks for a {@link #newNode()} of its own, so the backing system may be shared between tests.
 */
public abstract class NodeDriverContract extends io.slipway.drivers.spi.DriverContractSupport {

  /** What the backing system did for one node, counted by the backing system itself. */
  public record Observed(int commissions, int deploys, int releases, int erases) {}

  /** The driver under test; the same instance for every test of a class is fine. */
  protected abstract NodeDriver driver();

  /**
   * A node no other test uses, which the bootstrapper can find or enroll. It should carry the
   * networks of {@link #site()}, so that applying its networking can succeed.
   */
  protected abstract NodeSpec newNode();

  /** What the backing system has done so far for {@code node}; all zero before it is known. */
  protected abstract Observed observed(NodeSpec node);

  /**
   * Makes the next deployment of {@code node} fail in the bootstrapper, which must report {@code
   * message} (e.g. as its status message) so the driver can pass it on.
   */
  protected abstract void failNextDeploy(NodeSpec node, String message);

  /** The site prepared before node tests; override when the bootstrapper needs other networks. */
  protected SiteSpec site() {
    return NodeSpecs.site();
  }


  @Test
  void typeIsNamed() {
    assertThat(driver().type()).isNotBlank().isLowerCase();
  }

  @Test
  void verifySiteListsACatalog() {
    SiteReport report = await(driver().verifySite());
    assertThat(report.catalog()).isNotEmpty();
    report.catalog().forEach((image, kernels) -> assertThat(image).isNotBlank());
  }

  @Test
  void prepareSiteIsIdempotent() {
    await(driver().prepareSite(site()));
    await(driver().prepareSite(site()));
  }

  @Test
  void identifyEnrollsThenFindsTheSameId() {
    NodeSpec node = newNode();
    assertThat(await(driver().status(node)).phase()).isIn(Phase.ABSENT, Phase.NEW);
    NodeStatus first = await(driver().identify(node));
    assertThat(first.driverId()).isNotBlank();
    assertThat(first.phase()).isIn(Phase.NEW, Phase.COMMISSIONING, Phase.READY);
    NodeStatus second = await(driver().identify(node));
    assertThat(second.driverId()).isEqualTo(first.driverId());
    assertThat(await(driver().status(node)).driverId()).isEqualTo(first.driverId());
  }

  @Test
  void commissionReturnsAManifestOnce() {
    NodeSpec node = identified();
    HardwareManifest first = await(driver().commission(node));
    assertThat(first.data()).isNotBlank();
    assertThat(first.generator()).isNotBlank();
    assertThat(await(driver().status(node)).phase()).isEqualTo(Phase.READY);
    int commissions = observed(node).commissions();
    assertThat(commissions).isPositive();
    HardwareManifest second = await(driver().commission(node));
    assertThat(second).isEqualTo(first);
    assertThat(observed(node).commissions()).as("no second commissioning").isEqualTo(commissions);
  }

  @Test
  void everyApplyStepIsIdempotent() {
    await(driver().prepareSite(site()));
    NodeSpec node = commissioned();
    for (ApplyStep step : ApplyStep.values()) {
      await(driver().apply(node, step));
      await(driver().apply(node, step));
    }
    assertThat(await(driver().status(node)).phase()).isEqualTo(Phase.READY);
  }

  @Test
  void deployReachesDeployedOnce() {
    NodeSpec node = commissioned();
    NodeStatus deployed = await(driver().deploy(node));
    assertThat(deployed.phase()).isEqualTo(Phase.DEPLOYED);
    assertThat(await(driver().status(node)).phase()).isEqualTo(Phase.DEPLOYED);
    assertThat(observed(node).deploys()).isEqualTo(1);
    assertThat(await(driver().deploy(node)).phase()).isEqualTo(Phase.DEPLOYED);
    assertThat(observed(node).deploys()).as("no redeployment").isEqualTo(1);
  }

  @Test
  void statusShowsDeploymentInProgress() {
    NodeSpec node = commissioned();
    Future<NodeStatus> deploying = driver().deploy(node);
    Phase during = await(driver().status(node)).phase();
    assertThat(during).isIn(Phase.READY, Phase.ALLOCATED, Phase.DEPLOYING, Phase.DEPLOYED);
    assertThat(await(deploying).phase()).isEqualTo(Phase.DEPLOYED);
  }

  @Test
  void destroyWithEraseReturnsToReady() {
    NodeSpec node = deployed();
    NodeStatus released = await(driver().destroy(node, true));
    assertThat(released.phase()).isEqualTo(Phase.READY);
    assertThat(await(driver().status(node)).phase()).isEqualTo(Phase.READY);
    assertThat(observed(node).releases()).isEqualTo(1);
    assertThat(observed(node).erases()).as("erase honoured").isEqualTo(1);
  }

  @Test
  void destroyWithoutEraseKeepsDisks() {
    NodeSpec node = deployed();
    assertThat(await(driver().destroy(node, false)).phase()).isEqualTo(Phase.READY);
    assertThat(observed(node).releases()).isEqualTo(1);
    assertThat(observed(node).erases()).isZero();
  }

  @Test
  void destroyOfAReadyNodeCompletesAtOnce() {
    NodeSpec node = commissioned();
    assertThat(await(driver().destroy(node, true)).phase()).isEqualTo(Phase.READY);
    assertThat(observed(node).releases()).isZero();
  }

  @Test
  void aNodeCanBeRedeployedAfterDestroy() {
    NodeSpec node = deployed();
    await(driver().destroy(node, false));
    assertThat(await(driver().deploy(node)).phase()).isEqualTo(Phase.DEPLOYED);
    assertThat(observed(node).deploys()).isEqualTo(2);
  }

  @Test
  void failedDeploymentIsRefusedWithTheBootstrappersMessage() {
    NodeSpec node = commissioned();
    failNextDeploy(node, "curtin: installation failed on sda");
    DriverException e = awaitFailure(driver().deploy(node));
    assertThat(e.kind()).isEqualTo(DriverException.Kind.REFUSED);
    assertThat(e.getMessage()).contains("curtin: installation failed on sda");
    assertThat(await(driver().status(node)).phase()).isEqualTo(Phase.FAILED);
    // a failed machine goes back to the pool and deploys again
    assertThat(await(driver().destroy(node, false)).phase()).isEqualTo(Phase.READY);
    assertThat(await(driver().deploy(node)).phase()).isEqualTo(Phase.DEPLOYED);
  }

  /** A new node, identified. */
  protected NodeSpec identified() {
    NodeSpec node = newNode();
    await(driver().identify(node));
    return node;
  }

  /** A new node, identified and commissioned. */
  protected NodeSpec commissioned() {
    NodeSpec node = identified();
    await(driver().commission(node));
    return node;
  }

  /** A new node, deployed through the whole sequence (site, identify, commission, apply, deploy). */
  protected NodeSpec deployed() {
    await(driver().prepareSite(site()));
    NodeSpec node = commissioned();
    for (ApplyStep step : ApplyStep.values()) {
      await(driver().apply(node, step));
    }
    assertThat(await(driver().deploy(node)).phase()).isEqualTo(Phase.DEPLOYED);
    return node;
  }



}
