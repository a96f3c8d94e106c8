package io.slipway.engine;

import io.slipway.engine.dispatch.Dispatcher;
import io.slipway.engine.dispatch.DriverSet;
import io.slipway.engine.dispatch.NodeLedger;
import io.slipway.engine.dispatch.Reconciler;
import io.slipway.engine.dispatch.StepRunner;
import io.slipway.engine.lifecycle.LifecycleEngine;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.orchestrator.EngineTaskNodes;
import io.slipway.engine.orchestrator.Orchestrator;
import io.slipway.engine.orchestrator.TaskStores;
import io.slipway.engine.rules.RuleSet;
import io.slipway.engine.site.SiteModel;
import io.slipway.engine.site.SiteModels;
import io.slipway.store.BuildData;
import io.slipway.store.Fence;
import io.slipway.store.StoreHandle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The leader's engine, deployed as a worker verticle: everything that touches the lifecycle session
 * runs on this verticle's context, one event at a time. Starting it advances the fencing epoch, so
 * every write of a previous leader is rejected from then on.
 */
final class EngineVerticle extends VerticleBase {
    private final StoreHandle store;
    private final EngineConfig config;
    private final DriverSet drivers;
    private final RuleSet validationRules;
    private final RuleSet lifecycleRules;
    private final String instanceId;
    final Map<String, SiteModel> nodeSites = new HashMap<>();
    Fence fence;
    LifecycleEngine lifecycle;
    Dispatcher dispatcher;
    Orchestrator orchestrator;
    Reconciler reconciler;
    SiteCache sites;
    NodeLedger ledger;
    NodeVerbs verbs;
    java.util.function.BooleanSupplier leaseValid = () -> true;
    private long pollTimer = -1;
    private long reconcileTimer = -1;

    EngineVerticle(
            StoreHandle store,
            EngineConfig config,
            DriverSet drivers,
            RuleSet validationRules,
            RuleSet lifecycleRules,
            String instanceId) {
        this.store = store;
        this.config = config;
        this.drivers = drivers;
        this.validationRules = validationRules;
        this.lifecycleRules = lifecycleRules;
        this.instanceId = instanceId;
    }

    @Override
    public Future<?> start() {
        return store.leaderEpoch()
                .advance(instanceId)
                .compose(f -> {
                    fence = f;
                    wire();
                    return ledger.load();
                })
                .compose(this::restore)
                .compose(v -> orchestrator.recover(store.history()))
                .map(v -> {
                    pollTimer = vertx.setPeriodic(
                            config.pollMs(), t -> orchestrator.poll().compose(x -> orchestrator.checkTerminations()));
                    scheduleReconcile();
                    dispatcher.evaluate();
                    return null;
                });
    }

    private void wire() {
        lifecycle = new LifecycleEngine(lifecycleRules, io.slipway.engine.lifecycle.NodeDriverFacts.of(drivers.node()));
        ledger = new NodeLedger(store.nodes(), fence, store.leaderEpoch())
                .stampedWith(drivers.provenance(), this::placeOf);
        sites = new SiteCache(vertx, store.designs(), new SiteModels(validationRules, drivers.hasNetwork()));
        StepRunner runner = new StepRunner(
                vertx,
                drivers,
                config.timeouts(),
                (node, m) -> store.buildData()
                        .append(
                                new BuildData(
                                        0, node, taskOf(node), Instant.now(), m.generator(), m.format(), m.data()),
                                fence)
                        .mapEmpty(),
                this::issueBootActions);
        dispatcher = new Dispatcher(
                context, lifecycle, runner, ledger, config.limits(), config.retry(), nodeSites::get, this::changed);
        dispatcher.actOnlyWhile(leaseValid);
        orchestrator = new Orchestrator(
                TaskStores.of(store.tasks(), store.messages(), store.siteLocks()),
                fence,
                sites::get,
                new EngineTaskNodes(
                        dispatcher, ledger, nodeSites::put, config.retry().budget()),
                drivers.node(),
                drivers.hasKubernetes());
        reconciler = new Reconciler(context, dispatcher, drivers, ledger, nodeSites::get);
        verbs = new NodeVerbs(lifecycle, ledger, dispatcher, orchestrator, drivers, nodeSites);
    }

    /** The node's site and BMC (driver type and endpoint) in its current design, or null when not known. */
    private JsonObject placeOf(String node) {
        SiteModel site = nodeSites.get(node);
        if (site == null) {
            return null;
        }
        var spec = site.nodeSpecs().get(node);
        var target = site.oobTargets().get(node);
        String oob = spec == null || target == null
                ? null
                : drivers.oobTypeFor(spec.oobType()) + "@" + target.address() + ":" + target.port();
        return new JsonObject().put("site", site.site()).put("oob", oob);
    }

