package io.slipway.api.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;
import java.util.function.Function;

/**
 * One family of routes in a sub-router of its own with its own failure handler: the Drydock-compatible
 * routes (Drydock's error body) or Slipway's own ({@code application/problem+json}). Every route declared
 * here reads its body (bounded), is checked against the OpenAPI document (its permission first, then
 * parameters and body) and then, when given, its own permission; so every refusal of a route, 401s and
 * schema errors included, is rendered by its family. A path this family serves under other methods is a 405
 * with {@code Allow}; any other request leaves the sub-router unanswered for the next one.
 */
final class ApiRouter {
    private static final String FAMILY = "slipway.family";
    private final Router router;
    private final OpenApiValidation validation;
    private final Function<String, Handler<RoutingContext>> guard;
    private final BodyHandler body;

    private ApiRouter(
            Vertx vertx, OpenApiValidation validation, Function<String, Handler<RoutingContext>> guard, long maxBody) {
        this.router = Router.router(vertx);
        this.validation = validation;
        this.guard = guard;
        this.body = BodyHandler.create(false).setBodyLimit(maxBody);
    }

    /**
     * An empty family; {@link #router} gives its sub-router with {@code errors} as its failure handler. With
     * {@code validation} null, routes are not checked against the OpenAPI document (the node-facing listener).
     */
    static ApiRouter create(
            Vertx vertx, OpenApiValidation validation, Function<String, Handler<RoutingContext>> guard, long maxBody) {
        return new ApiRouter(vertx, validation, guard, maxBody);
    }

    /** A route checked against the OpenAPI document only (no permission of its own, or a node's key). */
    Route route(HttpMethod method, String path) {
        Route route = router.route(method, path).handler(this::taken);
        if (validation != null) {
            validation.attach(route);
        }
        return route;
    }

    /** A route that also needs {@code permission} (checked once when the document names the same one). */
    Route route(HttpMethod method, String path, String permission) {
        return route(method, path).handler(guard.apply(permission));
    }

    Route get(String path, String permission) {
        return route(HttpMethod.GET, path, permission);
    }

    Route post(String path, String permission) {
        return route(HttpMethod.POST, path, permission);
    }

    /** The finished sub-router: 405 for this family's paths under other methods, then {@code errors}. */
    Router router(Handler<RoutingContext> errors) {
        router.route().last().handler(this::otherMethod);
        router.route().failureHandler(ctx -> {
            if (ctx.get(FAMILY) == this) {
                errors.handle(ctx);
            } else {
                ctx.next();
            }
        });
        return router;
    }

    /**
     * Marks the request as this family's, then reads its body. Vert.x offers a failure to every failure
     * handler from the root on, so each family renders only the failures of requests it took (an oversized
     * body included); the root renders the rest.
     */
    private void taken(RoutingContext ctx) {
        ctx.put(FAMILY, this);
        body.handle(ctx);
    }

    private void otherMethod(RoutingContext ctx) {
        Set<String> allowed = RequestShape.allowed(router, ctx.normalizedPath());
        if (allowed.isEmpty()) {
            ctx.next();
        } else {
            ctx.put(FAMILY, this);
            ctx.fail(RequestShape.notAllowed(ctx, allowed));
        }
    }
}
