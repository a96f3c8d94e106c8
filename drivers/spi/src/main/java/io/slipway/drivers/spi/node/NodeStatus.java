package io.slipway.drivers.spi.node;

/**
 * A node as the bootstrapper sees it.
 *
 * @param driverId the bootstrapper's own id for the machine (e.g. MAAS {@code system_id}), null when absent
 * @param phase where the machine is in the bootstrapper's lifecycle
 * @param detail the bootstrapper's own words (status name, error message), for operators
 */
public record NodeStatus(String driverId, Phase phase, String detail) {

    /** Bootstrapper-independent phases (MAAS: New, Commissioning, Ready, Allocated, Deploying, ...). */
    public enum Phase {
        ABSENT,
        NEW,
        COMMISSIONING,
        READY,
        ALLOCATED,
        DEPLOYING,
        DEPLOYED,
        RELEASING,
        FAILED
    }

    public static NodeStatus absent() {
        return new NodeStatus(null, Phase.ABSENT, "not known to the bootstrapper");
    }

    public static NodeStatus of(String driverId, Phase phase, String detail) {
        return new NodeStatus(driverId, phase, detail);
    }
}
