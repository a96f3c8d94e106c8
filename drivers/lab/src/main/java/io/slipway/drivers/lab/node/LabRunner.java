package io.slipway.drivers.lab.node;

import io.slipway.drivers.lab.LabCallLog;
import io.slipway.drivers.lab.LabCallLog.Result;
import io.slipway.drivers.lab.LabTiming;
import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the lab bootstrapper's steps: applies injected faults, simulates durations with timers,
 * bounds waits, and records what was done in the call log. Machine state changes under the
 * machine's monitor; the call log and the ends of timed steps are completed outside it when a timer
 * ends the step.
 */
final class LabRunner {

    /** A timed step that has been begun and not yet scheduled. */
    record Run(LabMachine machine, LabStep step, long generation, LabNodeFaults.Decision decision, Promise<Void> end) {}

    private final Vertx vertx;
    private final LabNodeConfig config;
    private final LabCallLog log;
    private final Function<String, LabNodeFaults> faults;

    LabRunner(Vertx vertx, LabNodeConfig config, LabCallLog log, Function<String, LabNodeFaults> faults) {
        this.vertx = vertx;
        this.config = config;
        this.log = log;
        this.faults = faults;
    }

    /** An instant step: {@code work} runs now unless a fault fails or hangs the step. */
    <T> Future<T> instant(String subject, LabStep step, Supplier<T> work) {
        LabNodeFaults.Decision decision = faults.apply(subject).take(step);
        return switch (decision.outcome()) {
            case FAIL -> {
                String why = decision.message() == null ? step.logName() + " failed" : decision.message();
                log.record(subject, step.logName(), Result.FAILED, why);
                yield Future.failedFuture(injected(subject, why, decision.kind()));
            }
            case HANG -> bound(subject, step, Promise.<T>promise().future());
            case OK -> {
                T result = work.get();
                log.record(subject, step.logName(), Result.DONE, "");
                yield Future.succeededFuture(result);
            }
        };
    }

    /**
     * Begins a timed step: the machine enters {@code during} at once. Must be called holding the
     * machine's monitor; a step still running on the machine is superseded (the same step hands its
     * waiters to the new run, another step fails them).
     */
    Run begin(LabMachine m, LabStep step, Phase during, String detail) {
        LabNodeFaults.Decision decision = faults.apply(m.name).take(step);
        Promise<Void> end = Promise.promise();
        Promise<Void> previous = m.end;
        if (previous != null && !previous.future().isComplete()) {
            if (m.running == step) {
                end.future().onComplete(previous);
            } else {
                previous.tryFail(new DriverException(
                        Kind.REFUSED,
                        true,
                        "lab: node " + m.name + ": " + m.running.logName() + " superseded by " + step.logName()));
            }
        }
        m.set(during, detail);
        m.running = step;
        m.end = end;
        m.hung = decision.outcome() == LabNodeFaults.Outcome.HANG;
        return new Run(m, step, ++m.generation, decision, end);
    }

    /**
     * Schedules a begun step to end after {@code ms} (plus the node's delay): {@code done} sets the
     * end state, or the machine becomes {@code FAILED} with {@code failure} as detail. With no
     * duration the step ends before this returns (under the caller's monitor, which is reentrant).
     * Completes when the step ends, failing {@code TIMEOUT} after the bound.
     */
    Future<Void> go(Run run, long ms, Consumer<LabMachine> done, String failure) {
        if (run.decision().outcome() != LabNodeFaults.Outcome.HANG) {
            long delay = ms + faults.apply(run.machine().name).delayMs();
            LabTiming.after(vertx, delay, () -> finish(run, done, failure));
        }
        return await(run.machine(), run.step());
    }

    boolean hangs(String subject, LabStep step) {
        return faults.apply(subject).hangs(step);
    }

    /** Waits for the step running on {@code m}, within the step bound. */
    Future<Void> await(LabMachine m, LabStep step) {
        Future<Void> end;
        synchronized (m) {
            end = m.end.future();
        }
        return bound(m.name, step, end);
    }

    private void finish(Run run, Consumer<LabMachine> done, String failure) {
        LabMachine m = run.machine();
        boolean ok = run.decision().outcome() == LabNodeFaults.Outcome.OK;
        String why = run.decision().message() == null
                ? failure
                : failure + ": " + run.decision().message();
        synchronized (m) {
            if (m.generation != run.generation()) {
                return; // superseded: the newer run decides the machine's state
            }
            if (ok) {
                done.accept(m);
            } else {
                m.failed(run.step(), why);
            }
            m.running = null;
        }
        log.record(m.name, run.step().logName(), ok ? Result.DONE : Result.FAILED, ok ? "" : why);
        if (ok) {
            run.end().tryComplete();
        } else {
            run.end().tryFail(injected(m.name, why, run.decision().kind()));
        }
    }

    private <T> Future<T> bound(String subject, LabStep step, Future<T> future) {
        String what = "lab: node " + subject + ": " + step.logName();
        return LabTiming.bounded(vertx, future, config.stepTimeoutMs(), what).onFailure(err -> {
            if (err instanceof DriverException de && de.kind() == Kind.TIMEOUT) {
                log.record(subject, step.logName(), Result.FAILED, "no end within " + config.stepTimeoutMs() + " ms");
            }
        });
    }

    private static DriverException injected(String subject, String what, Kind kind) {
        boolean retriable = kind != Kind.AUTH && kind != Kind.UNSUPPORTED;
        return new DriverException(kind, retriable, "lab: node " + subject + ": " + what);
    }
}
