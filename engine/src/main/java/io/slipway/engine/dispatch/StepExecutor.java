package io.slipway.engine.dispatch;

import io.slipway.engine.lifecycle.Step;
import io.slipway.engine.site.SiteModel;
import io.vertx.core.Future;

/**
 * Runs one lifecycle step on one node with the node's drivers ({@link StepRunner} in the product).
 *
 * <p>Called on the dispatcher's context; must not block. The future completes (on any thread) with
 * a short description of what was done, or fails with the driver's error; it must complete, so an
 * implementation bounds the step in time. Not idempotent: every call acts on the hardware again.
 */
@FunctionalInterface
public interface StepExecutor {

    Future<String> run(Step step, SiteModel site, String node);
}
