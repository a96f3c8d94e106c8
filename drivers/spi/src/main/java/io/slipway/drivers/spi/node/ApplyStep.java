package io.slipway.drivers.spi.node;

/** The parts of a node's configuration a {@link NodeDriver} applies before deployment. */
public enum ApplyStep {
    /** Interfaces, bonds, VLANs and addresses (ApplyNodeNetworking). */
    NETWORKING,
    /** Partitions, volume groups, logical volumes and filesystems (ApplyNodeStorage). */
    STORAGE,
    /** Image, kernel, kernel parameters and tags (ApplyNodePlatform). */
    PLATFORM
}
