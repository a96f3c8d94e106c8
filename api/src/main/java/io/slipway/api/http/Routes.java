package io.slipway.api.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Assembles the router: request ids, request shape checks and the request timer for every request, then two
 * families of routes in sub-routers of their own ({@link ApiRouter}), each with its failure handler: the
 * Drydock-compatible routes (Drydock's paths, shapes and error body) and Slipway's own (problem+json). Every
 * route reads a bounded body and is validated against the OpenAPI document (after the operation's
 * permission check, before its handler).
 */
public final class Routes {
    static final long MAX_BODY = 16L * 1024 * 1024;
    static final String OPENAPI_PATH = "/api/v1.0/openapi.yaml";

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
        Router root = Router.router(api.vertx());
        // The routes' own guards skip a permission the validation already checked.
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
        root.route().handler(new RequestIds());
        root.route().handler(new RequestShape(limits));
        root.route().handler(metrics.timer());
        OpenApiValidation validation = new OpenApiValidation(api.vertx(), openApi, api.guard());
        ApiRouter drydock = ApiRouter.create(api.vertx(), validation, routes.guard(), MAX_BODY);
        ApiRouter own = ApiRouter.create(api.vertx(), validation, routes.guard(), MAX_BODY);
        mountDrydock(routes, drydock);
        mountOwn(routes, own, openApi, metrics);
        return withFamilies(root, drydock, own);
    }

    /** Drydock's routes: its paths, JSON shapes and error body. */
    private static void mountDrydock(ApiContext api, ApiRouter drydock) {
        drydock.route(HttpMethod.GET, "/versions")
                .respond(ctx -> Future.succeededFuture(new JsonObject()
                        .put("v1.0", new JsonObject().put("path", "/api/v1.0").put("status", "stable"))
                        .put("simulated", api.simulated())));
        new HealthRoutes(api).mount(drydock);
        new TaskRoutes(api).mount(drydock);
        new DesignRoutes(api).mount(drydock);
        if (api.bootActions() != null) {
            new BootActionRoutes(api, api.bootActions()).mount(drydock);
        }
        new NodeRoutes(api).mountDrydock(drydock);
    }

    /** Slipway's own routes, answering problem+json. */
    private static void mountOwn(
            ApiContext api, ApiRouter own, Future<OpenApiDocument> openApi, MetricsRoutes metrics) {
        own.route(HttpMethod.GET, OPENAPI_PATH)
                .respond(ctx -> openApi.map(d -> {
                    ctx.response().putHeader("Content-Type", "application/yaml");
                    return d.text();
                }));
        new NodeRoutes(api).mountOwn(own);
        new DiffRoutes(api).mount(own);
        new NodeVerbRoutes(api).mount(own);
        new PlanRoutes(api).mount(own);
        new ProblemRoutes().mount(own);
        metrics.mount(own);
    }

    /**
     * The node-facing routes only (boot-action files and reports, authenticated by the node's key), for a
     * listener nodes reach, such as the netboot driver's; the same handlers and error bodies as on the API.
     */
    public static Router nodeFacing(ApiContext api) {
        Router root = Router.router(api.vertx());
        root.route().handler(new RequestIds());
        ApiRouter drydock = ApiRouter.create(api.vertx(), null, api.guard(), MAX_BODY);
        if (api.bootActions() != null) {
            new BootActionRoutes(api, api.bootActions()).mount(drydock);
        }
        return withFamilies(root, drydock, ApiRouter.create(api.vertx(), null, api.guard(), MAX_BODY));
    }

    /**
     * Mounts the Drydock-compatible family, then Slipway's own, each rendering its own failures; a request
     * neither takes is a 404 in problem+json, as are refusals before routing (431, NUL in the path).
     */
    private static Router withFamilies(Router root, ApiRouter drydock, ApiRouter own) {
        root.route("/*").subRouter(drydock.router(ErrorHandler.drydock()));
        root.route("/*").subRouter(own.router(ErrorHandler.problemJson()));
        root.route().last().handler(ctx -> ctx.fail(RequestShape.noRoute(ctx)));
        root.route().failureHandler(ErrorHandler.problemJson());
        return root;
    }
}
