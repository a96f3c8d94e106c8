package io.slipway.engine.design.model;

import java.util.List;
import java.util.Map;

/** Selects nodes: filters combined by {@code union} or {@code intersection}. */
public record NodeFilterSet(String setType, List<NodeFilter> filters) {

    /**
     * One filter. Each non-empty criterion restricts (intersection) or extends (union) the selection,
     * per {@code filterType}. Labels match a node's {@code owner_data} (key and value must both match).
     */
    public record NodeFilter(
            String filterType,
            List<String> nodeNames,
            List<String> nodeTags,
            Map<String, String> nodeLabels,
            List<String> rackNames,
            Map<String, String> rackLabels) {}
}
