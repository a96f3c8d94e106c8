package io.slipway.api.http;

import io.slipway.engine.Engine;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.leadership.LeaderView;
import io.slipway.engine.validation.RuleSet;
import io.slipway.store.StoreHandle;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * What route handlers work with: leadership (whose engine is null on instances that do not lead), the store, the
 * design loader and validation rules, the guard that checks a permission before a route runs, and
 * {@code permits}, which checks a further permission inside a handler (e.g. the action of a task).
 *
 * @param allowFileReferences whether API clients may name {@code file://} or plain-path design
 *     references (off by default: they would read the server's own files)
 * @param bootActions serves nodes' boot-action archives and reports (null: those routes are absent)
 */
public record ApiContext(
    Vertx vertx, LeaderView leader, StoreHandle store, DesignLoader loader, RuleSet validationRules,
    Function<String, Handler<RoutingContext>> guard, java.util.function.BiPredicate<RoutingContext, String> permits,
    boolean allowFileReferences, io.slipway.engine.bootaction.BootActionService bootActions) {

  /** The engine while this instance leads, else null; read it once per request. */
  public Engine engine() {
    return leader.engine();
  }
}
