package io.slipway.drivers.spi.node;

/**
 * What a deployed node was deployed from: the image (name and sha256 as the bootstrapper verified it)
 * and the design revision its spec was compiled from.
 */
public record DeployedImage(String image, String sha256, long designRevision) {}
