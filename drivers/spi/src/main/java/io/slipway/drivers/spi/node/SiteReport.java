package io.slipway.drivers.spi.node;

import java.util.Map;
import java.util.Set;

/**
 * The result of {@link NodeDriver#verifySite}.
 *
 * @param catalog OS images the bootstrapper can deploy, each with the kernels offered for it
 * @param detail version or other information for operators
 */
public record SiteReport(Map<String, Set<String>> catalog, String detail) {}
