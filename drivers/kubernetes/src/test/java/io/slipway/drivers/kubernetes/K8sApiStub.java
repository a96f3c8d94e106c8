package io.slipway.drivers.kubernetes;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SelfSignedCertificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Kubernetes API server for tests, serving only {@code /api/v1/nodes/{name}}: GET, and PATCH with
 * a JSON merge patch of the labels. It checks the bearer token and the content type as the real
 * server does and keeps the labels, so a repeated patch is visibly a no-op.
 */
final class K8sApiStub {

    /** A request as received. */
    record Seen(String method, String path, String contentType, String authorization, String body) {}

    static final String TOKEN = "stub-token";

    final Map<String, JsonObject> labels = new ConcurrentHashMap<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    volatile String token = TOKEN;
    volatile int failWith;
    volatile long delayMs;
    private final Vertx vertx;
    private HttpServer server;
    private SelfSignedCertificate certificate;

    K8sApiStub(Vertx vertx) {
        this.vertx = vertx;
    }

    Future<K8sApiStub> start(boolean tls) {
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0);
        if (tls) {
            certificate = SelfSignedCertificate.create("localhost");
            options.setSsl(true).setKeyCertOptions(certificate.keyCertOptions());
        }
        return vertx.createHttpServer(options)
                .requestHandler(rq ->
                        rq.body().onSuccess(b -> vertx.setTimer(Math.max(1, delayMs), id -> handle(rq, b.toString()))))
                .listen()
                .map(s -> {
                    server = s;
                    return this;
                });
    }

    String url(boolean tls) {
        return (tls ? "https://localhost:" : "http://127.0.0.1:") + server.actualPort();
    }

    /** The PEM file of the self-signed certificate (the cluster CA, for TLS tests). */
    String caPem() {
        return certificate.certificatePath();
    }

    Future<Void> stop() {
        return server.close();
    }

    private void handle(HttpServerRequest rq, String body) {
        seen.add(new Seen(
                rq.method().name(), rq.path(), rq.getHeader("Content-Type"), rq.getHeader("Authorization"), body));
        String name = rq.path().startsWith("/api/v1/nodes/") ? rq.path().substring("/api/v1/nodes/".length()) : null;
        if (!("Bearer " + token).equals(rq.getHeader("Authorization"))) {
            status(rq, 401, "Unauthorized", "Unauthorized");
        } else if (failWith != 0) {
            status(rq, failWith, "Injected", "injected failure");
        } else if (name == null || !labels.containsKey(name)) {
            status(rq, 404, "NotFound", "nodes \"" + name + "\" not found");
        } else if ("GET".equals(rq.method().name())) {
            rq.response()
                    .putHeader("Content-Type", "application/json")
                    .end(node(name).encode());
        } else if (!"PATCH".equals(rq.method().name())) {
            status(rq, 405, "MethodNotAllowed", "method not allowed");
        } else if (!K8sNodeLabelDriver.MERGE_PATCH.equals(rq.getHeader("Content-Type"))) {
            status(rq, 415, "UnsupportedMediaType", "the body of the request was in an unknown format");
        } else {
            merge(name, new JsonObject(body).getJsonObject("metadata").getJsonObject("labels"));
            rq.response()
                    .putHeader("Content-Type", "application/json")
                    .end(node(name).encode());
        }
    }

    private void merge(String name, JsonObject patch) {
        JsonObject current = labels.get(name);
        patch.fieldNames().forEach(k -> {
            if (patch.getValue(k) == null) {
                current.remove(k);
            } else {
                current.put(k, patch.getString(k));
            }
        });
    }

    private JsonObject node(String name) {
        return new JsonObject()
                .put("kind", "Node")
                .put("apiVersion", "v1")
                .put(
                        "metadata",
                        new JsonObject()
                                .put("name", name)
                                .put("labels", labels.get(name).copy()));
    }

    private static void status(HttpServerRequest rq, int code, String reason, String message) {
        JsonObject status = new JsonObject()
                .put("kind", "Status")
                .put("apiVersion", "v1")
                .put("status", "Failure")
                .put("message", message)
                .put("reason", reason)
                .put("code", code);
        rq.response()
                .setStatusCode(code)
                .putHeader("Content-Type", "application/json")
                .end(status.encode());
    }
}
