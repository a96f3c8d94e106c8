package io.slipway.engine.dispatch;

import io.vertx.core.Future;

/**
 * What one lifecycle step does with the drivers. Contract: idempotent at the driver (a step
 * interrupted by a crash is simply run again), called on the dispatcher's context and never
 * blocking it, completing with a short description of the result or failing with a {@code
 * DriverException}; an exception thrown while starting is turned into a failed step by {@link
 * StepRunner}, which also bounds the step in time.
 */
@FunctionalInterface
public interface StepHandler {
    Future<String> run(StepCall call);
}
