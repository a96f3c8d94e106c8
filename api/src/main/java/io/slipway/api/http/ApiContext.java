package io.slipway.api.http;

import io.slipway.engine.Engine;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.leadership.LeaderView;
import io.slipway.engine.rules.RuleSet;
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
 * @param drivers what drivers this process runs ({@code simulated}, {@code id}, {@code node}, ...), shown by
 *     {@code /versions} and {@code health/extended}
 * @param bootActions serves nodes' boot-action archives and reports (null: those routes are absent)
 */
public record ApiContext(
        Vertx vertx,
        LeaderView leader,
        StoreHandle store,
        DesignLoader loader,
        RuleSet validationRules,
        Function<String, Handler<RoutingContext>> guard,
        java.util.function.BiPredicate<RoutingContext, String> permits,
        boolean allowFileReferences,
        io.vertx.core.json.JsonObject drivers,
        io.slipway.engine.bootaction.BootActionService bootActions) {

    /** A context whose drivers were wired by hand (tests): described as unspecified, not simulated. */
    public ApiContext(
            Vertx vertx,
            LeaderView leader,
            StoreHandle store,
            DesignLoader loader,
            RuleSet validationRules,
            Function<String, Handler<RoutingContext>> guard,
            java.util.function.BiPredicate<RoutingContext, String> permits,
            boolean allowFileReferences,
            io.slipway.engine.bootaction.BootActionService bootActions) {
        this(
                vertx,
                leader,
                store,
                loader,
                validationRules,
                guard,
                permits,
                allowFileReferences,
                new io.vertx.core.json.JsonObject().put("simulated", false).put("id", "unspecified"),
                bootActions);
    }

    /** True when the drivers are the lab simulators. */
    public boolean simulated() {
        return drivers.getBoolean("simulated", false);
    }

    /** The engine while this instance leads, else null; read it once per request. */
    public Engine engine() {
        return leader.engine();
    }
}
