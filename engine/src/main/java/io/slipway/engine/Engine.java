package io.slipway.engine;

import io.slipway.engine.dispatch.DriverSet;
import io.slipway.engine.effective.NodeFilters;
import io.slipway.engine.lifecycle.Explanation;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.lifecycle.PlannedStep;
import io.slipway.engine.orchestrator.Actions;
import io.slipway.engine.orchestrator.NodeFilterJson;
import io.slipway.engine.rules.RuleSet;
import io.slipway.engine.site.SiteModels;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * The orchestrating engine of the leading instance: accepts tasks, drives nodes through their
 * lifecycle with the configured drivers, and answers explain and plan questions. Every method is
 * non-blocking and may be called from any thread; work happens on the engine's worker context.
 */
public final class Engine {
    private final Vertx vertx;
    private final StoreHandle store;
    private final EngineParts parts;
    private final String deployment;

    private Engine(Vertx vertx, StoreHandle store, EngineParts parts, String deployment) {
        this.vertx = vertx;
        this.store = store;
        this.parts = parts;
        this.deployment = deployment;
    }

    /**
     * Starts the engine (advancing the fencing epoch) and resumes whatever a previous leader left
     * running; it compiles revisions into a cache of its own.
     */
    public static Future<Engine> start(
            Vertx vertx,
            StoreHandle store,
            EngineConfig config,
            DriverSet drivers,
            RuleSet validationRules,
            RuleSet lifecycleRules,
            String instanceId) {
        SiteCache sites = new SiteCache(vertx, store.designs(), new SiteModels(validationRules, drivers.hasNetwork()));
        return start(vertx, store, config, drivers, lifecycleRules, sites, instanceId, () -> true);
    }

