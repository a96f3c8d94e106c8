package io.slipway.drivers.spi.network;

import java.util.List;

/**
 * A port as the switch reports it.
 *
 * @param mode {@code provisioning}, {@code production} or {@code unknown}
 * @param lldpNeighbor what LLDP sees on the port (MAC or system name), null when nothing
 */
public record PortState(
        String mode, String nativeVlan, List<String> taggedVlans, int mtu, boolean linkUp, String lldpNeighbor) {}
