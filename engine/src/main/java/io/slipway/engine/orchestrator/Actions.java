package io.slipway.engine.orchestrator;

import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeIntent;
import java.util.List;
import java.util.Set;

/** The orchestrator's task actions (Drydock's names) and what each asks of a node. */
public final class Actions {
    public static final String VALIDATE_DESIGN = "validate_design";
    public static final String VERIFY_SITE = "verify_site";
    public static final String PREPARE_SITE = "prepare_site";
    public static final String VERIFY_NODES = "verify_nodes";
    public static final String PREPARE_NODES = "prepare_nodes";
    public static final String DEPLOY_NODES = "deploy_nodes";
    public static final String DESTROY_NODES = "destroy_nodes";
    public static final String RELABEL_NODES = "relabel_nodes";

    public static final List<String> ALL = List.of(
            VALIDATE_DESIGN,
            VERIFY_SITE,
            PREPARE_SITE,
            VERIFY_NODES,
            PREPARE_NODES,
            DEPLOY_NODES,
            DESTROY_NODES,
            RELABEL_NODES);
    public static final Set<String> NODE_ACTIONS =
            Set.of(VERIFY_NODES, PREPARE_NODES, DEPLOY_NODES, DESTROY_NODES, RELABEL_NODES);

    private Actions() {}

    public static boolean isNodeAction(String action) {
        return NODE_ACTIONS.contains(action);
    }

    /** The intent a node action sets for one node. */
    public static NodeIntent intent(String action, String node, String taskId) {
        return switch (action) {
            case VERIFY_NODES -> NodeIntent.toward(node, LifecycleState.MANAGEABLE, taskId);
            case PREPARE_NODES -> NodeIntent.toward(node, LifecycleState.AVAILABLE, taskId);
            case DEPLOY_NODES -> NodeIntent.toward(node, LifecycleState.DEPLOYED, taskId);
            case DESTROY_NODES -> NodeIntent.destroy(node, taskId);
            case RELABEL_NODES -> NodeIntent.relabel(node, taskId);
            default -> throw new IllegalArgumentException("not a node action: " + action);
        };
    }
}
