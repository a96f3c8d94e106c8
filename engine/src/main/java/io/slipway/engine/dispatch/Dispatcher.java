package io.slipway.engine.dispatch;

import io.slipway.drivers.spi.DriverException;
import io.slipway.engine.lifecycle.Action;
import io.slipway.engine.lifecycle.Advance;
import io.slipway.engine.lifecycle.Decisions;
import io.slipway.engine.lifecycle.LifecycleEngine;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.lifecycle.Step;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.NodeEvent;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns lifecycle decisions into driver calls: state changes are applied at once, steps are started
 * with at most one in flight per node, within global and per-rack limits, and retried with backoff
 * until the node's budget is spent. A step's outcome is persisted before the node is considered
 * again, so after a crash no completed step runs twice.
 *
 * <p>Confined to one Vert.x context ({@code context}): every method must be called on it, and driver
 * and store callbacks are brought back to it before they touch state. Rule evaluation runs here, so
 * the context must be a worker context, never an event loop.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private final Context context;
    private final LifecycleEngine engine;
    private final StepRunner runner;
    private final NodeLedger ledger;
    private final Limits limits;
    private final RetryPolicy retry;
    private final Function<String, SiteModel> sites;
    private final Consumer<NodeObservation> listener;
    private final Map<String, Long> notBefore = new HashMap<>();
    private final Map<String, Integer> rackLoad = new HashMap<>();
    private final Set<String> busy = new HashSet<>();
    private final Map<String, io.vertx.core.Promise<String>> outcomes = new HashMap<>();
    private long wakeTimer = -1;
    private boolean evaluating;
    private boolean again;
    private volatile boolean stopped;
    private java.util.function.BooleanSupplier leaseValid = () -> true;

    public Dispatcher(
            Context context,
            LifecycleEngine engine,
            StepRunner runner,
            NodeLedger ledger,
            Limits limits,
            RetryPolicy retry,
            Function<String, SiteModel> sites,
            Consumer<NodeObservation> listener) {
        this.context = context;
        this.engine = engine;
        this.runner = runner;
        this.ledger = ledger;
        this.limits = limits;
        this.retry = retry;
        this.sites = sites;
        this.listener = listener;
    }

    public LifecycleEngine engine() {
        return engine;
    }

    public int inFlight() {
        return busy.size();
    }

    /** Stops starting steps (running ones finish and are recorded). Used when leadership is lost. */
    /** Asked right before each driver action; false stops this dispatcher instead (the lease ran out). */
    public void actOnlyWhile(java.util.function.BooleanSupplier valid) {
        this.leaseValid = valid;
    }

    /** Whether this dispatcher has stopped (fenced, lease lost, or engine stopped). Any thread. */
    public boolean stopped() {
        return stopped;
    }

    public void stop() {
        stopped = true;
        ledger.stopRetries();
    }

    /** Earliest time the node may be tried again, or 0. */
    public long notBefore(String node) {
        return notBefore.getOrDefault(node, 0L);
    }

    /** Applies every decision the rules currently reach; safe to call as often as anything changes. */
    public void evaluate() {
        if (evaluating) {
            again = true;
            return;
        }
        evaluating = true;
        try {
            for (int round = 0; round < 100 && !stopped; round++) {
                Decisions d = engine.decide();
                if (!advance(d)) {
                    start(d);
                    break;
                }
            }
        } finally {
            evaluating = false;
        }
        if (again) {
            again = false;
            context.runOnContext(v -> evaluate());
        }
    }

    /** Applies state changes; true if any happened (the rules must then be asked again). */
    private boolean advance(Decisions d) {
        boolean any = false;
        Set<String> seen = new HashSet<>();
        for (Advance a : d.advances()) {
            NodeObservation before = engine.observation(a.node());
            if (before == null || busy.contains(a.node()) || !seen.add(a.node())) {
                continue;
            }
            NodeObservation after = before.advanced(a.to());
            engine.put(after);
            ledger.save(
                            after,
                            NodeLedger.transition(before, after, null)
                                    .withExtra(new io.vertx.core.json.JsonObject()
                                            .put("rule", a.ruleId())
                                            .put("reason", a.reason())))
                    .onFailure(e -> persistFailed(a.node(), e));
            listener.accept(after);
            any = true;
        }
        return any;
    }

    private void start(Decisions d) {
        long now = System.currentTimeMillis();
        long wake = Long.MAX_VALUE;
        for (Action a : d.actions()) {
            if (busy.contains(a.node()) || stopped) {
                continue;
            }
            long nb = notBefore.getOrDefault(a.node(), 0L);
            if (nb > now) {
                wake = Math.min(wake, nb);
                continue;
            }
            SiteModel site = sites.apply(a.node());
            String rack = site == null || site.node(a.node()) == null
                    ? ""
                    : String.valueOf(site.node(a.node()).rack());
            if (busy.size() >= limits.global() || rackLoad.getOrDefault(rack, 0) >= limits.perRack() || site == null) {
                continue;
            }
            launch(a, site, rack);
        }
        if (wake != Long.MAX_VALUE) {
            wakeAt(wake);
        }
    }

    private void launch(Action a, SiteModel site, String rack) {
        busy.add(a.node());
        rackLoad.merge(rack, 1, Integer::sum);
        engine.started(a.node(), a.step());
        io.vertx.core.Promise<String> outcome = io.vertx.core.Promise.promise();
        outcomes.put(a.node(), outcome);
        outcome.future().onComplete(r -> context.runOnContext(x -> finish(a, rack, r)));
        NodeObservation running = engine.observation(a.node()).starting(a.step());
        Future<Void> recorded;
        if (running.equals(engine.observation(a.node()))) {
            recorded = ledger.stillCurrent();
        } else {
            recorded = ledger.save(running, NodeLedger.transition(engine.observation(a.node()), running, null));
            engine.put(running);
            listener.accept(running);
        }
        // Write-ahead: the fenced write lands before the driver acts, so a deposed leader never touches hardware.
        recorded.onComplete(saved -> context.runOnContext(v -> {
            if (saved.failed() && fenced(saved.cause())) {
                persistFailed(a.node(), saved.cause()); // stops this dispatcher
            }
            if (!stopped && !leaseValid.getAsBoolean()) {
                // The write-ahead may have landed just before a freeze; the lease tells that time has passed since.
                LOG.warn("the leader lease ran out; dispatching stops");
                stop();
            }
            if (stopped || outcome.future().isComplete()) {
                return; // the engine is gone or deposed, or an operator aborted the step before it started
            }
            // One line per driver action, with the epoch it was authorised under, for audits after a failover.
            LOG.info(
                    "action {} on {} under epoch {}",
                    a.step().label(),
                    a.node(),
                    ledger.fence().epoch());
            runner.run(a.step(), site, a.node()).onComplete(r -> {
                if (r.succeeded()) {
                    outcome.tryComplete(r.result());
                } else {
                    outcome.tryFail(r.cause());
                }
            });
        }));
    }

    private static final long STORE_PAUSE_MS = 2_000;

    private static boolean storeUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.slipway.store.StoreException se && se.retryable()) {
                return true;
            }
        }
        return false;
    }

    private static boolean fenced(Throwable e) {
        return e instanceof io.slipway.store.StoreException se
                && se.kind() == io.slipway.store.StoreException.Kind.FENCED;
    }

    /**
     * Ends the step running on {@code node} now as failed (the driver's late answer is ignored): the
     * node goes to the failed state of the step's phase without spending its retry budget.
     *
     * @return the step aborted
     * @throws IllegalStateException when no step runs on the node
     */
    public Step abort(String node, String why) {
        io.vertx.core.Promise<String> outcome = outcomes.get(node);
        Step running = engine.runningStep(node);
        if (outcome == null || running == null || !outcome.tryFail(new StepAborted(why))) {
            throw new IllegalStateException("no step is running on " + node);
        }
        return running;
    }

    private void finish(Action a, String rack, AsyncResult<String> r) {
        outcomes.remove(a.node());
        NodeObservation before = engine.observation(a.node());
        NodeObservation after;
        NodeEvent event;
        if (r.failed() && r.cause() instanceof StepAborted aborted) {
            after = before.aborted(a.step(), "aborted by an operator: " + aborted.getMessage());
            event = NodeEvent.of(a.node(), "aborted", a.step().label() + ": " + after.reason());
        } else if (r.succeeded()) {
            after = before.succeeded(a.step());
            notBefore.remove(a.node());
            event = NodeEvent.of(a.node(), "step", a.step().label() + ": " + r.result());
        } else {
            after = failed(before, a.step(), r.cause());
            event = NodeEvent.of(a.node(), "step-failed", a.step().label() + ": " + describe(r.cause()));
        }
        ledger.save(after, event)
                .onComplete(saved -> context.runOnContext(v -> {
                    if (saved.failed()) {
                        persistFailed(a.node(), saved.cause());
                    }
                    if (stopped) {
                        return; // the engine is gone; its rule session must not be touched
                    }
                    busy.remove(a.node());
                    rackLoad.merge(rack, -1, Integer::sum);
                    engine.finished(a.node());
                    engine.put(after);
                    listener.accept(after);
                    evaluate();
                }));
    }

    private NodeObservation failed(NodeObservation before, Step step, Throwable cause) {
        if (storeUnavailable(cause)) {
            // The step needed the database (build data, boot-action keys), which is down: not the node's
            // failure. The step runs again once the pause is over, without spending the node's retry budget.
            notBefore.put(before.node(), System.currentTimeMillis() + STORE_PAUSE_MS);
            return before;
        }
        String why = describe(cause);
        boolean retriable = !(cause instanceof DriverException de) || de.retriable();
        NodeObservation after = retriable ? before.failed(step, why) : before.exhausted(step, why);
        if (!after.state().equals(io.slipway.engine.lifecycle.LifecycleState.QUARANTINED)) {
            notBefore.put(before.node(), System.currentTimeMillis() + retry.delayAfter(after.failures()));
        }
        return after;
    }

    private static String describe(Throwable t) {
        if (t instanceof DriverException de) {
            return de.kind() + ": " + de.getMessage()
                    + de.completionCode().stream()
                            .mapToObj(c -> " (code " + c + ")")
                            .findFirst()
                            .orElse("");
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private void wakeAt(long at) {
        if (wakeTimer >= 0) {
            context.owner().cancelTimer(wakeTimer);
        }
        long delay = Math.max(1, at - System.currentTimeMillis());
        wakeTimer = context.owner()
                .setTimer(
                        delay,
                        t -> context.runOnContext(v -> {
                            wakeTimer = -1;
                            evaluate();
                        }));
    }

    private void persistFailed(String node, Throwable e) {
        if (fenced(e)) {
            LOG.warn("a newer leader holds the site; dispatching stops ({})", e.getMessage());
            stop();
            return;
        }
        LOG.error("could not record the state of node {}: {}", node, e.toString());
    }

    /** Convenience for callers outside the context. */
    public Future<Void> onContext(Runnable r) {
        io.vertx.core.Promise<Void> p = io.vertx.core.Promise.promise();
        context.runOnContext(v -> {
            try {
                r.run();
                p.complete();
            } catch (RuntimeException e) {
                p.fail(e);
            }
        });
        return p.future();
    }
}
