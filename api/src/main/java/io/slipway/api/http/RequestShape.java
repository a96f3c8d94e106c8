package io.slipway.api.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.TreeSet;

/**
 * Request checks ahead of every route: the header count limit (431), NUL characters in the path (400),
 * HEAD answered as the GET of the same path without a body; and the answers for a request no route
 * takes: 405 with {@code Allow} for a path served under other methods (see {@link ApiRouter}), 404 otherwise. Event loop; never blocks.
 */
final class RequestShape implements io.vertx.core.Handler<RoutingContext> {
    private static final String REROUTED = "slipway.head";
    private final HttpLimits limits;

    RequestShape(HttpLimits limits) {
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.request().headers().size() > limits.maxHeaders()) {
            ctx.fail(new ApiException(431, "more than " + limits.maxHeaders() + " request headers (max_headers)"));
            return;
        }
        String raw = ctx.request().uri();
        if (raw.indexOf('\0') >= 0 || raw.toLowerCase().contains("%00")) {
            ctx.fail(ApiException.badRequest("the request path or query contains a NUL character (%00)"));
            return;
        }
        if (ctx.request().method() == HttpMethod.HEAD && ctx.get(REROUTED) == null) {
            ctx.put(REROUTED, true);
            ctx.reroute(HttpMethod.GET, raw);
            return;
        }
        ctx.next();
    }

    /** The methods {@code router}'s routes serve {@code path} under (HEAD with GET); empty when none. */
    static Set<String> allowed(Router router, String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (route.methods() != null && route.getPath() != null && matches(route.getPath(), path)) {
                route.methods().forEach(m -> allowed.add(m.name()));
            }
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        return allowed;
    }

    /** 405 naming the allowed methods, which also go to {@code Allow}. */
    static ApiException notAllowed(RoutingContext ctx, Set<String> allowed) {
        ctx.response().putHeader("Allow", String.join(", ", allowed));
        return new ApiException(
                ProblemType.METHOD_NOT_ALLOWED,
                ctx.request().method() + " is not allowed on " + ctx.normalizedPath() + " (allowed: "
                        + String.join(", ", allowed) + ")");
    }

    /** 404 for a request no route of any family serves. */
    static ApiException noRoute(RoutingContext ctx) {
        return ApiException.notFound("no route " + ctx.request().method() + " " + ctx.normalizedPath());
    }

    private static boolean matches(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (!t[i].startsWith(":") && !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }
}