    private java.util.UUID taskOf(String node) {
        var intent = lifecycle.intent(node);
        try {
            return intent == null ? null : java.util.UUID.fromString(intent.taskId());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A node being deployed gets a boot-action context from its task's pinned revision, unless it
     * already holds one of this task (a retried deploy must not change the key the node was given).
     */
    private Future<io.slipway.engine.bootaction.IssuedContext> issueBootActions(SiteModel site, String node) {
        java.util.UUID task = taskOf(node);
        if (task == null) {
            return Future.succeededFuture(null);
        }
        return store.bootActions().context(node).transform(existing -> {
            if (existing.succeeded() && task.equals(existing.result().taskId())) {
                return Future.succeededFuture(null);
            }
            return store.tasks()
                    .find(task)
                    .compose(t -> t.designRevision() != null && t.designRevision() == site.revision()
                            ? io.slipway.engine.bootaction.BootActionContexts.create(store.bootActions())
                                    .create(site, t, node, fence)
                            // A task running on a locked site's other revision: boot actions render from the task's own
                            // revision, so no context is issued rather than a mismatched one.
                            : Future.succeededFuture(null));
        });
    }

    /** The worker context everything of this engine runs on. */
    io.vertx.core.Context engineContext() {
        return context;
    }

    private void changed(NodeObservation o) {
        orchestrator.nodeChanged(o);
    }

    /**
     * Known nodes come back with their recorded progress; the newest revision gives their design facts.
     * A node whose state was observed under other drivers, a simulator or another site is not trusted.
     */
    private Future<Void> restore(List<NodeObservation> known) {
        known.forEach(lifecycle::put);
        if (known.isEmpty()) {
            return Future.succeededFuture();
        }
        return store.designs()
                .recent(1)
                .compose(latest -> latest.isEmpty()
                        ? Future.succeededFuture()
                        : sites.get(latest.get(0).id()).map(site -> {
                            for (NodeObservation o : known) {
                                if (site.nodeDesigns().containsKey(o.node())) {
                                    nodeSites.put(o.node(), site);
                                    lifecycle.put(site.nodeDesigns().get(o.node()));
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
        List<Future<Void>> saves = new java.util.ArrayList<>();
        for (NodeObservation o : known) {
            if (ledger.trusted(o.node())) {
                continue;
            }
            NodeObservation reset =
                    NodeObservation.enrolled(o.node(), o.budget()).withPaused(o.paused());
            lifecycle.put(reset);
            String detail = "state " + o.state().label() + " (power " + o.powerLabel() + ") was observed through "
                    + io.slipway.engine.dispatch.Provenance.describe(ledger.stamp(o.node()))
                    + ", not the current drivers "
                    + drivers.provenance().id() + ": back to enrolled, power unknown, until a task verifies the node";
            JsonObject was = ledger.stamp(o.node());
            saves.add(ledger.save(
                    reset,
                    new io.slipway.store.NodeEvent(
                            0,
                            o.node(),
                            null,
                            io.slipway.store.NodeEvent.TRANSITION,
                            o.state().label(),
                            reset.state().label(),
                            null,
                            detail,
                            new JsonObject().put("untrusted", was == null ? new JsonObject() : was.copy()))));
        }
        return Future.all(saves).mapEmpty();
    }

    Future<NodeObservation> setPaused(String node, boolean paused) {
        NodeObservation o = lifecycle.observation(node);
        if (o == null) {
            return Future.failedFuture(new IllegalArgumentException("unknown node " + node));
        }
        NodeObservation changed = o.withPaused(paused);
        lifecycle.put(changed);
        return ledger.save(
                        changed,
                        io.slipway.store.NodeEvent.of(
                                node,
                                paused ? "paused" : "resumed",
                                paused ? "automatic actions paused by an operator" : "automatic actions resumed"))
                .map(v -> {
                    dispatcher.evaluate();
                    return changed;
                });
    }

    private void scheduleReconcile() {
        long jitter = ThreadLocalRandom.current().nextLong(config.reconcileMs() / 10 + 1);
        // the power reads are spread over three quarters of the interval, not fired together
        reconcileTimer = vertx.setTimer(
                config.reconcileMs() + jitter,
                t -> reconciler
                        .tick(List.copyOf(nodeSites.keySet()), config.reconcileMs() * 3 / 4)
                        .onComplete(r -> scheduleReconcile()));
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(pollTimer);
        vertx.cancelTimer(reconcileTimer);
        dispatcher.stop();
        orchestrator.stop();
        lifecycle.close();
        return Future.succeededFuture();
    }
}
