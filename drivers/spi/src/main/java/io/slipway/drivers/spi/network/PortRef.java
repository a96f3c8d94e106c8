package io.slipway.drivers.spi.network;

/** A switch port and the node interface cabled to it. */
public record PortRef(String switchName, String switchAddress, String port, String node, String nic) {}
