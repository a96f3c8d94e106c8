package io.slipway.drivers.spi.node;

import io.vertx.core.Future;

/**
 * A {@link NodeDriver} whose machines run the bootstrapper's own agent, booted from the network, and
 * which needs the engine's BMC steps around its work. Implementing it is the driver's declaration; the
 * lifecycle rules see it as the fact {@code NodeDriverFacts(engineBoots == true)} and then:
 * boot the agent (PXE + power cycle) before deploying or erasing unless it is already running, set
 * the boot device to disk and power-cycle once {@link NodeDriver#deploy} reports the OS installed,
 * wait for the installed OS with {@link #awaitBooted}, and power the node off after erasing.
 *
 * <p>{@link NodeDriver#deploy} of such a driver completes when the image is written ({@link
 * NodeStatus.Phase#DEPLOYING}, or {@code DEPLOYED} when the node already is). Every method is
 * idempotent and non-blocking.
 */
public interface AgentBootstrapper extends NodeDriver {

    /**
     * Makes sure the node loads the agent at its next network boot. Completes with true when the
     * agent is already running on the node and polling (no boot needed), false when the engine must
     * boot the node from the network.
     */
    Future<Boolean> armAgent(NodeSpec node);

    /**
     * Completes with {@code DEPLOYED} once the installed OS has reported its first boot; fails with
     * {@code TIMEOUT} after the driver's bound and {@code REFUSED} when the deployment failed.
     */
    Future<NodeStatus> awaitBooted(NodeSpec node);

    /** Starts the node-facing listener (boot scripts, artefacts, agent API). Idempotent; the engine calls it at start. */
    Future<Void> listen();
}
