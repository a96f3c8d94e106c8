package io.slipway.engine.orchestrator;

import io.slipway.engine.dispatch.Dispatcher;
import io.slipway.engine.dispatch.NodeLedger;
import io.slipway.engine.lifecycle.LifecycleEngine;
import io.slipway.engine.lifecycle.NodeIntent;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.NodeEvent;
import io.vertx.core.Future;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * {@link TaskNodes} on the leader's lifecycle session: facts go into the dispatcher's session, new
 * nodes are saved through the ledger, and the node's site assignment is recorded through {@code assign}. Confined
 * to the dispatcher's context.
 */
public final class EngineTaskNodes implements TaskNodes {
    private final Dispatcher dispatcher;
    private final NodeLedger ledger;
    private final BiConsumer<String, SiteModel> assign;
    private final int budget;

    public EngineTaskNodes(Dispatcher dispatcher, NodeLedger ledger, BiConsumer<String, SiteModel> assign, int budget) {
        this.dispatcher = dispatcher;
        this.ledger = ledger;
        this.assign = assign;
        this.budget = budget;
    }

    @Override
    public Future<Void> take(SiteModel site, NodeIntent intent) {
        String node = intent.node();
        LifecycleEngine engine = dispatcher.engine();
        assign.accept(node, site);
        engine.put(site.nodeDesigns().get(node));
        engine.put(intent);
        if (engine.observation(node) != null) {
            return Future.succeededFuture();
        }
        NodeObservation fresh = NodeObservation.enrolled(node, budget);
        engine.put(fresh);
        return ledger.save(fresh, NodeEvent.transition(node, null, fresh.state().label(), taskOf(intent)));
    }

    @Override
    public NodeObservation observation(String node) {
        return dispatcher.engine().observation(node);
    }

    @Override
    public NodeIntent intent(String node) {
        return dispatcher.engine().intent(node);
    }

    @Override
    public void clearIntent(String node) {
        dispatcher.engine().clearIntent(node);
    }

    @Override
    public void evaluate() {
        dispatcher.evaluate();
    }

    private static UUID taskOf(NodeIntent intent) {
        return UUID.fromString(intent.taskId());
    }
}
