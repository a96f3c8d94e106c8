package io.slipway.api.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sheds connections the API cannot afford: beyond {@link HttpLimits#maxConnections()} they are closed
 * at once; a connection whose request line and headers do not arrive within {@link
 * HttpLimits#headerSeconds()} (of opening, or of its previous response) is closed; a body that does not
 * arrive within {@link HttpLimits#bodySeconds()} gets a 408 and the connection is closed. Runs on the
 * server's event loop; never blocks.
 */
final class ConnectionGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    private final Vertx vertx;
    private final HttpLimits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<HttpConnection, Long> waiting = new ConcurrentHashMap<>();

    ConnectionGuard(Vertx vertx, HttpLimits limits) {
        this.vertx = vertx;
        this.limits = limits;
    }

    int open() {
        return open.get();
    }

    void connected(HttpConnection c) {
        int now = open.incrementAndGet();
        c.closeHandler(v -> {
            open.decrementAndGet();
            cancel(c);
        });
        if (now > limits.maxConnections()) {
            LOG.warn(
                    "closing a connection from {}: {} open, the limit is {} (max_connections)",
                    c.remoteAddress(),
                    now,
                    limits.maxConnections());
            c.close();
            return;
        }
        arm(c);
    }

    /** Wraps the request handler: headers have arrived, the body has its own deadline. */
    Handler<HttpServerRequest> requests(Handler<HttpServerRequest> next) {
        return req -> {
            HttpConnection c = req.connection();
            cancel(c);
            long body = req.isEnded()
                    ? -1
                    : vertx.setTimer(limits.bodySeconds() * 1000L, id -> {
                        if (!req.isEnded() && !req.response().ended()) {
                            req.response()
                                    .setStatusCode(408)
                                    .putHeader("Connection", "close")
                                    .putHeader("Content-Type", "application/json")
                                    .end("{\"type\":\"error\",\"message\":\"the request body did not arrive within "
                                            + limits.bodySeconds() + " s (body_timeout_seconds)\",\"retry\":false}")
                                    .onComplete(ar -> c.close());
                        }
                    });
            req.response().endHandler(v -> {
                vertx.cancelTimer(body);
                arm(c);
            });
            next.handle(req);
        };
    }

    private void arm(HttpConnection c) {
        long id = vertx.setTimer(limits.headerSeconds() * 1000L, t -> {
            if (waiting.remove(c) != null) {
                c.close();
            }
        });
        Long old = waiting.put(c, id);
        if (old != null) {
            vertx.cancelTimer(old);
        }
    }

    private void cancel(HttpConnection c) {
        Long id = waiting.remove(c);
        if (id != null) {
            vertx.cancelTimer(id);
        }
    }
}
