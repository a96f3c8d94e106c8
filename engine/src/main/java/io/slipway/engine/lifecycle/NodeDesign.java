package io.slipway.engine.lifecycle;

/**
 * Desired facts about one node from the pinned design revision, reduced to what lifecycle rules need.
 *
 * @param errors validation errors that concern this node ({@code firstError} quotes one)
 * @param oobCredentials the design gives the BMC credentials its OOB type needs
 * @param switchPorts the design cables the node to switch ports (network-driver steps apply)
 */
public record NodeDesign(
        String node,
        String rack,
        String hardwareProfile,
        String oobType,
        boolean oobCredentials,
        boolean switchPorts,
        int errors,
        String firstError) {}
