package io.slipway.api.http;

import io.slipway.engine.orchestrator.Actions;
import io.slipway.store.Task;
import io.slipway.store.TaskQuery;
import io.slipway.store.TaskStatus;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.UUID;

/** {@code /api/v1.0/tasks}: create, list, read (with build data, subtask errors, layers), purge. */
final class TaskRoutes {
    private final ApiContext api;
    private final FinishedTasks finished = new FinishedTasks(10_000, 300_000);

    TaskRoutes(ApiContext api) {
        this.api = api;
    }

    void mount(ApiRouter drydock) {
        drydock.post("/api/v1.0/tasks", "physical_provisioner:create_task").respond(this::create);
        drydock.get("/api/v1.0/tasks", "physical_provisioner:read_task").respond(this::list);
        drydock.route(HttpMethod.DELETE, "/api/v1.0/tasks", "physical_provisioner:delete_tasks")
                .respond(this::purge);
        drydock.get("/api/v1.0/tasks/:id", "physical_provisioner:read_task").respond(this::read);
        drydock.get("/api/v1.0/tasks/:id/builddata", "physical_provisioner:read_build_data")
                .respond(this::buildData);
    }

    private Future<JsonObject> create(RoutingContext ctx) {
        JsonObject body = Bodies.object(ctx);
        Object action = body.getValue("action");
        if (!(action instanceof String a) || !Actions.ALL.contains(a)) {
            throw ApiException.badRequest("Unsupported action " + action + " (one of " + Actions.ALL + ")");
        }
        if (!api.permits().test(ctx, "physical_provisioner:" + a)) {
            throw new ApiException(403, "the token lacks physical_provisioner:" + a);
        }
        JsonObject filter = Bodies.nodeFilter(body);
        return Designs.resolve(api, ctx, body.getValue("design_ref"), "physical_provisioner:" + a)
                .compose(rev -> submit(ctx, a, rev.id(), filter))
                .map(t -> {
                    ctx.response().setStatusCode(201).putHeader("Location", "/api/v1.0/tasks/" + t.id());
                    return TaskJson.SUMMARY.encode(t);
                });
    }

    private Future<Task> submit(RoutingContext ctx, String action, long revision, JsonObject filter) {
        String who = Bodies.principal(ctx);
        io.slipway.engine.Engine engine = api.engine();
        if (engine != null) {
            return engine.submit(action, revision, filter, who)
                    .recover(e -> Future.failedFuture(Bodies.badRequestIf(e)));
        }
        // A standby accepts the task; the leader claims it from the store.
        return api.store()
                .tasks()
                .create(Task.request(action, revision, filter, who, new JsonObject())
                        .withStatus(TaskStatus.QUEUED));
    }

    private Future<JsonArray> list(RoutingContext ctx) {
        int limit = Bodies.intParam(ctx, "limit", 100, 1, 1000);
        TaskQuery q = TaskQuery.all().topLevel().page(null, limit);
        String status = ctx.queryParams().get("status");
        if (status != null) {
            q = q.withStatuses(status);
        }
        String after = ctx.queryParams().get("after");
        if (after != null) {
            q = q.page(Cursors.decode(after), limit);
        }
        return api.store().history().query(q).map(page -> {
            // Drydock answers a bare array; the next page's position travels in a header.
            page.next()
                    .ifPresent(c -> ctx.response()
                            .putHeader(
                                    "X-Next-Page", "/api/v1.0/tasks?limit=" + limit + "&after=" + Cursors.encode(c)));
            return TaskJson.SUMMARY.list(page.tasks());
        });
    }

    private Future<Buffer> read(RoutingContext ctx) {
        UUID id = Bodies.taskId(ctx.pathParam("id"));
        ctx.response().putHeader("Content-Type", "application/json");
        if (ctx.queryParams().contains("layers")) {
            int layers = Bodies.intParam(ctx, "layers", -1, -1, 100);
            return Layers.collect(api.store().tasks(), id, layers < 0 ? Integer.MAX_VALUE : layers)
                    .recover(e -> Future.failedFuture(Bodies.notFoundAs(e, "Task " + id + " does not exist")))
                    .map(JsonObject::toBuffer);
        }
        boolean plain = ctx.queryParams().isEmpty();
        Buffer cached = plain ? finished.get(id) : null;
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        boolean subtaskErrors = "true".equalsIgnoreCase(ctx.queryParams().get("subtaskerrors"));
        boolean withBuildData = "true".equalsIgnoreCase(ctx.queryParams().get("builddata"));
        return new TaskDetail(api.store())
                .read(id, subtaskErrors, withBuildData)
                .recover(e -> Future.failedFuture(Bodies.notFoundAs(e, "Task " + id + " does not exist")))
                .map(json -> {
                    Buffer body = json.toBuffer();
                    if (plain && TaskStatus.finished(json.getString("status")) && settled(json.getString("updated"))) {
                        finished.put(id, body);
                    }
                    return body;
                });
    }

    /** Messages may still arrive just after a task ends; only answers older than that are kept. */
    private static boolean settled(String updated) {
        return updated != null
                && java.time.Instant.parse(updated)
                        .isBefore(java.time.Instant.now().minusSeconds(2));
    }

    private Future<String> purge(RoutingContext ctx) {
        int days = Bodies.intParam(ctx, "days", 90, 0, 36500);
        return api.store().history().purge(Duration.ofDays(days)).map(r -> {
            finished.clear();
            ctx.response().putHeader("Content-Type", "text/plain");
            return "Tables purged successfully.";
        });
    }

    private Future<JsonArray> buildData(RoutingContext ctx) {
        UUID id = Bodies.taskId(ctx.pathParam("id"));
        return api.store()
                .buildData()
                .forTask(id)
                .compose(list -> list.isEmpty()
                        ? Future.failedFuture(ApiException.notFound("no build data for task " + id))
                        : Future.succeededFuture(BuildDataJson.list(list)));
    }
}
