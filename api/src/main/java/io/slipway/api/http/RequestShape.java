package io.slipway.api.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.TreeSet;

/**
 * Request checks ahead of every route: the header count limit (431), NUL characters in the path (400),
 * HEAD answered as the GET of the same path without a body; and, behind every route, 405 with
 * {@code Allow} for a path that exists under other methods, 404 otherwise. Event loop; never blocks.
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

    /** 405 naming the allowed methods when another method serves this path, else 404. */
    static ApiException noRoute(Router router, RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Set<String> allowed = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (route.methods() == null
                    || route.methods().isEmpty()
                    || route.getPath() == null && !route.isRegexPath()) {
                continue;
            }
            if (route.getPath() != null && matches(route.getPath(), path)) {
                route.methods().forEach(m -> allowed.add(m.name()));
            }
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        if (allowed.isEmpty()) {
            return new ApiException(404, "no route " + ctx.request().method() + " " + path);
        }
        ctx.response().putHeader("Allow", String.join(", ", allowed));
        return new ApiException(
                405,
                ctx.request().method() + " is not allowed on " + path + " (allowed: " + String.join(", ", allowed)
                        + ")");
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