    /**
     * As above, with the process's shared compiled-revision cache, and {@code leaseValid} asked
     * immediately before every driver action: once it is false (a lease that ran out while the
     * process was frozen), no further action starts.
     */
    public static Future<Engine> start(
            Vertx vertx,
            StoreHandle store,
            EngineConfig config,
            DriverSet drivers,
            RuleSet lifecycleRules,
            SiteCache sites,
            String instanceId,
            BooleanSupplier leaseValid) {
        EngineVerticle v = new EngineVerticle(context -> store.leaderEpoch()
                .advance(instanceId)
                .compose(fence -> {
                    EngineParts parts =
                            new EngineParts(context, fence, store, config, drivers, lifecycleRules, sites, leaseValid);
                    return parts.begin().map(parts).onFailure(e -> parts.stop());
                }));
        return vertx.deployVerticle(v, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
                .compose(id -> v.parts().map(parts -> new Engine(vertx, store, parts, id)));
    }

    /** The compiled-revision cache this engine pins its revisions in. */
    public SiteCache sites() {
        return parts.sites;
    }

    /** Queues a task: an action on a design revision, optionally for the nodes a filter selects. */
    public Future<Task> submit(String action, long revision, JsonObject nodeFilter, String requestedBy) {
        if (!Actions.ALL.contains(action)) {
            return Future.failedFuture(
                    new IllegalArgumentException("unknown action " + action + "; known: " + Actions.ALL));
        }
        try {
            NodeFilterJson.parse(nodeFilter);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        Task task = Task.request(action, revision, nodeFilter, requestedBy, new JsonObject())
                .withStatus(TaskStatus.QUEUED);
        Future<Void> names = Actions.isNodeAction(action) && nodeFilter != null && !nodeFilter.isEmpty()
                ? knownNames(revision, nodeFilter)
                : Future.succeededFuture();
        return names.compose(v -> store.tasks().create(task))
                .compose(t -> on(() -> {
                    parts.orchestrator.poll();
                    return t;
                }));
    }

    /**
     * Fails with {@link IllegalArgumentException} naming every node, tag or rack the filter names
     * that the revision does not have. A revision that does not compile is left to the task to report.
     */
    private Future<Void> knownNames(long revision, JsonObject nodeFilter) {
        return on(() -> parts.sites.get(revision)).compose(f -> f).transform(site -> {
            if (site.failed()) {
                return Future.succeededFuture();
            }
            List<String> unknown = NodeFilters.unknownNames(
                    NodeFilterJson.parse(nodeFilter), site.result().design().nodes());
            return unknown.isEmpty()
                    ? Future.succeededFuture()
                    : Future.failedFuture(new IllegalArgumentException(
                            "node_filter: " + String.join(", ", unknown) + " in design revision " + revision));
        });
    }

    /** Why a node is where it is and what it waits for. */
    public Future<Explanation> explain(String node) {
        return on(() -> parts.nodes.session().explain(node).withVerbs(parts.verbs.manualVerbs(node)));
    }

    /** The node's current observed facts, or null. */
    public Future<NodeObservation> observation(String node) {
        return on(() -> parts.nodes.observation(node));
    }

    /** The steps the rules would take for an action on a revision, without running anything. */
    public Future<Map<String, List<PlannedStep>>> plan(String action, long revision, JsonObject nodeFilter) {
        return on(() -> parts.sites.get(revision))
                .compose(f -> f)
                .compose(site -> plan(action, site, nodeFilter, "design revision " + revision));
    }

    /** As {@link #plan(String, long, JsonObject)} for a design that is not stored: compiled in memory, never written. */
    public Future<Map<String, List<PlannedStep>>> plan(
            String action, io.slipway.engine.design.SourceText design, JsonObject nodeFilter) {
        return on(() -> parts.sites.compile(design))
                .compose(f -> f)
                .compose(site -> plan(action, site, nodeFilter, design.name()));
    }

    private Future<Map<String, List<PlannedStep>>> plan(
            String action, io.slipway.engine.site.SiteModel site, JsonObject nodeFilter, String where) {
        return on(() -> EnginePlans.plan(parts.nodes, action, site, nodeFilter, where));
    }

    /**
     * Pauses (or resumes) automatic actions for a node, drift correction included; the pause is
     * recorded and survives restarts. Fails when the node is unknown.
     */
    public Future<NodeObservation> pause(String node, boolean paused) {
        return on(() -> parts.verbs.pause(node, paused)).compose(f -> f);
    }

    /**
     * Releases a quarantined node back to the state it was quarantined from, with a fresh retry
     * budget; the quarantine reason stays on its timeline. Fails {@link IllegalArgumentException} for
     * an unknown node, {@link IllegalStateException} when the node is not quarantined.
     */
    public Future<NodeObservation> release(String node, String reason, String by) {
        return on(() -> parts.verbs.release(node, reason, by)).compose(f -> f);
    }

    /**
     * Puts a node in maintenance (nothing but reads happen to it; its tasks count it as failed) or
     * takes it out. Recorded, so it survives restarts. A reason is required to turn it on.
     */
    public Future<NodeObservation> maintenance(String node, boolean on, String reason, String by) {
        return on(() -> parts.verbs.maintenance(node, on, reason, by)).compose(f -> f);
    }

    /**
     * Aborts the step running on a node: it fails at once (the driver's late answer is ignored), the
     * node's task counts it as failed, and the node is paused until resumed. Fails
     * {@link IllegalStateException} when no step runs on the node.
     */
    public Future<io.slipway.engine.lifecycle.Step> abort(String node, String reason, String by) {
        return on(() -> parts.verbs.abort(node, reason, by)).compose(f -> f);
    }

    /**
     * Confirms ({@code ok}) or rejects the oldest request the {@code manual} OOB driver is waiting on
     * for this node; completes with the request's description. Fails {@link IllegalStateException}
     * when the node's BMC is not manual or nothing waits.
     */
    public Future<String> answer(String node, boolean ok, String reason, String by) {
        return on(() -> parts.verbs.answer(node, ok, reason, by)).compose(f -> f);
    }

    /** Runs one reconcile tick now (the timer runs them periodically); completes with the nodes observed. */
    public Future<Integer> reconcile() {
        return on(parts.reconciler::tick).compose(f -> f);
    }

    /** The fencing epoch this engine writes with. */
    public long epoch() {
        return parts.fence.epoch();
    }

    /**
     * Whether the engine has stopped dispatching on its own: a newer epoch refused its writes, or its
     * lease ran out. Such an engine must be replaced, not resumed. Any thread.
     */
    public boolean halted() {
        return parts.dispatcher.stopped();
    }

    public Future<Void> stop() {
        return vertx.undeploy(deployment);
    }

    private <T> Future<T> on(Callable<T> work) {
        Promise<T> p = Promise.promise();
        parts.context.runOnContext(v -> {
            try {
                p.complete(work.call());
            } catch (Exception e) {
                p.fail(e);
            }
        });
        return p.future();
    }
}
