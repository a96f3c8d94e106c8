package io.slipway.engine.dispatch;

import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.lifecycle.Step;
import io.slipway.store.Fence;
import io.slipway.store.NodeEvent;
import io.slipway.store.NodeState;
import io.slipway.store.NodeStateStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Persists node observations and their timeline. Writes for one node are chained so they reach the
 * store in order (each save carries the version the previous one returned); different nodes write
 * concurrently. A write the store answers "unavailable" is retried until it is back ({@link
 * StoreRetry}), so a database outage delays node changes but loses none. A node's write chain is
 * kept only while one of its writes waits. Confined to the dispatcher's context.
 */
public final class NodeLedger {
    private final NodeStateStore store;
    private final Fence fence;
    private final io.slipway.store.LeaderEpochStore epochs;
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, Future<Void>> tails = new HashMap<>();
    private final StoreRetry retry = new StoreRetry("a node state write");
    private final Map<String, JsonObject> stamps = new HashMap<>();
    private Provenance provenance = DriverSet.UNSPECIFIED;
    private java.util.function.Function<String, JsonObject> placeOf = node -> null;

    public NodeLedger(NodeStateStore store, Fence fence) {
        this(store, fence, null);
    }

    /** With {@code epochs}, {@link #stillCurrent()} checks the epoch in the store. */
    public NodeLedger(NodeStateStore store, Fence fence, io.slipway.store.LeaderEpochStore epochs) {
        this.store = store;
        this.fence = fence;
        this.epochs = epochs;
    }

    /**
     * Stamps every later write with {@code provenance} and the node's place from {@code placeOf} (see
     * {@link Provenance#stamp}; null when unknown). Called once, before {@link #load()}.
     */
    public NodeLedger stampedWith(Provenance provenance, java.util.function.Function<String, JsonObject> placeOf) {
        this.provenance = provenance;
        this.placeOf = placeOf;
        return this;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** The stamp of the node's last stored state (null: none, or written before stamps existed). */
    public JsonObject stamp(String node) {
        return stamps.get(node);
    }

    /** True when the node's stored state was observed under the current provenance, site and BMC. */
    public boolean trusted(String node) {
        return provenance.trusts(stamps.get(node), placeOf.apply(node));
    }

    public Fence fence() {
        return fence;
    }

    /** Writes still waiting for the database give up (this instance stops leading). */
    public void stopRetries() {
        retry.stop();
    }

    /**
     * Succeeds while this ledger's epoch is still the current one, else fails with {@code FENCED}.
     * Asked before every driver action that no fenced write precedes, so a deposed leader stops
     * before it touches hardware rather than after.
     */
    public Future<Void> stillCurrent() {
        return epochs == null
                ? Future.succeededFuture()
                : retry.run(epochs::current)
                        .compose(f -> f.epoch() == fence.epoch()
                                ? Future.succeededFuture()
                                : Future.failedFuture(io.slipway.store.StoreException.fenced(fence)));
    }

    /** Every persisted node, as observations (loaded once at start). */
    public Future<List<NodeObservation>> load() {
        return store.list()
                .map(states -> states.stream()
                        .map(s -> {
                            versions.put(s.nodeName(), s.version());
                            JsonObject stamp = s.progress().getJsonObject(Provenance.KEY);
                            if (stamp != null) {
                                stamps.put(s.nodeName(), stamp);
                            }
                            return observation(s);
                        })
                        .toList());
    }

    /** Saves {@code o} after this node's earlier writes, then appends {@code event} (may be null). */
    public Future<Void> save(NodeObservation o, NodeEvent event) {
        Future<Void> tail = tails.getOrDefault(o.node(), Future.succeededFuture());
        Future<Void> next = tail.transform(ignored -> retry.run(() -> write(o, event)));
        tails.put(o.node(), next);
        // The chain is only needed while a write waits: once the last one is done the node's entry goes.
        next.onComplete(ar -> tails.remove(o.node(), next));
        return next;
    }

    private Future<Void> write(NodeObservation o, NodeEvent event) {
        JsonObject stamp = provenance.stamp(placeOf.apply(o.node()));
        NodeState s = new NodeState(
                o.node(),
                o.state().label(),
                o.powerLabel(),
                null,
                o.lastError(),
                o.budget(),
                progress(o).put(Provenance.KEY, stamp),
                null,
                versions.getOrDefault(o.node(), 0L));
        return store.save(s, fence).compose(saved -> {
            versions.put(o.node(), saved.version());
            stamps.put(o.node(), stamp);
            return event == null
                    ? Future.<Void>succeededFuture()
                    : store.append(event, fence).mapEmpty();
        });
    }

    static JsonObject progress(NodeObservation o) {
        return new JsonObject()
                .put("done", new JsonArray(o.doneLabels()))
                .put("failures", o.failures())
                .put("paused", o.paused())
                .put("reason", o.reason())
                .put("maintenance", o.maintenance())
                .put(
                        "quarantined_from",
                        o.quarantinedFrom() == null ? null : o.quarantinedFrom().label());
    }

    static NodeObservation observation(NodeState s) {
        JsonObject p = s.progress();
        List<String> done = new ArrayList<>();
        p.getJsonArray("done", new JsonArray()).forEach(x -> done.add(String.valueOf(x)));
        return new NodeObservation(
                s.nodeName(),
                LifecycleState.fromLabel(s.lifecycleState()),
                NodeObservation.power(s.power()),
                Step.fromLabels(done),
                s.lastError(),
                p.getInteger("failures", 0),
                s.retryBudget(),
                p.getBoolean("paused", false),
                p.getString("reason"),
                p.getString("maintenance"),
                p.getString("quarantined_from") == null
                        ? null
                        : LifecycleState.fromLabel(p.getString("quarantined_from")));
    }

    static NodeEvent transition(NodeObservation from, NodeObservation to, UUID task) {
        return NodeEvent.transition(
                to.node(),
                from == null ? null : from.state().label(),
                to.state().label(),
                task);
    }
}
