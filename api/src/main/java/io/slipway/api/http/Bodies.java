package io.slipway.api.http;

import io.slipway.engine.orchestrator.NodeFilterJson;
import io.slipway.store.StoreException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Request parsing that fails with a 4xx naming the problem. */
final class Bodies {
    private Bodies() {}

    static JsonObject object(RoutingContext ctx) {
        String ct = ctx.request().getHeader("Content-Type");
        if (ct == null || !ct.toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, "Requires application/json payload");
        }
        if (empty(ctx)) {
            throw ApiException.badRequest("Request body must not be empty");
        }
        JsonObject cached = ctx.get(PARSED);
        if (cached == null) {
            cached = StrictJson.object(ctx.body().buffer());
            ctx.put(PARSED, cached);
        }
        return cached;
    }

    private static final String PARSED = "slipway.json";

    /** Checks a JSON body strictly once, ahead of schema validation; the handler reuses the result. */
    static void checkJson(RoutingContext ctx) {
        String ct = ctx.request().getHeader("Content-Type");
        if (ct != null && ct.toLowerCase().startsWith("application/json") && !empty(ctx)) {
            ctx.put(PARSED, StrictJson.object(ctx.body().buffer()));
        }
    }

    /** A text query parameter or path segment the database will store: no NUL, else 400 naming it. */
    static String storable(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw ApiException.badRequest(field + " contains a NUL character (%00), which cannot be stored");
        }
        return value;
    }

    /** No body at all, or a zero-length one (Vert.x reports a missing body as length -1). */
    static boolean empty(RoutingContext ctx) {
        return ctx.body() == null
                || ctx.body().buffer() == null
                || ctx.body().buffer().length() == 0;
    }

    static UUID taskId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Task " + raw + " does not exist");
        }
    }

    static int intParam(RoutingContext ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParams().get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw ApiException.badRequest(name + " must be between " + min + " and " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer, not '" + v + "'");
        }
    }

    static String principal(RoutingContext ctx) {
        Object p = ctx.get("principal");
        return p == null ? "anonymous" : String.valueOf(p instanceof Named n ? n.name() : p);
    }

    /** Anything that names itself (the authenticated principal). */
    interface Named {
        String name();
    }

    /**
     * The request's optional {@code node_filter} (an object, or absent), checked; a malformed filter is a
     * 400 naming the field.
     */
    static JsonObject nodeFilter(JsonObject body) {
        Object filter = body.getValue("node_filter");
        if (filter != null && !(filter instanceof JsonObject)) {
            throw ApiException.badRequest("node_filter must be an object");
        }
        try {
            NodeFilterJson.parse((JsonObject) filter);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return (JsonObject) filter;
    }

    /**
     * For engine calls whose documented refusal of the caller's input is an {@link
     * IllegalArgumentException} naming it (task submission, plans): that refusal as a 400; any other
     * failure unchanged.
     */
    static Throwable badRequestIf(Throwable e) {
        return e instanceof IllegalArgumentException ? ApiException.badRequest(e.getMessage()) : e;
    }

    static Throwable notFoundAs(Throwable e, String message) {
        return e instanceof StoreException se && se.kind() == StoreException.Kind.NOT_FOUND
                ? ApiException.notFound(message)
                : e;
    }

    static final String HOSTNAME = "[A-Za-z0-9][A-Za-z0-9.-]{0,252}";

    static String hostname(RoutingContext ctx) {
        String h = ctx.pathParam("hostname");
        if (h == null || !h.matches(HOSTNAME)) {
            throw ApiException.badRequest("not a hostname: " + h);
        }
        return h;
    }
}
