package io.slipway.engine.orchestrator;

import io.slipway.engine.lifecycle.NodeIntent;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.site.SiteModel;
import io.vertx.core.Future;

/**
 * The lifecycle side of node tasks: where the orchestrator hands a node with its task's intent, and
 * what it reads back to decide whether the node has settled. Called on the orchestrator's context
 * only; implementations are confined to it and never block.
 */
public interface TaskNodes {

    /**
     * Hands {@code intent}'s node to the lifecycle: the node's design facts come from {@code site},
     * its intent replaces any earlier one, and a node never seen before is enrolled with a fresh
     * budget and saved. Idempotent. Fails when that save fails; the intent stays set either way.
     */
    Future<Void> take(SiteModel site, NodeIntent intent);

    /** The node's current observation, or {@code null} when it was never observed. */
    NodeObservation observation(String node);

    /** The node's current intent, or {@code null} when it has none. */
    NodeIntent intent(String node);

    /** Drops the node's intent, so nothing more is done on behalf of a task. Idempotent. */
    void clearIntent(String node);

    /** Asks the lifecycle to look at every node again (after intents changed). */
    void evaluate();
}
