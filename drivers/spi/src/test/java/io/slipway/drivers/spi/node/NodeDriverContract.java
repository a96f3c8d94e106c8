package io.slipway.drivers.spi.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

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

    /**
     * For an {@link AgentBootstrapper}: the engine's network boot of {@code node} (next boot PXE, power
     * cycle): the backing system starts the node so that it loads the agent. Others never get this call.
     */
    protected void bootAgent(NodeSpec node) {
        throw new UnsupportedOperationException("an AgentBootstrapper's test must boot its nodes");
    }

    /**
     * For an {@link AgentBootstrapper}: the engine's disk boot after the image is installed (boot device
     * disk, power cycle): the backing system boots the OS the agent wrote.
     */
    protected void bootInstalledOs(NodeSpec node) {
        throw new UnsupportedOperationException("an AgentBootstrapper's test must boot its installed OS");
    }

    /** Plays the engine's lifecycle rules before an agent job: boot the agent unless it is already running. */
    protected void engineBoot(NodeSpec node) {
        if (driver() instanceof AgentBootstrapper a && !await(a.armAgent(node))) {
            bootAgent(node);
        }
    }

    /** Deploys as the engine does: agent boot (if needed), deploy, then for agent bootstrappers the disk boot and first boot. */
    protected NodeStatus deployAsEngine(NodeSpec node) {
        engineBoot(node);
        return finishDeploy(node, driver().deploy(node));
    }

    /** Waits for a deployment started with {@code deploying} to end, booting the installed OS where the engine would. */
    protected NodeStatus finishDeploy(NodeSpec node, Future<NodeStatus> deploying) {
        NodeStatus s = await(deploying);
        if (driver() instanceof AgentBootstrapper a && s.phase() == Phase.DEPLOYING) {
            bootInstalledOs(node);
            s = await(a.awaitBooted(node));
        }
        return s;
    }

    /** Destroys as the engine does: with an erase, an agent bootstrapper's node first boots the agent. */
    protected NodeStatus destroyAsEngine(NodeSpec node, boolean erase) {
        if (erase) {
            engineBoot(node);
        }
        return await(driver().destroy(node, erase));
    }

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
        engineBoot(node);
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
        NodeStatus deployed = deployAsEngine(node);
        assertThat(deployed.phase()).isEqualTo(Phase.DEPLOYED);
        assertThat(await(driver().status(node)).phase()).isEqualTo(Phase.DEPLOYED);
        assertThat(observed(node).deploys()).isEqualTo(1);
        assertThat(await(driver().deploy(node)).phase()).isEqualTo(Phase.DEPLOYED);
        assertThat(observed(node).deploys()).as("no redeployment").isEqualTo(1);
    }

    @Test
    void statusShowsDeploymentInProgress() {
        NodeSpec node = commissioned();
        engineBoot(node);
        Future<NodeStatus> deploying = driver().deploy(node);
        Phase during = await(driver().status(node)).phase();
        assertThat(during).isIn(Phase.READY, Phase.ALLOCATED, Phase.DEPLOYING, Phase.DEPLOYED);
        assertThat(finishDeploy(node, deploying).phase()).isEqualTo(Phase.DEPLOYED);
    }

    @Test
    void destroyWithEraseReturnsToReady() {
        NodeSpec node = deployed();
        NodeStatus released = destroyAsEngine(node, true);
        assertThat(released.phase()).isEqualTo(Phase.READY);
        assertThat(await(driver().status(node)).phase()).isEqualTo(Phase.READY);
        assertThat(observed(node).releases()).isEqualTo(1);
        assertThat(observed(node).erases()).as("erase honoured").isEqualTo(1);
    }

    @Test
    void destroyWithoutEraseKeepsDisks() {
        NodeSpec node = deployed();
        assertThat(destroyAsEngine(node, false).phase()).isEqualTo(Phase.READY);
        assertThat(observed(node).releases()).isEqualTo(1);
        assertThat(observed(node).erases()).isZero();
    }

    @Test
    void destroyOfAReadyNodeCompletesAtOnce() {
        NodeSpec node = commissioned();
        assertThat(destroyAsEngine(node, true).phase()).isEqualTo(Phase.READY);
        assertThat(observed(node).releases()).isZero();
    }

    @Test
    void aNodeCanBeRedeployedAfterDestroy() {
        NodeSpec node = deployed();
        destroyAsEngine(node, false);
        assertThat(deployAsEngine(node).phase()).isEqualTo(Phase.DEPLOYED);
        assertThat(observed(node).deploys()).isEqualTo(2);
    }

    @Test
    void failedDeploymentIsRefusedWithTheBootstrappersMessage() {
        NodeSpec node = commissioned();
        failNextDeploy(node, "curtin: installation failed on sda");
        engineBoot(node);
        DriverException e = awaitFailure(driver().deploy(node));
        assertThat(e.kind()).isEqualTo(DriverException.Kind.REFUSED);
        assertThat(e.getMessage()).contains("curtin: installation failed on sda");
        assertThat(await(driver().status(node)).phase()).isEqualTo(Phase.FAILED);
        // a failed machine goes back to the pool and deploys again
        assertThat(destroyAsEngine(node, false).phase()).isEqualTo(Phase.READY);
        assertThat(deployAsEngine(node).phase()).isEqualTo(Phase.DEPLOYED);
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
        engineBoot(node);
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
        assertThat(deployAsEngine(node).phase()).isEqualTo(Phase.DEPLOYED);
        return node;
    }
}
