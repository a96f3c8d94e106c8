package io.slipway.engine.orchestrator;

import io.slipway.engine.lifecycle.NodeIntent;
import java.util.List;
import java.util.Set;

/**
 * Task actions by their stored labels: lookups over {@link TaskAction}, which defines the vocabulary.
 * The label constants are what {@link TaskAction} is built from; they stay compile-time constants so
 * code reading a stored task can {@code switch} on its action.
 */
public final class Actions {
    public static final String VALIDATE_DESIGN = "validate_design";
    public static final String VERIFY_SITE = "verify_site";
    public static final String PREPARE_SITE = "prepare_site";
    public static final String VERIFY_NODES = "verify_nodes";
    public static final String PREPARE_NODES = "prepare_nodes";
    public static final String DEPLOY_NODES = "deploy_nodes";
    public static final String DESTROY_NODES = "destroy_nodes";
    public static final String RELABEL_NODES = "relabel_nodes";

    /** Every action's label, in {@link TaskAction} order. */
    public static final List<String> ALL = TaskAction.labels();

    /** The labels of the actions that work node by node. */
    public static final Set<String> NODE_ACTIONS = TaskAction.nodeLabels();

    private Actions() {}

    public static boolean isNodeAction(String action) {
        return TaskAction.fromLabel(action).map(TaskAction::nodeAction).orElse(false);
    }

    /** The intent a node action sets for one node; an unknown or site action fails naming it. */
    public static NodeIntent intent(String action, String node, String taskId) {
        return TaskAction.fromLabel(action)
                .orElseThrow(() -> new IllegalArgumentException("not a node action: " + action))
                .intent(node, taskId);
    }
}
