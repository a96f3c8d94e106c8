package io.slipway.drivers.spi.network;

import java.util.List;

/** VLANs for a port: one untagged ({@code nativeVlan}, null = none) and any tagged ones. */
public record PortConfig(String nativeVlan, List<String> taggedVlans, int mtu, boolean lacp) {}
