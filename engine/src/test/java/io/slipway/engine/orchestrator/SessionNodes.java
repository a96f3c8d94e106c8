package io.slipway.engine.orchestrator;

import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeIntent;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.site.SiteModel;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;

/**
 * The lifecycle side of one leader as its session holds it (observations, intents, the revision
 * each node was handed with), without the rules: a test moves nodes itself, as driver steps would,
 * and reports each move to the orchestrator as the engine does.
 */
final class SessionNodes implements TaskNodes {
    static final int BUDGET = 3;
    final Map<String, NodeObservation> observations = new HashMap<>();
    final Map<String, NodeIntent> intents = new HashMap<>();
    final Map<String, Long> revisions = new HashMap<>();
    int evaluations;

    /** A new leader's session: the nodes as the previous leader saved them. */
    SessionNodes restoring(NodeObservation... saved) {
        for (NodeObservation o : saved) {
            observations.put(o.node(), o);
        }
        return this;
    }

    @Override
    public Future<Void> take(SiteModel site, NodeIntent intent) {
        revisions.put(intent.node(), site.revision());
        intents.put(intent.node(), intent);
        observations.computeIfAbsent(intent.node(), n -> NodeObservation.enrolled(n, BUDGET));
        return Future.succeededFuture();
    }

    @Override
    public NodeObservation observation(String node) {
        return observations.get(node);
    }

    @Override
    public NodeIntent intent(String node) {
        return intents.get(node);
    }

    @Override
    public void clearIntent(String node) {
        intents.remove(node);
    }

    @Override
    public void evaluate() {
        evaluations++;
    }

    /** The node's steps took it to {@code to}; the orchestrator hears of it. */
    NodeObservation move(Orchestrator orchestrator, String node, LifecycleState to) {
        NodeObservation moved = observations.get(node).advanced(to);
        observations.put(node, moved);
        orchestrator.nodeChanged(moved);
        return moved;
    }

    /** The task id the node's intent is for, or null. */
    String taskOf(String node) {
        NodeIntent i = intents.get(node);
        return i == null ? null : i.taskId();
    }
}
