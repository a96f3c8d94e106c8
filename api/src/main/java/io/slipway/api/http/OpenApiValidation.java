package io.slipway.api.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates every request that matches an operation of the OpenAPI document before the route's
 * handler runs, as the first handlers of each route (see {@link ApiRouter}): find the operation, check the operation's
 * permission with the API's guard (so a 401/403 never reveals the schema), validate parameters and
 * body with vertx-openapi's {@link RequestValidator}, then let the request through to its route.
 * Failures go to the route's failure handler as {@link ApiException}s: 415 for a media type the
 * operation does not take, 400 naming the parameter or field otherwise (see {@link
 * ValidationMessages}). Requests matching no operation pass untouched (they end in 404/405).
 *
 * <p>The route's own guard would check the same permission again; {@link #reusingGuard} wraps the
 * API's guard so that a permission already checked for this request is not checked twice. Thread-safe.
 */
final class OpenApiValidation {
    /** Routing-context key of the matched operation's path template (also the metrics' route tag). */
    static final String ROUTE = "slipway.route";

    private static final String OPERATION = "slipway.operation";
    private static final String GUARDED = "slipway.guarded";
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiValidation.class);

    private static final String READY = "slipway.openapi";
    private final Future<Ready> ready;
    private final Function<String, Handler<RoutingContext>> guard;
    private final Map<String, Handler<RoutingContext>> guards = new ConcurrentHashMap<>();

    OpenApiValidation(Vertx vertx, Future<OpenApiDocument> document, Function<String, Handler<RoutingContext>> guard) {
        this.ready = document.map(d -> new Ready(d, RequestValidator.create(vertx, d.contract())))
                .onFailure(e -> LOG.error("the OpenAPI document cannot be used; every API request will fail", e));
        this.guard = guard;
    }

    /** Adds the validation to {@code route}, ahead of the route's own handlers. */
    void attach(Route route) {
        route.handler(this::match).handler(this::checkPermission).handler(this::validate);
    }

    /** The API's guard, skipping a check this request already passed for the same permission. */
    static Function<String, Handler<RoutingContext>> reusingGuard(Function<String, Handler<RoutingContext>> guard) {
        return permission -> {
            Handler<RoutingContext> g = guard.apply(permission);
            return ctx -> {
                if (permission.equals(ctx.get(GUARDED))) {
                    ctx.next();
                } else {
                    g.handle(ctx);
                }
            };
        };
    }

    private void match(RoutingContext ctx) {
        Context origin = Vertx.currentContext();
        // Only the first requests after start can find the document still loading; continue on our loop.
        ready.onComplete(ar -> {
            if (origin != null && Vertx.currentContext() != origin) {
                origin.runOnContext(v -> matched(ctx, ar.result(), ar.cause()));
            } else {
                matched(ctx, ar.result(), ar.cause());
            }
        });
    }

    private void matched(RoutingContext ctx, Ready loaded, Throwable failure) {
        if (failure != null) {
            ctx.fail(failure);
            return;
        }
        ctx.put(READY, loaded);
        Operation op = loaded.document()
                .contract()
                .findOperation(ctx.normalizedPath(), ctx.request().method());
        if (op != null) {
            ctx.put(OPERATION, op);
            ctx.put(ROUTE, op.getOpenAPIPath());
        }
        ctx.next();
    }

    private void checkPermission(RoutingContext ctx) {
        Operation op = ctx.get(OPERATION);
        String permission = op == null ? null : op.getOpenAPIModel().getString(OpenApiDocument.PERMISSION);
        if (permission == null) {
            ctx.next();
        } else {
            guards.computeIfAbsent(permission, guard).handle(ctx);
        }
    }

    private void validate(RoutingContext ctx) {
        Operation op = ctx.get(OPERATION);
        if (op == null) {
            ctx.next();
            return;
        }
        ctx.put(GUARDED, op.getOpenAPIModel().getString(OpenApiDocument.PERMISSION));
        if (op.getParameters().isEmpty() && op.getRequestBody() == null) {
            // Nothing to check; skip the validator's trip to a worker thread (health probes, scrapes).
            ctx.next();
            return;
        }
        Ready loaded = ctx.get(READY);
        try {
            Bodies.checkJson(ctx);
        } catch (ApiException e) {
            ctx.fail(400, e);
            return;
        }
        boolean opaque = false;
        if (op.getRequestBody() != null && !Bodies.empty(ctx)) {
            String type = ctx.request().getHeader("Content-Type");
            opaque = declares(loaded.document().opaque().getOrDefault(op.getOperationId(), Set.of()), type);
            if (!opaque && (type == null || op.getRequestBody().determineContentType(type.toLowerCase()) == null)) {
                ctx.fail(415, new ApiException(415, ValidationMessages.unsupported(ctx, op, loaded.document())));
                return;
            }
        }
        Buffer body = opaque ? null : ctx.body().buffer();
        RequestUtils.extract(ctx.request(), op, () -> Future.succeededFuture(body))
                .compose(request -> loaded.validator().validate(request, op.getOperationId()))
                .onSuccess(v -> ctx.next())
                .onFailure(e -> ctx.fail(400, ApiException.badRequest(ValidationMessages.describe(e))));
    }

    /** The loaded document and its validator. */
    private record Ready(OpenApiDocument document, RequestValidator validator) {}

    private static boolean declares(Set<String> types, String contentType) {
        if (contentType == null) {
            return false;
        }
        String ct = contentType.replaceAll("\\s+", "").toLowerCase();
        return types.stream().anyMatch(ct::startsWith);
    }
}
