package io.slipway.engine.dispatch;

import io.slipway.engine.lifecycle.Action;
import io.slipway.engine.lifecycle.LifecycleEngine;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.lifecycle.Step;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.NodeEvent;
import io.slipway.store.StoreException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps the {@link Dispatcher} has started, from the write-ahead to the recorded outcome: the
 * running state is saved (fenced) before the driver acts, nothing acts once the dispatcher stopped or
 * the lease ran out, and the outcome is saved before the node's slot is released and the rules are
 * asked again. Confined to the dispatcher's context.
 */
final class StepFlights {
    private static final Logger LOG = LoggerFactory.getLogger(StepFlights.class);
    private final Dispatcher dispatcher;
    private final Context context;
    private final LifecycleEngine engine;
    private final StepExecutor runner;
    private final NodeLedger ledger;
    private final Consumer<NodeObservation> listener;
    private final Capacity capacity;
    private final Backoff backoff;
    private final Map<String, Promise<String>> outcomes = new HashMap<>();
    private BooleanSupplier leaseValid = () -> true;

    StepFlights(
            Dispatcher dispatcher,
            Context context,
            LifecycleEngine engine,
            StepExecutor runner,
            NodeLedger ledger,
            Consumer<NodeObservation> listener,
            Capacity capacity,
            Backoff backoff) {
        this.dispatcher = dispatcher;
        this.context = context;
        this.engine = engine;
        this.runner = runner;
        this.ledger = ledger;
        this.listener = listener;
        this.capacity = capacity;
        this.backoff = backoff;
    }

    void actOnlyWhile(BooleanSupplier valid) {
        this.leaseValid = valid;
    }

    void launch(Action a, SiteModel site, String rack) {
        capacity.take(a.node(), rack);
        engine.started(a.node(), a.step());
        Promise<String> outcome = Promise.promise();
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
        recorded.onComplete(saved -> context.runOnContext(v -> act(a, site, outcome, saved)));
    }

    private void act(Action a, SiteModel site, Promise<String> outcome, AsyncResult<Void> saved) {
        if (saved.failed() && fenced(saved.cause())) {
            dispatcher.persistFailed(a.node(), saved.cause()); // stops this dispatcher
        }
        if (!dispatcher.stopped() && !leaseValid.getAsBoolean()) {
            // The write-ahead may have landed just before a freeze; the lease tells that time has passed since.
            LOG.warn("the leader lease ran out; dispatching stops");
            dispatcher.stop();
        }
        if (dispatcher.stopped() || outcome.future().isComplete()) {
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
    }

    private static boolean fenced(Throwable e) {
        return e instanceof StoreException se && se.kind() == StoreException.Kind.FENCED;
    }

    /** See {@link Dispatcher#abort}. */
    Step abort(String node, String why) {
        Promise<String> outcome = outcomes.get(node);
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
            backoff.succeeded(a.node());
            event = NodeEvent.of(a.node(), "step", a.step().label() + ": " + r.result());
        } else {
            after = backoff.failed(before, a.step(), r.cause());
            event = NodeEvent.of(a.node(), "step-failed", a.step().label() + ": " + Backoff.describe(r.cause()));
        }
        ledger.save(after, event)
                .onComplete(saved -> context.runOnContext(v -> {
                    if (saved.failed()) {
                        dispatcher.persistFailed(a.node(), saved.cause());
                    }
                    if (dispatcher.stopped()) {
                        return; // the engine is gone; its rule session must not be touched
                    }
                    capacity.release(a.node(), rack);
                    engine.finished(a.node());
                    engine.put(after);
                    listener.accept(after);
                    dispatcher.evaluate();
                }));
    }
}
