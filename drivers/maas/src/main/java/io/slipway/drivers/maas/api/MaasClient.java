package io.slipway.drivers.maas.api;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * A thin client of the MAAS REST API 2.0: paths are relative to {@code <url>/api/2.0/}, {@code op}
 * goes in the query string and POST/PUT parameters are sent as {@code multipart/form-data}, as the
 * API documentation asks, always with a {@code Content-Length} ({@link MultipartBody}). Every request
 * carries a fresh OAuth PLAINTEXT header. An {@code https} MAAS is verified against {@code caFile}
 * (PEM) when one is given, else the JVM's trust store.
 *
 * <p>Thread-safe; futures complete on a Vert.x context. Failures are always {@link
 * io.slipway.drivers.spi.DriverException}s (see {@link MaasErrors}); nothing is retried here, since
 * the callers know which operations are safe to repeat.
 */
public final class MaasClient {
    private final WebClient web;
    private final String base;
    private final MaasApiKey key;
    private final long requestTimeoutMs;

    public MaasClient(Vertx vertx, String url, MaasApiKey key, long requestTimeoutMs) {
        this(vertx, url, key, requestTimeoutMs, null);
    }

    public MaasClient(Vertx vertx, String url, MaasApiKey key, long requestTimeoutMs, String caFile) {
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, requestTimeoutMs))
                .setFollowRedirects(false)
                .setUserAgent("slipway-maas");
        if (caFile != null && !caFile.isBlank()) {
            options.setTrustOptions(new PemTrustOptions().addCertPath(caFile));
        }
        this.web = WebClient.create(vertx, options);
        this.base = url.replaceAll("/+$", "") + "/api/2.0/";
        this.key = key;
        this.requestTimeoutMs = requestTimeoutMs;
    }

    /** GETs a JSON document ({@code query} holds name/value pairs, {@code op} among them if any). */
    public Future<Object> get(String path, String... query) {
        return send(HttpMethod.GET, path, Forms.of(query), null);
    }

    public Future<JsonObject> getObject(String path, String... query) {
        return get(path, query).map(o -> cast(o, JsonObject.class, path));
    }

    public Future<JsonArray> getArray(String path, String... query) {
        return get(path, query).map(o -> cast(o, JsonArray.class, path));
    }

    /** POSTs {@code form} to {@code path}, with {@code op} in the query string unless null. */
    public Future<Object> post(String path, String op, MultiMap form) {
        MultiMap query = op == null ? MultiMap.caseInsensitiveMultiMap() : Forms.of("op", op);
        return send(HttpMethod.POST, path, query, form);
    }

    public Future<Object> put(String path, MultiMap form) {
        return send(HttpMethod.PUT, path, MultiMap.caseInsensitiveMultiMap(), form);
    }

    public Future<Void> delete(String path) {
        return send(HttpMethod.DELETE, path, MultiMap.caseInsensitiveMultiMap(), null)
                .mapEmpty();
    }

    public void close() {
        web.close();
    }

    private Future<Object> send(HttpMethod method, String path, MultiMap query, MultiMap form) {
        String what = method + " " + path + (query.contains("op") ? "?op=" + query.get("op") : "");
        HttpRequest<Buffer> request = web.requestAbs(method, base + path)
                .timeout(requestTimeoutMs)
                .putHeader("Authorization", OAuthHeader.of(key))
                .putHeader("Accept", "application/json");
        query.forEach(request::addQueryParam);
        Future<HttpResponse<Buffer>> sent;
        if (form == null) {
            sent = request.send();
        } else {
            MultipartBody body = MultipartBody.of(form);
            sent = request.putHeader("Content-Type", body.contentType()).sendBuffer(body.bytes());
        }
        return sent.transform(ar -> ar.succeeded()
                        ? Future.succeededFuture(ar.result())
                        : Future.failedFuture(MaasErrors.fromTransport(ar.cause(), what)))
                .compose(response -> decode(response, what));
    }

    private static Future<Object> decode(HttpResponse<Buffer> response, String what) {
        String body = response.body() == null ? "" : response.bodyAsString();
        if (response.statusCode() >= 400) {
            return Future.failedFuture(MaasErrors.fromStatus(response.statusCode(), body, what));
        }
        if (body.isBlank()) {
            return Future.succeededFuture(null);
        }
        try {
            return Future.succeededFuture(Json.decodeValue(body));
        } catch (DecodeException e) {
            return Future.failedFuture(MaasErrors.malformed(what, e));
        }
    }

    private static <T> T cast(Object o, Class<T> type, String path) {
        if (!type.isInstance(o)) {
            throw MaasErrors.malformed(
                    path,
                    new IllegalStateException("expected a JSON " + (type == JsonObject.class ? "object" : "array")));
        }
        return type.cast(o);
    }
}
