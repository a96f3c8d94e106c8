package io.slipway.api.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** Assembles the router: request ids, bounded bodies, every route with its permission, one failure handler. */
public final class Routes {
  static final long MAX_BODY = 16L * 1024 * 1024;
  private static final String[] DRYDOCK = {"/api/v1.0/tasks", "/api/v1.0/validatedesign", "/api/v1.0/nodefilter",
    "/api/v1.0/designs", "/api/v1.0/bootactions", "/versions", "/api/v1.0/health"};

  private Routes() {}

  public static Router build(ApiContext api) {
    Router r = Router.router(api.vertx());
    r.route().handler(new RequestIds());
    r.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
    r.get("/versions").handler(ctx -> ctx.json(new JsonObject()
        .put("v1.0", new JsonObject().put("path", "/api/v1.0").put("status", "stable"))));
    new HealthRoutes(api).mount(r);
    new TaskRoutes(api).mount(r);
    new DesignRoutes(api).mount(r);
    new NodeRoutes(api).mount(r);
    if (api.bootActions() != null) {
      new BootActionRoutes(api, api.bootActions()).mount(r);
    }
    r.route().last().handler(ctx -> ctx.fail(new ApiException(404, "no route " + ctx.request().method() + " "
        + ctx.request().path())));
    r.route().failureHandler(new ErrorHandler());
    return r;
  }

  /** Drydock's routes keep Drydock's error body; the others answer problem+json. */
  static boolean isDrydockRoute(String path) {
    for (String p : DRYDOCK) {
      if (path.startsWith(p) && !path.contains("/explain") && !path.contains("/timeline")) {
        return true;
      }
    }
    return false;
  }
}
