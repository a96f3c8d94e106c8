package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.node.Inventory;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The agent API ({@code /agent/v1/...}): inventory, job long-poll, step status, {@code installed} and
 * the installed OS's {@code booted}. Every call carries {@code Authorization: Bearer TOKEN}; a token
 * that is unknown, expired, or whose job is over gets 401. Bad bodies get 400 naming the field.
 */
final class AgentRoutes {
    private final NetbootConfig config;
    private final JobControl jobs;
    private final AgentAuth auth;
    private final AgentJobs work;

    AgentRoutes(NetbootConfig config, JobControl jobs, AgentJobs work) {
        this.config = config;
        this.jobs = jobs;
        this.auth = new AgentAuth(jobs, config);
        this.work = work;
    }

    void mount(Router r) {
        r.route("/agent/v1/*").handler(BodyHandler.create().setBodyLimit(1 << 20));
        r.post("/agent/v1/inventory").handler(ctx -> call(ctx, "agent", j -> inventory(ctx, j)));
        r.get("/agent/v1/job").handler(ctx -> call(ctx, "agent", j -> poll(ctx, j)));
        r.post("/agent/v1/status").handler(ctx -> call(ctx, "agent", j -> work.status(j, body(ctx))));
        r.post("/agent/v1/installed").handler(ctx -> call(ctx, "agent", j -> work.installed(j, body(ctx))));
        r.post("/agent/v1/booted").handler(ctx -> call(ctx, "os", j -> work.booted(j, body(ctx))));
    }

    private interface Call {
        Future<JsonObject> run(Job job);
    }

    /** Authenticates, runs the call, answers 204 (null result) or 200 JSON; 401/400 as problems. */
    private void call(RoutingContext ctx, String purpose, Call call) {
        auth.check(ctx.request().getHeader("Authorization"), purpose)
                .compose(j -> {
                    if (j == null) {
                        Problems.send(ctx, 401, "unauthorized", "the token is unknown, expired, or its job is over");
                        return Future.succeededFuture();
                    }
                    return call.run(j)
                            .onSuccess(body -> {
                                if (body == null) {
                                    ctx.response().setStatusCode(204).end();
                                } else {
                                    ctx.response()
                                            .putHeader("Content-Type", "application/json")
                                            .end(body.encode());
                                }
                            })
                            .mapEmpty();
                })
                .onFailure(e -> {
                    if (e instanceof IllegalArgumentException) {
                        Problems.send(ctx, 400, "bad request", e.getMessage());
                    } else {
                        Problems.send(ctx, 503, "unavailable", "the boot service cannot record this now; retry");
                    }
                });
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject o = ctx.body().asJsonObject();
            if (o == null) {
                throw new IllegalArgumentException("a JSON object body is required");
            }
            return o;
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("the body is not a JSON object: " + e.getMessage());
        }
    }

    private Future<JsonObject> inventory(RoutingContext ctx, Job job) {
        Inventory inv;
        try {
            inv = Inventory.parse(ctx.body().asString());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return work.inventory(job, inv);
    }

    private Future<JsonObject> poll(RoutingContext ctx, Job job) {
        int wait;
        try {
            String w = ctx.queryParams().get("wait");
            wait = w == null ? 0 : Math.max(0, Math.min(Integer.parseInt(w), config.maxPollWaitS()));
        } catch (NumberFormatException e) {
            return Future.failedFuture(new IllegalArgumentException("wait must be a number of seconds"));
        }
        return work.next(job, jobs.now() + wait * 1000L);
    }
}
