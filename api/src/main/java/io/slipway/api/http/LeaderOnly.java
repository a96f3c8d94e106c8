package io.slipway.api.http;

import io.slipway.engine.Engine;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * For routes only the leading instance answers (they need its engine): a handler that reads the engine once
 * per request and fails with {@link ProblemType#NOT_LEADER} (503, {@code Retry-After}) on an instance that
 * does not lead, naming what is refused; the route's own handler then takes the engine from {@link
 * #engine}. Event loop; never blocks.
 */
final class LeaderOnly {
    private static final String KEY = "slipway.engine";

    private LeaderOnly() {}

    /** Fails with {@code refusal} (naming what only the leader answers) when this instance does not lead. */
    static Handler<RoutingContext> handler(ApiContext api, String refusal) {
        return ctx -> {
            Engine engine = api.engine();
            if (engine == null) {
                ctx.fail(ApiException.notLeader(refusal));
                return;
            }
            ctx.put(KEY, engine);
            ctx.next();
        };
    }

    /** The engine {@link #handler} found for this request. */
    static Engine engine(RoutingContext ctx) {
        Engine engine = ctx.get(KEY);
        if (engine == null) {
            throw new IllegalStateException("the route has no LeaderOnly handler");
        }
        return engine;
    }
}
