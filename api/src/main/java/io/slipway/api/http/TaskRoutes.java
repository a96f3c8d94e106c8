package io.slipway.api.http;

import io.slipway.engine.orchestrator.Actions;
import io.slipway.engine.orchestrator.NodeFilterJson;
import io.slipway.store.Task;
import io.slipway.store.TaskQuery;
import io.slipway.store.TaskStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1.0/tasks}: create, list, read (with build data, subtask errors, layers), purge. */
final class TaskRoutes {
    private final ApiContext api;
    private final FinishedTasks finished = new FinishedTasks(10_000, 300_000);

    TaskRoutes(ApiContext api) {
        this.api = api;
    }

    void mount(Router r) {
        r.post("/api/v1.0/tasks")
                .handler(api.guard().apply("physical_provisioner:create_task"))
                .handler(this::create);
        r.get("/api/v1.0/tasks")
                .handler(api.guard().apply("physical_provisioner:read_task"))
                .handler(this::list);
        r.delete("/api/v1.0/tasks")
                .handler(api.guard().apply("physical_provisioner:delete_tasks"))
                .handler(this::purge);
        r.get("/api/v1.0/tasks/:id")
                .handler(api.guard().apply("physical_provisioner:read_task"))
                .handler(this::read);
        r.get("/api/v1.0/tasks/:id/builddata")
                .handler(api.guard().apply("physical_provisioner:read_build_data"))
                .handler(this::buildData);
    }

    private void create(RoutingContext ctx) {
        JsonObject body = Bodies.object(ctx);
        Object action = body.getValue("action");
        if (!(action instanceof String a) || !Actions.ALL.contains(a)) {
            throw ApiException.badRequest("Unsupported action " + action + " (one of " + Actions.ALL + ")");
        }
        if (!api.permits().test(ctx, "physical_provisioner:" + a)) {
            throw new ApiException(403, "the token lacks physical_provisioner:" + a);
        }
        Object filter = body.getValue("node_filter");
        if (filter != null && !(filter instanceof JsonObject)) {
            throw ApiException.badRequest("node_filter must be an object");
        }
        NodeFilterJson.parse((JsonObject) filter);
        Designs.resolve(api, ctx, body.getValue("design_ref"), "physical_provisioner:" + a)
                .compose(rev -> submit(ctx, a, rev.id(), (JsonObject) filter))
                .onSuccess(t -> ctx.response()
                        .setStatusCode(201)
                        .putHeader("Location", "/api/v1.0/tasks/" + t.id())
                        .putHeader("Content-Type", "application/json")
                        .end(TaskJson.of(t, List.of(), List.of()).encode()))
                .onFailure(ctx::fail);
    }

    private Future<Task> submit(RoutingContext ctx, String action, long revision, JsonObject filter) {
        String who = Bodies.principal(ctx);
        io.slipway.engine.Engine engine = api.engine();
        if (engine != null) {
            return engine.submit(action, revision, filter, who);
        }
        // A standby accepts the task; the leader claims it from the store.
        return api.store()
                .tasks()
                .create(Task.request(action, revision, filter, who, new JsonObject())
                        .withStatus(TaskStatus.QUEUED));
    }

    private void list(RoutingContext ctx) {
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
        api.store()
                .history()
                .query(q)
                .onSuccess(page -> {
                    JsonArray out = new JsonArray();
                    page.tasks().forEach(t -> out.add(TaskJson.of(t, List.of(), List.of())));
                    // Drydock answers a bare array; the next page's position travels in a header.
                    page.next()
                            .ifPresent(c -> ctx.response()
                                    .putHeader(
                                            "X-Next-Page",
                                            "/api/v1.0/tasks?limit=" + limit + "&after=" + Cursors.encode(c)));
                    ctx.response().putHeader("Content-Type", "application/json").end(out.encode());
                })
                .onFailure(ctx::fail);
    }

    private void read(RoutingContext ctx) {
        UUID id = Bodies.taskId(ctx.pathParam("id"));
        if (ctx.queryParams().contains("layers")) {
            int layers = Bodies.intParam(ctx, "layers", -1, -1, 100);
            Layers.collect(api.store().tasks(), id, layers < 0 ? Integer.MAX_VALUE : layers)
                    .recover(e -> Future.failedFuture(Bodies.notFoundAs(e, "Task " + id + " does not exist")))
                    .onSuccess(json -> ctx.response()
                            .putHeader("Content-Type", "application/json")
                            .end(json.encode()))
                    .onFailure(ctx::fail);
            return;
        }
        boolean plain = ctx.queryParams().isEmpty();
        io.vertx.core.buffer.Buffer cached = plain ? finished.get(id) : null;
        if (cached != null) {
            ctx.response().putHeader("Content-Type", "application/json").end(cached);
            return;
        }
        boolean withBuildData = "true".equalsIgnoreCase(ctx.queryParams().get("builddata"));
        api.store()
                .tasks()
                .find(id)
                .compose(t -> api.store()
                        .tasks()
                        .subtasks(id)
                        .compose(subs -> api.store().messages().list(id).compose(msgs -> {
                            JsonObject json = TaskJson.of(
                                    t,
                                    subs.stream()
                                            .map(s -> new TaskJson.UuidLike(s.id().toString()))
                                            .toList(),
                                    msgs);
                            if ("true".equalsIgnoreCase(ctx.queryParams().get("subtaskerrors"))) {
                                JsonObject errors = new JsonObject();
                                subs.stream()
                                        .filter(s -> !s.result().failures().isEmpty())
                                        .forEach(s -> errors.put(
                                                s.id().toString(),
                                                TaskJson.of(s, List.of(), List.of())
                                                        .getJsonObject("result")));
                                json.put("subtask_errors", errors);
                            }
                            return withBuildData
                                    ? api.store()
                                            .buildData()
                                            .forTask(id)
                                            .map(bd -> json.put("build_data", BuildDataJson.list(bd)))
                                    : Future.succeededFuture(json);
                        })))
                .recover(e -> Future.failedFuture(Bodies.notFoundAs(e, "Task " + id + " does not exist")))
                .onSuccess(json -> {
                    io.vertx.core.buffer.Buffer body = json.toBuffer();
                    if (plain && TaskStatus.finished(json.getString("status")) && settled(json.getString("updated"))) {
                        finished.put(id, body);
                    }
                    ctx.response().putHeader("Content-Type", "application/json").end(body);
                })
                .onFailure(ctx::fail);
    }

    /** Messages may still arrive just after a task ends; only answers older than that are kept. */
    private static boolean settled(String updated) {
        return updated != null
                && java.time.Instant.parse(updated)
                        .isBefore(java.time.Instant.now().minusSeconds(2));
    }

    private void purge(RoutingContext ctx) {
        int days = Bodies.intParam(ctx, "days", 90, 0, 36500);
        api.store()
                .history()
                .purge(Duration.ofDays(days))
                .onSuccess(r -> {
                    finished.clear();
                    ctx.response().putHeader("Content-Type", "text/plain").end("Tables purged successfully.");
                })
                .onFailure(ctx::fail);
    }

    private void buildData(RoutingContext ctx) {
        UUID id = Bodies.taskId(ctx.pathParam("id"));
        api.store()
                .buildData()
                .forTask(id)
                .onSuccess(list -> {
                    if (list.isEmpty()) {
                        ctx.fail(ApiException.notFound("no build data for task " + id));
                        return;
                    }
                    ctx.response()
                            .putHeader("Content-Type", "application/json")
                            .end(BuildDataJson.list(list).encode());
                })
                .onFailure(ctx::fail);
    }
}
