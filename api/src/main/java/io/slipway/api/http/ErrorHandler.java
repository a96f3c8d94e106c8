package io.slipway.api.http;

import io.slipway.engine.design.DesignInputException;
import io.slipway.store.StoreException;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: maps every failure to a status and renders it, as Drydock's error body
 * on Drydock's routes and as {@code application/problem+json} on Slipway's own. Unknown failures
 * become 500 with a generic text (never a stack trace or SQL), logged with the request id.
 */
final class ErrorHandler implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        Throwable f = ctx.failure();
        int status = status(ctx, f);
        String message = message(f, status);
        String requestId = ctx.get(RequestIds.KEY);
        if (status >= 500 && status != 503) {
            LOG.error(
                    "request {} {} {} failed",
                    requestId,
                    ctx.request().method(),
                    ctx.request().path(),
                    f);
        } else {
            LOG.info(
                    "request {} {} {} -> {}: {}",
                    requestId,
                    ctx.request().method(),
                    ctx.request().path(),
                    status,
                    message);
        }
        if (ctx.response().ended()) {
            return;
        }
        if (status == 503) {
            ctx.response().putHeader("Retry-After", "5");
        }
        boolean drydock = Routes.isDrydockRoute(ctx.request().path());
        JsonObject body = drydock
                ? new JsonObject().put("type", "error").put("message", message).put("retry", status == 503)
                : new JsonObject()
                        .put("type", "about:blank")
                        .put("title", title(status))
                        .put("status", status)
                        .put("detail", message)
                        .put("instance", ctx.request().path())
                        .put("requestId", requestId);
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", drydock ? "application/json" : "application/problem+json")
                .end(body.encode());
    }

    private static int status(RoutingContext ctx, Throwable f) {
        if (f instanceof ApiException a) {
            return a.status();
        }
        if (f instanceof io.slipway.api.auth.AuthException a) {
            return a.status();
        }
        if (f instanceof io.slipway.engine.bootaction.BootActionProblem b) {
            return b.kind().status();
        }
        if (f instanceof HttpException h) {
            return h.getStatusCode();
        }
        if (f instanceof DecodeException
                || f instanceof DesignInputException
                || f instanceof IllegalArgumentException) {
            return 400;
        }
        if (f instanceof StoreException se) {
            return switch (se.kind()) {
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case UNAVAILABLE, FENCED -> 503;
            };
        }
        return f == null && ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    }

    private static String message(Throwable f, int status) {
        if (status == 500 || f == null) {
            return title(status);
        }
        if (f instanceof StoreException se && se.kind() == StoreException.Kind.UNAVAILABLE) {
            return "the database is unavailable; retry shortly";
        }
        if (f instanceof DecodeException) {
            return "the request body is not valid JSON";
        }
        return f.getMessage() == null ? title(status) : f.getMessage();
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
