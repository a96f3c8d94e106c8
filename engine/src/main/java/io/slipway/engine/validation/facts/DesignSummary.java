package io.slipway.engine.validation.facts;

import java.util.Map;
import java.util.Set;

/**
 * Site-wide facts: counts, and the OS images/kernels the node driver offers ({@code catalog} is null
 * when no node driver is enabled, in which case platform selection cannot be checked).
 */
public record DesignSummary(int networks, int nodes, Map<String, Set<String>> catalog) {

    public boolean hasCatalog() {
        return catalog != null;
    }

    public boolean offersImage(String image) {
        return catalog != null && catalog.containsKey(image);
    }

    public boolean offersKernel(String image, String kernel) {
        return catalog != null && catalog.getOrDefault(image, Set.of()).contains(kernel);
    }
}
