package io.slipway.engine;

import io.slipway.engine.dispatch.Dispatcher;
import io.slipway.engine.dispatch.DriverSet;
import io.slipway.engine.dispatch.NodeLedger;
import io.slipway.engine.dispatch.NodeRuntime;
import io.slipway.engine.dispatch.Reconciler;
import io.slipway.engine.dispatch.StepRunner;
import io.slipway.engine.lifecycle.LifecycleEngine;
import io.slipway.engine.lifecycle.NodeDriverFacts;
import io.slipway.engine.orchestrator.EngineTaskNodes;
import io.slipway.engine.orchestrator.Orchestrator;
import io.slipway.engine.orchestrator.TaskStores;
import io.slipway.engine.rules.RuleSet;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.Fence;
import io.slipway.store.StoreHandle;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * One leader's engine, wired once with everything it needs through constructors: the node runtime
 * (rule session, assignments, ledger), dispatcher, orchestrator, reconciler and operator verbs,
 * all writing with {@code fence} and confined to {@code context}. {@link #begin} restores the
 * nodes, recovers the tasks and starts the timers; {@link #stop} ends it.
 */
final class EngineParts {
    final Context context;
    final Fence fence;
    final SiteCache sites;
    final NodeRuntime nodes;
    final Dispatcher dispatcher;
    final Orchestrator orchestrator;
    final Reconciler reconciler;
    final NodeVerbs verbs;
    private final StoreHandle store;
    private final EngineConfig config;
    private final DriverSet drivers;
    private final Timers timers;

    EngineParts(
            Context context,
            Fence fence,
            StoreHandle store,
            EngineConfig config,
            DriverSet drivers,
            RuleSet lifecycleRules,
            SiteCache sites,
            BooleanSupplier leaseValid) {
        this.context = context;
        this.fence = fence;
        this.store = store;
        this.config = config;
        this.drivers = drivers;
        this.sites = sites;
        this.timers = new Timers(context.owner());
        LifecycleEngine session = new LifecycleEngine(lifecycleRules, NodeDriverFacts.of(drivers.node()));
        NodeLedger ledger = new NodeLedger(store.nodes(), fence, store.leaderEpoch())
                .stampedWith(drivers.provenance(), this::placeOf);
        this.nodes = new NodeRuntime(
                session,
                ledger,
                new NodeRuntime.Pins(sites::pin, sites::unpin),
                this::changed,
                this::evaluate,
                this::halt);
        EngineSteps steps = new EngineSteps(store, fence, session, config.clock());
        StepRunner runner = new StepRunner(context.owner(), drivers, config.timeouts(), steps, steps);
        this.dispatcher = new Dispatcher(
                context,
                session,
                runner::run,
                ledger,
                config.limits(),
                config.retry(),
                nodes::site,
                this::changed,
                config.clock());
        dispatcher.actOnlyWhile(leaseValid);
        this.orchestrator = new Orchestrator(
                TaskStores.of(store.tasks(), store.messages(), store.siteLocks()),
                fence,
                sites::get,
                new EngineTaskNodes(
                        dispatcher, ledger, nodes::assign, config.retry().budget()),
                drivers.node(),
                drivers.hasKubernetes());
        this.reconciler = new Reconciler(context, drivers, nodes);
        this.verbs = new NodeVerbs(nodes, dispatcher, orchestrator, drivers);
    }

    /** Restores the nodes, recovers running tasks, then starts polling, reconciling and dispatching. */
    Future<Void> begin() {
        return nodes.ledger()
                .load()
                .compose(new EngineRestore(nodes, store.designs(), sites, drivers.provenance())::restore)
                .compose(v -> orchestrator.recover(store.history()))
                .map(v -> {
                    timers.periodic(
                            config.pollMs(), () -> orchestrator.poll().compose(x -> orchestrator.checkTerminations()));
                    scheduleReconcile();
                    nodes.open();
                    dispatcher.evaluate();
                    return null;
                });
    }

    // Late-bound: the runtime and the dispatcher call back into parts built after them.
    private void changed(io.slipway.engine.lifecycle.NodeObservation o) {
        orchestrator.nodeChanged(o);
    }

    private void evaluate() {
        dispatcher.evaluate();
    }

    private void halt() {
        dispatcher.stop();
    }

    /** The node's site and BMC (driver type and endpoint) in its current design, or null when not known. */
    private JsonObject placeOf(String node) {
        SiteModel site = nodes.site(node);
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

    private void scheduleReconcile() {
        long jitter = ThreadLocalRandom.current().nextLong(config.reconcileMs() / 10 + 1);
        // the power reads are spread over three quarters of the interval, not fired together
        timers.once(
                config.reconcileMs() + jitter,
                () -> reconciler.tick(config.reconcileMs() * 3 / 4).onComplete(r -> scheduleReconcile()));
    }

    /** Stops timers, dispatching and task writes, and disposes of the rule session. */
    void stop() {
        timers.cancel();
        dispatcher.stop();
        orchestrator.stop();
        nodes.session().close();
    }

    /** The engine's timers, all cancelled at once when it stops; none is set after that. */
    private static final class Timers {
        private final Vertx vertx;
        private final java.util.Set<Long> ids = new java.util.HashSet<>();
        private boolean cancelled;

        Timers(Vertx vertx) {
            this.vertx = vertx;
        }

        void periodic(long ms, Runnable tick) {
            if (!cancelled) {
                ids.add(vertx.setPeriodic(ms, id -> tick.run()));
            }
        }

        void once(long ms, Runnable fire) {
            if (!cancelled) {
                long[] self = new long[1];
                self[0] = vertx.setTimer(ms, id -> {
                    ids.remove(self[0]);
                    fire.run();
                });
                ids.add(self[0]);
            }
        }

        void cancel() {
            cancelled = true;
            ids.forEach(vertx::cancelTimer);
            ids.clear();
        }
    }
}
