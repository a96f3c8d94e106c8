package io.slipway.api.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Gives every request an id, returned in {@code X-Slipway-Req} (and Drydock's {@code X-Drydock-Req}) and logged. */
final class RequestIds implements Handler<RoutingContext> {
    static final String KEY = "requestId";

    @Override
    public void handle(RoutingContext ctx) {
        String id = UUID.randomUUID().toString();
        ctx.put(KEY, id);
        ctx.response().putHeader("X-Slipway-Req", id).putHeader("X-Drydock-Req", id);
        ctx.next();
    }
}
