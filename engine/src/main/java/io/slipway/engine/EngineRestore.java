package io.slipway.engine;

import io.slipway.engine.dispatch.NodeRuntime;
import io.slipway.engine.dispatch.Provenance;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.store.DesignStore;
import io.slipway.store.NodeEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A new leader's first look at the nodes: known nodes come back with their recorded progress and
 * are assigned to the newest design revision that has them; a node whose state was observed under
 * other drivers, a simulator or another site is not trusted and goes back to {@code enrolled}.
 * Runs once, on the engine's context, before any task is claimed.
 */
final class EngineRestore {
    private final NodeRuntime nodes;
    private final DesignStore designs;
    private final SiteCache sites;
    private final Provenance current;

    EngineRestore(NodeRuntime nodes, DesignStore designs, SiteCache sites, Provenance current) {
        this.nodes = nodes;
        this.designs = designs;
        this.sites = sites;
        this.current = current;
    }

    /** Puts every persisted node back; completes once the untrusted ones are recorded as reset. */
    Future<Void> restore(List<NodeObservation> known) {
        known.forEach(nodes.session()::put);
        if (known.isEmpty()) {
            return Future.succeededFuture();
        }
        return designs.recent(1)
                .compose(latest -> latest.isEmpty()
                        ? Future.succeededFuture()
                        : sites.get(latest.get(0).id()).map(site -> {
                            for (NodeObservation o : known) {
                                if (site.nodeDesigns().containsKey(o.node())) {
                                    nodes.assign(o.node(), site);
                                }
                            }
                            return null;
                        }))
                .compose(v -> distrust(known));
    }

    /**
     * Sends every node observed under another provenance back to {@code enrolled} with unknown power
     * (operator pause kept): nothing acts on it until a task verifies it through the current drivers.
     */
    private Future<Void> distrust(List<NodeObservation> known) {
        List<Future<NodeObservation>> saves = new ArrayList<>();
        for (NodeObservation o : known) {
            if (nodes.ledger().trusted(o.node())) {
                continue;
            }
            NodeObservation reset =
                    NodeObservation.enrolled(o.node(), o.budget()).withPaused(o.paused());
            JsonObject was = nodes.ledger().stamp(o.node());
            String detail = "state " + o.state().label() + " (power " + o.powerLabel() + ") was observed through "
                    + Provenance.describe(was)
                    + ", not the current drivers "
                    + current.id() + ": back to enrolled, power unknown, until a task verifies the node";
            saves.add(nodes.record(
                    reset,
                    new NodeEvent(
                            0,
                            o.node(),
                            null,
                            NodeEvent.TRANSITION,
                            o.state().label(),
                            reset.state().label(),
                            null,
                            detail,
                            new JsonObject().put("untrusted", was == null ? new JsonObject() : was.copy()))));
        }
        return Future.all(saves).mapEmpty();
    }
}
