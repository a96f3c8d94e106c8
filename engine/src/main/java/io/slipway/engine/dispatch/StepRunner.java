package io.slipway.engine.dispatch;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.engine.lifecycle.Step;
import io.slipway.engine.site.SiteModel;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Runs one lifecycle step with its handler ({@link StepHandlers}) and bounds it in time: a step that
 * has not finished after its timeout fails with {@code TIMEOUT} whatever the driver does (the
 * driver's own late answer is ignored). Any exception thrown while starting a step becomes a failed
 * future.
 */
public final class StepRunner {
    private final Vertx vertx;
    private final DriverSet drivers;
    private final StepTimeouts timeouts;
    private final BuildDataSink buildData;
    private final BootActionIssuer bootActions;
    private final StepHandlers handlers;

    /**
     * Issues a node's boot-action context from the design revision it is being deployed with;
     * completes with it (key and action ids to hand to the node), or null when the node already holds
     * this task's context.
     */
    public interface BootActionIssuer {
        Future<io.slipway.engine.bootaction.IssuedContext> issue(SiteModel site, String node);
    }

    /** Where hardware manifests from commissioning go. */
    public interface BuildDataSink {
        Future<Void> record(String node, io.slipway.drivers.spi.node.HardwareManifest manifest);
    }

    public StepRunner(
            Vertx vertx,
            DriverSet drivers,
            StepTimeouts timeouts,
            BuildDataSink buildData,
            BootActionIssuer bootActions) {
        this(vertx, drivers, timeouts, buildData, bootActions, StepHandlers.standard());
    }

    public StepRunner(
            Vertx vertx,
            DriverSet drivers,
            StepTimeouts timeouts,
            BuildDataSink buildData,
            BootActionIssuer bootActions,
            StepHandlers handlers) {
        this.vertx = vertx;
        this.drivers = drivers;
        this.timeouts = timeouts;
        this.buildData = buildData;
        this.bootActions = bootActions;
        this.handlers = handlers;
    }

    /** Runs {@code step} for {@code node} of {@code site}; completes with a short description of the result. */
    public Future<String> run(Step step, SiteModel site, String node) {
        Future<String> work;
        try {
            work = start(step, site, node);
        } catch (RuntimeException e) {
            work = Future.failedFuture(e);
        }
        return bounded(work, timeouts.of(step), step, node);
    }

    private Future<String> start(Step step, SiteModel site, String node) {
        NodeSpec spec = site.nodeSpecs().get(node);
        if (spec == null) {
            return Future.failedFuture(
                    DriverException.unsupported(node + " is not in design revision " + site.revision()));
        }
        StepCall call = new StepCall(site, node, spec, site.oobTargets().get(node), drivers, buildData, bootActions);
        return handlers.of(step).run(call);
    }

    private Future<String> bounded(Future<String> work, long timeoutMs, Step step, String node) {
        Promise<String> p = Promise.promise();
        long timer = vertx.setTimer(
                timeoutMs,
                t -> p.tryFail(DriverException.timeout(
                        step.label() + " on " + node + " did not finish within " + timeoutMs + " ms")));
        work.onComplete(r -> {
            vertx.cancelTimer(timer);
            if (r.succeeded()) {
                p.tryComplete(r.result());
            } else {
                p.tryFail(r.cause());
            }
        });
        return p.future();
    }
}
