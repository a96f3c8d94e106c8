package io.slipway.engine.orchestrator;

import io.slipway.engine.design.model.NodeFilterSet;
import io.slipway.engine.effective.EffectiveNode;
import io.slipway.engine.effective.NodeFilters;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.Task;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/** The nodes a node action selects in its pinned revision; every way to select nothing is an error. */
final class NodeSelection {
    private NodeSelection() {}

    /**
     * The selected node names, in design order. Fails when the action needs a cluster driver that is
     * not configured, the filter is malformed or names what the revision lacks, or it selects nothing.
     */
    static Future<List<String>> of(Task task, SiteModel site, boolean kubernetes) {
        try {
            return Future.succeededFuture(select(task, site, kubernetes));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Future.failedFuture(e);
        }
    }

    private static List<String> select(Task task, SiteModel site, boolean kubernetes) {
        if (Actions.RELABEL_NODES.equals(task.action()) && !kubernetes) {
            // A site without a cluster driver is a configuration matter: no node is touched or blamed.
            throw new IllegalStateException("relabel_nodes needs a kubernetes driver, and none is configured");
        }
        NodeFilterSet filter = NodeFilterJson.parse(task.nodeFilter());
        List<String> unknown = NodeFilters.unknownNames(filter, site.design().nodes());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the node filter names what design revision " + site.revision()
                    + " does not have: " + String.join(", ", unknown));
        }
        List<String> nodes = NodeFilters.select(filter, site.design().nodes(), Map.of()).stream()
                .map(EffectiveNode::name)
                .toList();
        if (nodes.isEmpty()) {
            // A selection of nothing is a mistake, never a success: the task fails and says so.
            throw new IllegalArgumentException("the node filter selects no node of design revision " + site.revision());
        }
        return nodes;
    }
}
