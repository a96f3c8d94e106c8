package io.slipway.drivers.redfish;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.OobTarget;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON over HTTP(S) to one kind of Redfish service: authentication (basic, or a SessionService
 * token reused until it is rejected), the ComputerSystem lookup, and typed failures.
 *
 * <p>Target options: {@code scheme} ({@code https} by default, {@code http} for labs) and {@code
 * systemId} when the service manages more than one system.
 */
final class RedfishClient {

    private final WebClient web;
    private final RedfishConfig config;
    private final Map<String, Future<Login>> tokens = new ConcurrentHashMap<>();
    private final Map<String, Login> created = new ConcurrentHashMap<>();

    /** A SessionService session this client created: its token and the URI that deletes it. */
    private record Login(OobTarget target, String token, String location) {}

    private final Map<String, Future<String>> systems = new ConcurrentHashMap<>();

    RedfishClient(WebClient web, RedfishConfig config) {
        this.web = web;
        this.config = config;
    }

    /** The ComputerSystem resource path: {@code systemId} if given, else the only member. */
    Future<String> systemPath(OobTarget t) {
        if (t.option("systemId").isPresent()) {
            return Future.succeededFuture(
                    "/redfish/v1/Systems/" + t.option("systemId").get());
        }
        Future<String> path = systems.computeIfAbsent(
                key(t),
                k -> get(t, "/redfish/v1/Systems").compose(list -> {
                    JsonArray members = list.getJsonArray("Members", new JsonArray());
                    if (members.size() != 1) {
                        return Future.failedFuture(new DriverException(
                                DriverException.Kind.FAILED,
                                false,
                                "Redfish service "
                                        + t
                                        + " manages "
                                        + members.size()
                                        + " systems; set the target option systemId"));
                    }
                    return Future.succeededFuture(members.getJsonObject(0).getString("@odata.id"));
                }));
        return path.onFailure(err -> systems.remove(key(t)));
    }

    Future<JsonObject> get(OobTarget t, String path) {
        return send(t, HttpMethod.GET, path, null, true).map(r -> r.bodyAsJsonObject());
    }

    Future<Void> post(OobTarget t, String path, JsonObject body) {
        return send(t, HttpMethod.POST, path, body, true).mapEmpty();
    }

    Future<Void> patch(OobTarget t, String path, JsonObject body) {
        return send(t, HttpMethod.PATCH, path, body, true).mapEmpty();
    }

    /** Deletes every session this client created (best effort, bounded), then closes. */
    Future<Void> close() {
        java.util.List<Future<?>> deletes = new java.util.ArrayList<>();
        created.values().forEach(l -> deletes.add(delete(l)));
        created.clear();
        tokens.clear();
        return Future.join(deletes)
                .eventually(() -> {
                    web.close();
                    return Future.succeededFuture();
                })
                .mapEmpty();
    }

    private Future<?> delete(Login l) {
        if (l.location() == null) {
            return Future.succeededFuture();
        }
        return web.request(HttpMethod.DELETE, port(l.target()), l.target().address(), l.location())
                .ssl(https(l.target()))
                .timeout(Math.min(config.requestTimeoutMs(), 5_000))
                .putHeader("X-Auth-Token", l.token())
                .send()
                .recover(err -> Future.succeededFuture());
    }

    private Future<HttpResponse<Buffer>> send(
            OobTarget t, HttpMethod method, String path, JsonObject body, boolean mayRelogin) {
        String what = method + " " + path + " on " + t;
        return authorize(t)
                .compose(auth -> {
                    HttpRequest<Buffer> rq = web.request(method, port(t), t.address(), path)
                            .ssl(https(t))
                            .timeout(config.requestTimeoutMs())
                            .putHeader("Accept", "application/json")
                            .putHeader(auth[0], auth[1]);
                    return body == null ? rq.send() : rq.sendJsonObject(body);
                })
                .recover(err -> Future.failedFuture(RedfishErrors.of(err, what)))
                .compose(rsp -> {
                    if (rsp.statusCode() == 401 && config.sessionAuth() && mayRelogin) {
                        tokens.remove(key(t)); // the token expired or the BMC restarted: log in again once
                        created.remove(key(t));
                        return send(t, method, path, body, false);
                    }
                    return rsp.statusCode() < 300
                            ? Future.succeededFuture(rsp)
                            : Future.failedFuture(RedfishErrors.of(rsp, what));
                });
    }

    /** The authorization header name and value for {@code t}. */
    private Future<String[]> authorize(OobTarget t) {
        if (t.credentials() == null) {
            return Future.failedFuture(DriverException.auth("no Redfish credentials for " + t));
        }
        if (!config.sessionAuth()) {
            String pair = t.credentials().username() + ":" + t.credentials().password();
            return Future.succeededFuture(new String[] {
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))
            });
        }
        Future<Login> login = tokens.computeIfAbsent(key(t), k -> login(t));
        return login.onFailure(err -> tokens.remove(key(t))).map(l -> new String[] {"X-Auth-Token", l.token()});
    }

    private Future<Login> login(OobTarget t) {
        JsonObject body = new JsonObject()
                .put("UserName", t.credentials().username())
                .put("Password", t.credentials().password());
        String what = "Redfish login on " + t;
        return web.request(HttpMethod.POST, port(t), t.address(), "/redfish/v1/SessionService/Sessions")
                .ssl(https(t))
                .timeout(config.requestTimeoutMs())
                .sendJsonObject(body)
                .recover(err -> Future.failedFuture(RedfishErrors.of(err, what)))
                .compose(rsp -> rsp.statusCode() < 300 && rsp.getHeader("X-Auth-Token") != null
                        ? Future.succeededFuture(created(t, rsp))
                        : Future.failedFuture(RedfishErrors.of(rsp, what)));
    }

    /** Remembers the session so that {@link #close} deletes it (Location, else the body's id). */
    private Login created(OobTarget t, HttpResponse<Buffer> rsp) {
        String location = rsp.getHeader("Location");
        if (location == null) {
            try {
                location = rsp.bodyAsJsonObject().getString("@odata.id");
            } catch (RuntimeException noBody) {
                location = null;
            }
        }
        if (location != null && location.startsWith("http")) {
            location = java.net.URI.create(location).getRawPath();
        }
        Login l = new Login(t, rsp.getHeader("X-Auth-Token"), location);
        created.put(key(t), l);
        return l;
    }

    private static boolean https(OobTarget t) {
        return !"http".equals(t.option("scheme").orElse("https"));
    }

    private static int port(OobTarget t) {
        return t.portOr(https(t) ? 443 : 80);
    }

    private static String key(OobTarget t) {
        return t.address()
                + ":"
                + t.port()
                + "/"
                + (t.credentials() == null ? "" : t.credentials().username());
    }
}
