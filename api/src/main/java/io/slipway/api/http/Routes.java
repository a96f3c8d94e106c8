package io.slipway.api.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Assembles the router: request ids and the request timer, bounded bodies, OpenAPI validation (after
 * each operation's permission check, before its handler), every route with its permission, one
 * failure handler.
 */
public final class Routes {
    static final long MAX_BODY = 16L * 1024 * 1024;
    static final String OPENAPI_PATH = "/api/v1.0/openapi.yaml";
    private static final String[] DRYDOCK = {
        "/api/v1.0/tasks",
        "/api/v1.0/validatedesign",
        "/api/v1.0/nodefilter",
        "/api/v1.0/designs",
        "/api/v1.0/bootactions",
        "/versions",
        "/api/v1.0/health"
    };
    private static final String[] SLIPWAY_ONLY = {"/explain", "/timeline", "/diff/"};

    private Routes() {}

    public static Router build(ApiContext api) {
        return build(api, HttpLimits.defaults());
    }

    static Router build(ApiContext api, HttpLimits limits) {
        return build(api, OpenApiDocument.load(api.vertx()), limits);
    }

    static Router build(ApiContext api, Future<OpenApiDocument> openApi) {
        return build(api, openApi, HttpLimits.defaults());
    }

    /** As {@link #build(ApiContext)}, with the OpenAPI document (still loading, or loaded) given. */
    static Router build(ApiContext api, Future<OpenApiDocument> openApi, HttpLimits limits) {
        Router r = Router.router(api.vertx());
        // The routes' own guards skip a permission the validation route already checked.
        ApiContext routes = new ApiContext(
                api.vertx(),
                api.leader(),
                api.store(),
                api.loader(),
                api.validationRules(),
                OpenApiValidation.reusingGuard(api.guard()),
                api.permits(),
                api.allowFileReferences(),
                api.drivers(),
                api.bootActions());
        MetricsRoutes metrics = new MetricsRoutes(routes);
        r.route().handler(new RequestIds());
        r.route().handler(new RequestShape(limits));
        r.route().handler(metrics.timer());
        r.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        new OpenApiValidation(api.vertx(), openApi, api.guard()).mount(r);
        r.get("/versions")
                .handler(ctx -> ctx.json(new JsonObject()
                        .put("v1.0", new JsonObject().put("path", "/api/v1.0").put("status", "stable"))
                        .put("simulated", api.simulated())));
        r.get(OPENAPI_PATH)
                .handler(ctx -> openApi.onSuccess(d -> ctx.response()
                                .putHeader("Content-Type", "application/yaml")
                                .end(d.text()))
                        .onFailure(ctx::fail));
        new HealthRoutes(routes).mount(r);
        new TaskRoutes(routes).mount(r);
        new DesignRoutes(routes).mount(r);
        new DiffRoutes(routes).mount(r);
        new NodeRoutes(routes).mount(r);
        new NodeVerbRoutes(routes).mount(r);
        metrics.mount(r);
        if (api.bootActions() != null) {
            new BootActionRoutes(routes, api.bootActions()).mount(r);
        }
        r.route().last().handler(ctx -> ctx.fail(RequestShape.noRoute(r, ctx)));
        r.route().failureHandler(new ErrorHandler());
        return r;
    }

    /**
     * The node-facing routes only (boot-action files and reports, authenticated by the node's key), for a
     * listener nodes reach, such as the netboot driver's; the same handlers and error bodies as on the API.
     */
    public static Router nodeFacing(ApiContext api) {
        Router r = Router.router(api.vertx());
        r.route().handler(new RequestIds());
        r.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        if (api.bootActions() != null) {
            new BootActionRoutes(api, api.bootActions()).mount(r);
        }
        r.route()
                .last()
                .handler(ctx -> ctx.fail(new ApiException(
                        404,
                        "no route " + ctx.request().method() + " "
                                + ctx.request().path())));
        r.route().failureHandler(new ErrorHandler());
        return r;
    }

    /** Drydock's routes keep Drydock's error body; the others answer problem+json. */
    static boolean isDrydockRoute(String path) {
        for (String own : SLIPWAY_ONLY) {
            if (path.contains(own)) {
                return false;
            }
        }
        for (String p : DRYDOCK) {
            if (path.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
