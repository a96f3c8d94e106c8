package io.slipway.api.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API: one server with the router of {@link Routes}, shedding slow and idle clients by its
 * {@link HttpLimits}. Non-blocking; any thread.
 */
public final class ApiServer {
    private final HttpServer server;
    private final ConnectionGuard guard;

    private ApiServer(HttpServer server, ConnectionGuard guard) {
        this.server = server;
        this.guard = guard;
    }

    /** Starts listening on {@code host:port} (port 0 picks a free one) with the default limits. */
    public static Future<ApiServer> start(ApiContext api, String host, int port) {
        return start(api, host, port, HttpLimits.defaults());
    }

    public static Future<ApiServer> start(ApiContext api, String host, int port, HttpLimits limits) {
        HttpServer server = api.vertx()
                .createHttpServer(new HttpServerOptions()
                        .setHost(host)
                        .setPort(port)
                        .setCompressionSupported(true)
                        .setMaxHeaderSize(limits.maxHeaderBytes())
                        .setMaxInitialLineLength(limits.maxRequestLineBytes())
                        .setIdleTimeout(limits.idleSeconds())
                        .setIdleTimeoutUnit(TimeUnit.SECONDS)
                        // HTTP/1.1 only: with cleartext HTTP/2 detection a connection is not handed over until its
                        // first
                        // request is complete, so half-sent requests would escape the connection limit and header
                        // timeout.
                        .setHttp2ClearTextEnabled(false));
        ConnectionGuard guard = new ConnectionGuard(api.vertx(), limits);
        server.connectionHandler(guard::connected);
        return server.requestHandler(guard.requests(Routes.build(api, limits)::handle))
                .listen()
                .map(s -> new ApiServer(s, guard));
    }

    public int port() {
        return server.actualPort();
    }

    /** Connections open now (for tests and metrics). */
    public int openConnections() {
        return guard.open();
    }

    public Future<Void> close() {
        return server.close();
    }
}
