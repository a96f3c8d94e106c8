package io.slipway.engine.dispatch;

import io.slipway.engine.lifecycle.LifecycleEngine;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.NodeEvent;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the leader's node runtime state: the lifecycle rule session, which design
 * revision each node is assigned to, and the ledger that persists observations. A change to a node
 * takes one path, {@link #record}: observe (the rules see it), persist (in order, through the
 * ledger), then tell the listeners and evaluate (once {@link #open}). A save that fails has one reaction ({@link
 * #saveFailed}): a fenced write halts this leader, any other failure is logged with the node.
 *
 * <p>Revisions that nodes are assigned to are pinned in the shared compiled-revision cache while
 * assigned, so each is compiled once; reassigning a node releases its previous revision. The
 * assignment map holds one entry per node of the assigned designs: a node a newer revision of its
 * site no longer has is dropped once nothing holds it.
 *
 * <p>Confined to the engine's worker context, like the rule session it owns.
 */
public final class NodeRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);
    private final LifecycleEngine session;
    private final NodeLedger ledger;
    private final Pins pins;
    private final Consumer<NodeObservation> changed;
    private final Runnable evaluate;
    private final Runnable halt;
    private final Map<String, SiteModel> assigned = new HashMap<>();
    private final Map<String, Long> newest = new HashMap<>();
    private boolean open;

    /** How a cache keeps revisions in use: {@code pin} and {@code unpin} are called in pairs. */
    public record Pins(LongConsumer pin, LongConsumer unpin) {
        public static final Pins NONE = new Pins(r -> {}, r -> {});
    }

    /**
     * @param changed told of every recorded change, after it was saved (the orchestrator settles tasks)
     * @param evaluate asks the rules again (the dispatcher)
     * @param halt stops this leader's dispatching (a newer epoch refused a write)
     */
    public NodeRuntime(
            LifecycleEngine session,
            NodeLedger ledger,
            Pins pins,
            Consumer<NodeObservation> changed,
            Runnable evaluate,
            Runnable halt) {
        this.session = session;
        this.ledger = ledger;
        this.pins = pins;
        this.changed = changed;
        this.evaluate = evaluate;
        this.halt = halt;
    }

    public LifecycleEngine session() {
        return session;
    }

    public NodeLedger ledger() {
        return ledger;
    }

    /** The node's current observation, or null when the node is not known. */
    public NodeObservation observation(String node) {
        return session.observation(node);
    }

    /** The revision the node is assigned to, or null. */
    public SiteModel site(String node) {
        return assigned.get(node);
    }

    /** Nodes assigned to a revision now (a copy). */
    public List<String> assignedNodes() {
        return List.copyOf(assigned.keySet());
    }

    /**
     * From now on recorded changes are evaluated. Before, while a new leader restores its nodes and
     * recovers its tasks, changes are only observed and persisted: nothing may act on a node before
     * its task has its intent back. The opener evaluates once.
     */
    public void open() {
        open = true;
    }

    /** Assigns the node to {@code site}: its design facts come from there and the revision stays pinned. */
    public void assign(String node, SiteModel site) {
        SiteModel before = assigned.put(node, site);
        if (before == site) {
            return;
        }
        pins.pin().accept(site.revision());
        if (before != null) {
            pins.unpin().accept(before.revision());
        }
        var design = site.nodeDesigns().get(node);
        if (design != null) {
            session.put(design);
        }
        if (site.revision() > newest.getOrDefault(site.site(), Long.MIN_VALUE)) {
            newest.put(site.site(), site.revision());
            leftBehind(site).forEach(this::unassign);
        }
    }

    /**
     * Nodes assigned to an older revision of {@code site}'s site that {@code site} no longer has and
     * that nothing holds (no task intent, no running step): they left the design, so nothing reads
     * their assignment again. Asked once per newer revision, so the map shrinks as designs do.
     */
    private List<String> leftBehind(SiteModel site) {
        return assigned.entrySet().stream()
                .filter(e -> e.getValue().site().equals(site.site())
                        && e.getValue().revision() < site.revision()
                        && !site.nodeDesigns().containsKey(e.getKey())
                        && session.intent(e.getKey()) == null
                        && !session.running(e.getKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Drops the node's assignment (its revision is released); its observation stays known. */
    public void unassign(String node) {
        SiteModel before = assigned.remove(node);
        if (before != null) {
            pins.unpin().accept(before.revision());
        }
    }

    /**
     * Observe, persist, evaluate: the rules see {@code after} at once, the ledger saves it after the
     * node's earlier writes, then (once saved) the listeners hear of it and the rules are asked again.
     * Fails as the save did, after {@link #saveFailed} reacted.
     */
    public Future<NodeObservation> record(NodeObservation after, NodeEvent event) {
        session.put(after);
        return ledger.save(after, event)
                .onFailure(e -> saveFailed(after.node(), e))
                .map(v -> {
                    if (open) {
                        changed.accept(after);
                        evaluate.run();
                    }
                    return after;
                });
    }

    /** The one reaction to a node write that could not be saved. */
    public void saveFailed(String node, Throwable e) {
        if (e instanceof StoreException se && se.kind() == StoreException.Kind.FENCED) {
            LOG.warn("a newer leader holds the site; dispatching stops ({})", e.getMessage());
            halt.run();
            return;
        }
        LOG.error("could not record the state of node {}: {}", node, e.toString());
    }
}
