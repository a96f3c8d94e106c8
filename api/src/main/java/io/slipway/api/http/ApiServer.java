package io.slipway.api.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/** The HTTP API: one server with the router of {@link Routes}. Non-blocking; any thread. */
public final class ApiServer {
  private final HttpServer server;

  private ApiServer(HttpServer server) {
    this.server = server;
  }

  /** Starts listening on {@code host:port} (port 0 picks a free one). */
  public static Future<ApiServer> start(ApiContext api, String host, int port) {
    HttpServer server = api.vertx().createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
        .setCompressionSupported(true).setMaxHeaderSize(16 * 1024));
    return server.requestHandler(Routes.build(api)).listen().map(ApiServer::new);
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close();
  }
}
