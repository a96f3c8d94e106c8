package io.slipway.api.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure handler of one router: turns the failure into a {@link Problem} ({@link Problems}) and
 * renders it in the router's error body: Drydock's {@code {"type":"error","message","retry"}} on the
 * Drydock-compatible router, {@code application/problem+json} (RFC 9457) on Slipway's own. A fault of the
 * server is a 500 with a generic detail (never a stack trace or SQL), logged at ERROR with the request id;
 * refusals are logged at INFO. A 503 carries {@code Retry-After}. Event loop; never blocks.
 */
final class ErrorHandler implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
    private final boolean drydock;

    private ErrorHandler(boolean drydock) {
        this.drydock = drydock;
    }

    /** Drydock's error body, for the routes Drydock's clients call. */
    static ErrorHandler drydock() {
        return new ErrorHandler(true);
    }

    /** {@code application/problem+json}, for Slipway's own routes and requests that match no route. */
    static ErrorHandler problemJson() {
        return new ErrorHandler(false);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Problem problem = Problems.of(ctx.failure(), ctx.statusCode());
        String detail = problem.type() == ProblemType.INTERNAL ? problem.type().title() : problem.detail();
        log(ctx, problem, detail);
        if (ctx.response().ended()) {
            return;
        }
        if (problem.retryable()) {
            ctx.response().putHeader("Retry-After", "5");
        }
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", drydock ? "application/json" : "application/problem+json")
                .end((drydock ? drydockBody(problem, detail) : problemBody(ctx, problem, detail)).encode());
    }

    private static JsonObject drydockBody(Problem problem, String detail) {
        return new JsonObject().put("type", "error").put("message", detail).put("retry", problem.retryable());
    }

    private static JsonObject problemBody(RoutingContext ctx, Problem problem, String detail) {
        return new JsonObject()
                .put("type", problem.type().uri())
                .put("title", problem.type().title())
                .put("status", problem.status())
                .put("detail", detail)
                .put("instance", ctx.request().path())
                .put("requestId", (String) ctx.get(RequestIds.KEY));
    }

    private static void log(RoutingContext ctx, Problem problem, String detail) {
        String id = ctx.get(RequestIds.KEY);
        if (problem.type() == ProblemType.INTERNAL) {
            LOG.error(
                    "request {} {} {} failed",
                    id,
                    ctx.request().method(),
                    ctx.request().path(),
                    ctx.failure());
        } else {
            LOG.info(
                    "request {} {} {} -> {}: {}",
                    id,
                    ctx.request().method(),
                    ctx.request().path(),
                    problem.status(),
                    detail);
        }
    }
}
