package io.slipway.engine.lifecycle;

/**
 * What the lifecycle rules know about the configured node driver (one fact per session). {@code
 * engineBoots}: the driver runs its own agent on the machines and needs the engine's BMC steps around its
 * work (boot the agent before deploying or erasing, boot the installed disk, wait for the first boot,
 * power off after erasing). Rules never see the driver's name.
 */
public record NodeDriverFacts(boolean engineBoots) {

    /** A bootstrapper that boots and reboots machines itself (MAAS, the lab bootstrapper). */
    public static NodeDriverFacts selfBooting() {
        return new NodeDriverFacts(false);
    }

    public static NodeDriverFacts of(io.slipway.drivers.spi.node.NodeDriver driver) {
        return new NodeDriverFacts(driver instanceof io.slipway.drivers.spi.node.AgentBootstrapper);
    }

    /** JavaBean accessor for DRL. */
    public boolean isEngineBoots() {
        return engineBoots;
    }
}
