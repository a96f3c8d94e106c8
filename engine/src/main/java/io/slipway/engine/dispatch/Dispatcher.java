package io.slipway.engine.dispatch;

import io.slipway.engine.lifecycle.Action;
import io.slipway.engine.lifecycle.Advance;
import io.slipway.engine.lifecycle.Decisions;
import io.slipway.engine.lifecycle.LifecycleEngine;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.lifecycle.Step;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.StoreException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns lifecycle decisions into driver calls: state changes are applied at once, steps are started
 * with at most one in flight per node, within global and per-rack limits ({@link Capacity}), and
 * retried with backoff until the node's budget is spent ({@link Backoff}, timed by the injected
 * {@link Clock}). A step's outcome is persisted before the node is considered again, so after a crash
 * no completed step runs twice.
 *
 * <p>Confined to one Vert.x context ({@code context}): every method must be called on it, and driver
 * and store callbacks are brought back to it before they touch state. Rule evaluation runs here, so
 * the context must be a worker context, never an event loop.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private final Context context;
    private final LifecycleEngine engine;
    private final NodeLedger ledger;
    private final Function<String, SiteModel> sites;
    private final Consumer<NodeObservation> listener;
    private final Capacity capacity;
    private final Backoff backoff;
    private final WakeTimer wake;
    private final StepFlights flights;
    private boolean evaluating;
    private boolean again;
    private volatile boolean stopped;

    /** As below, on the system clock. */
    public Dispatcher(
            Context context,
            LifecycleEngine engine,
            StepRunner runner,
            NodeLedger ledger,
            Limits limits,
            RetryPolicy retry,
            Function<String, SiteModel> sites,
            Consumer<NodeObservation> listener) {
        this(context, engine, runner::run, ledger, limits, retry, sites, listener, Clock.systemUTC());
    }

    /**
     * @param sites the compiled design each node belongs to (null: not known, the node waits)
     * @param listener told of every observation this dispatcher changes, on the context
     * @param clock the time backoff and wake-ups are read from
     */
    public Dispatcher(
            Context context,
            LifecycleEngine engine,
            StepExecutor runner,
            NodeLedger ledger,
            Limits limits,
            RetryPolicy retry,
            Function<String, SiteModel> sites,
            Consumer<NodeObservation> listener,
            Clock clock) {
        this.context = context;
        this.engine = engine;
        this.ledger = ledger;
        this.sites = sites;
        this.listener = listener;
        this.capacity = new Capacity(limits);
        this.backoff = new Backoff(clock, retry);
        this.wake = new WakeTimer(context, clock, this::evaluate);
        this.flights = new StepFlights(this, context, engine, runner, ledger, listener, capacity, backoff);
    }

    public LifecycleEngine engine() {
        return engine;
    }

    public int inFlight() {
        return capacity.inFlight();
    }

    /** Asked right before each driver action; false stops this dispatcher instead (the lease ran out). */
    public void actOnlyWhile(BooleanSupplier valid) {
        flights.actOnlyWhile(valid);
    }

    /** Whether this dispatcher has stopped (fenced, lease lost, or engine stopped). Any thread. */
    public boolean stopped() {
        return stopped;
    }

    /** Stops starting steps (running ones finish and are recorded). Used when leadership is lost. */
    public void stop() {
        stopped = true;
        ledger.stopRetries();
    }

    /** Earliest time (epoch ms on the dispatcher's clock) the node may be tried again, or 0. */
    public long notBefore(String node) {
        return backoff.notBefore(node);
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
            if (before == null || capacity.busy(a.node()) || !seen.add(a.node())) {
                continue;
            }
            NodeObservation after = before.advanced(a.to());
            engine.put(after);
            JsonObject why = new JsonObject().put("rule", a.ruleId()).put("reason", a.reason());
            ledger.save(after, NodeLedger.transition(before, after, null).withExtra(why))
                    .onFailure(e -> persistFailed(a.node(), e));
            listener.accept(after);
            any = true;
        }
        return any;
    }

    private void start(Decisions d) {
        long now = backoff.now();
        long wakeAt = Long.MAX_VALUE;
        for (Action a : d.actions()) {
            if (capacity.busy(a.node()) || stopped) {
                continue;
            }
            long nb = backoff.notBefore(a.node());
            if (nb > now) {
                wakeAt = Math.min(wakeAt, nb);
                continue;
            }
            SiteModel site = sites.apply(a.node());
            String rack = site == null || site.node(a.node()) == null
                    ? ""
                    : String.valueOf(site.node(a.node()).rack());
            if (!capacity.roomIn(rack) || site == null) {
                continue;
            }
            flights.launch(a, site, rack);
        }
        if (wakeAt != Long.MAX_VALUE) {
            wake.at(wakeAt);
        }
    }

    /**
     * Ends the step running on {@code node} now as failed (the driver's late answer is ignored): the
     * node goes to the failed state of the step's phase without spending its retry budget.
     *
     * @return the step aborted
     * @throws IllegalStateException when no step runs on the node
     */
    public Step abort(String node, String why) {
        return flights.abort(node, why);
    }

    /** Stops this dispatcher if {@code e} says a newer leader fenced it; logs any other failed save. */
    void persistFailed(String node, Throwable e) {
        if (e instanceof StoreException se && se.kind() == StoreException.Kind.FENCED) {
            LOG.warn("a newer leader holds the site; dispatching stops ({})", e.getMessage());
            stop();
            return;
        }
        LOG.error("could not record the state of node {}: {}", node, e.toString());
    }

    /** Convenience for callers outside the context. */
    public Future<Void> onContext(Runnable r) {
        Promise<Void> p = Promise.promise();
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
