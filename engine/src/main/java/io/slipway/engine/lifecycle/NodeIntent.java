package io.slipway.engine.lifecycle;

/**
 * What a task wants for a node. Nodes only move forward towards {@code target}; moving a node
 * backwards (releasing a deployed node) needs {@code destroy}.
 *
 * @param relabel the node's Kubernetes labels should be refreshed
 */
public record NodeIntent(String node, LifecycleState target, boolean destroy, boolean relabel, String taskId) {

    public static NodeIntent toward(String node, LifecycleState target, String taskId) {
        return new NodeIntent(node, target, false, false, taskId);
    }

    public static NodeIntent destroy(String node, String taskId) {
        return new NodeIntent(node, LifecycleState.AVAILABLE, true, false, taskId);
    }

    /** Refresh labels only: the target is the lowest rank, so relabelling never moves a node. */
    public static NodeIntent relabel(String node, String taskId) {
        return new NodeIntent(node, LifecycleState.ENROLLED, false, true, taskId);
    }

    public int targetRank() {
        return target.rank();
    }
}
