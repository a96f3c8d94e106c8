package io.slipway.drivers.redfish;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process Redfish service for tests, modelled on the DMTF Redfish-Mockup-Server and the
 * sushy-tools emulator (neither is installable here): ComputerSystems with power that changes after
 * a delay (as real BMCs and emulators do), boot override, Thermal, basic and session
 * authentication with deletable sessions, and optional TLS with a self-signed certificate.
 *
 * <p>Strict where real BMCs refuse: a PATCH of {@code Boot} with a value outside the system's
 * {@code @Redfish.AllowableValues} or an unknown property is a 400 with a Redfish error, and a
 * request without valid credentials is a 401 whose body comes from the web server (HTML), not
 * the Redfish service; every 401, a rejected session login included, carries a {@code
 * WWW-Authenticate} challenge. Like sushy-tools, an accepted {@code BootSourceOverrideMode} is
 * applied (a UEFI system sent "Legacy" becomes a legacy system). {@link #dropPersistence} makes the service
 * store "Once" whatever is asked, as some BMCs do.
 */
final class RedfishSimulator {

    static final String USER = "admin";
    static final String PASSWORD = "password";
    /**
     * Sent with every 401, as RFC 7235 requires and real BMCs and sushy-tools do (a rejected session
     * login included).
     */
    static final String CHALLENGE = "Basic realm=\"Redfish\"";

    private final Vertx vertx;
    private final Map<String, JsonObject> systems = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    volatile long powerDelayMs = 100;
    volatile boolean dropPersistence;
    volatile int logins;
    private HttpServer server;
    private SelfSignedCertificate certificate;

    RedfishSimulator(Vertx vertx, int systemCount) {
        this.vertx = vertx;
        for (int i = 1; i <= systemCount; i++) {
            systems.put(Integer.toString(i), system(Integer.toString(i)));
        }
    }

    Future<RedfishSimulator> start(boolean tls) {
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0);
        if (tls) {
            certificate = SelfSignedCertificate.create("localhost");
            options.setSsl(true).setKeyCertOptions(certificate.keyCertOptions());
        }
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create());
        r.get("/redfish/v1").handler(ctx -> ctx.json(new JsonObject().put("RedfishVersion", "1.6.0")));
        r.post("/redfish/v1/SessionService/Sessions").handler(this::login);
        r.route("/redfish/v1/*").handler(this::authenticate);
        r.delete("/redfish/v1/SessionService/Sessions/:id").handler(this::logout);
        r.get("/redfish/v1/Systems").handler(this::list);
        r.get("/redfish/v1/Systems/:id").handler(ctx -> withSystem(ctx, s -> ctx.json(s)));
        r.patch("/redfish/v1/Systems/:id").handler(this::patch);
        r.post("/redfish/v1/Systems/:id/Actions/ComputerSystem.Reset").handler(this::reset);
        r.get("/redfish/v1/Chassis/1/Thermal").handler(ctx -> ctx.json(thermal()));
        return vertx.createHttpServer(options).requestHandler(r).listen().map(s -> {
            server = s;
            return this;
        });
    }

    /** The PEM path of the self-signed certificate, for clients that choose to trust it. */
    String certificatePath() {
        return certificate.certificatePath();
    }

    int port() {
        return server.actualPort();
    }

    Future<Void> stop() {
        return server.close();
    }

    JsonObject system(int index) {
        return systems.get(Integer.toString(index));
    }

    /** Sessions created and not deleted (nor expired). */
    int openSessions() {
        return tokens.size();
    }

    void expireSessions() {
        tokens.clear();
    }

    private void login(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        if (!USER.equals(body.getString("UserName")) || !PASSWORD.equals(body.getString("Password"))) {
            ctx.response().putHeader("WWW-Authenticate", CHALLENGE);
            error(ctx, 401, "Invalid credentials");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        logins++;
        ctx.response()
                .setStatusCode(201)
                .putHeader("X-Auth-Token", token)
                .putHeader("Location", "/redfish/v1/SessionService/Sessions/" + token)
                .end("{}");
    }

    private void logout(RoutingContext ctx) {
        if (tokens.remove(ctx.pathParam("id"))) {
            ctx.response().setStatusCode(204).end();
        } else {
            error(ctx, 404, "No such session");
        }
    }

    private void authenticate(RoutingContext ctx) {
        String token = ctx.request().getHeader("X-Auth-Token");
        String basic =
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if ((token != null && tokens.contains(token))
                || basic.equals(ctx.request().getHeader("Authorization"))) {
            ctx.next();
        } else {
            ctx.response()
                    .setStatusCode(401)
                    .putHeader("Content-Type", "text/html")
                    .putHeader("WWW-Authenticate", CHALLENGE)
                    .end("<!doctype html><html><head><title>401 Unauthorized</title></head><body>"
                            + "<h1>Unauthorized</h1><p>Authentication required: invalid user name or"
                            + " password</p></body></html>");
        }
    }

    private void list(RoutingContext ctx) {
        JsonArray members = new JsonArray();
        systems.keySet().stream()
                .sorted()
                .forEach(id -> members.add(new JsonObject().put("@odata.id", "/redfish/v1/Systems/" + id)));
        ctx.json(new JsonObject().put("Members", members).put("Members@odata.count", members.size()));
    }

    private void patch(RoutingContext ctx) {
        withSystem(ctx, s -> {
            JsonObject boot = ctx.body().asJsonObject().getJsonObject("Boot", new JsonObject());
            JsonObject current = s.getJsonObject("Boot");
            for (String key : boot.fieldNames()) {
                JsonArray allowed = current.getJsonArray(key + "@Redfish.AllowableValues");
                if (allowed == null || !allowed.contains(boot.getValue(key))) {
                    error(
                            ctx,
                            400,
                            "The value " + boot.getValue(key) + " for the property " + key
                                    + " is not in the list of acceptable values.");
                    return;
                }
            }
            current.mergeIn(boot);
            if (dropPersistence && "Continuous".equals(boot.getString("BootSourceOverrideEnabled"))) {
                current.put("BootSourceOverrideEnabled", "Once");
            }
            ctx.response().setStatusCode(204).end();
        });
    }

    private void reset(RoutingContext ctx) {
        withSystem(ctx, s -> {
            String type = ctx.body().asJsonObject().getString("ResetType", "");
            String next = switch (type) {
                case "On", "ForceOn", "ForceRestart", "PowerCycle" -> "On";
                case "ForceOff", "GracefulShutdown" -> "Off";
                default -> null;
            };
            if (next == null) {
                error(ctx, 400, "ResetType " + type + " is not supported");
                return;
            }
            vertx.setTimer(Math.max(1, powerDelayMs), id -> s.put("PowerState", next));
            ctx.response().setStatusCode(204).end();
        });
    }

    private void withSystem(RoutingContext ctx, java.util.function.Consumer<JsonObject> then) {
        JsonObject s = systems.get(ctx.pathParam("id"));
        if (s == null) {
            error(ctx, 404, "No such system");
        } else {
            then.accept(s);
        }
    }

    private static void error(RoutingContext ctx, int status, String message) {
        JsonObject info = new JsonObject().put("Message", message);
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put(
                                "error",
                                new JsonObject()
                                        .put("code", "Base.1.0.GeneralError")
                                        .put("message", message)
                                        .put("@Message.ExtendedInfo", new JsonArray().add(info)))
                        .encode());
    }

    private static JsonObject system(String id) {
        JsonArray resets = new JsonArray()
                .add("On")
                .add("ForceOff")
                .add("GracefulShutdown")
                .add("ForceRestart");
        return new JsonObject()
                .put("@odata.id", "/redfish/v1/Systems/" + id)
                .put("Id", id)
                .put("Manufacturer", "Slipway Sim")
                .put("Model", "Sim 1000")
                .put("SerialNumber", "RF-" + id)
                .put("BiosVersion", "1.2.3")
                .put("PowerState", "Off")
                .put(
                        "Boot",
                        new JsonObject()
                                .put("BootSourceOverrideTarget", "None")
                                .put("BootSourceOverrideEnabled", "Disabled")
                                .put("BootSourceOverrideMode", "UEFI")
                                .put(
                                        "BootSourceOverrideTarget@Redfish.AllowableValues",
                                        new JsonArray()
                                                .add("None")
                                                .add("Pxe")
                                                .add("Hdd")
                                                .add("Cd")
                                                .add("BiosSetup"))
                                .put(
                                        "BootSourceOverrideEnabled@Redfish.AllowableValues",
                                        new JsonArray()
                                                .add("Disabled")
                                                .add("Once")
                                                .add("Continuous"))
                                .put(
                                        "BootSourceOverrideMode@Redfish.AllowableValues",
                                        new JsonArray().add("UEFI").add("Legacy")))
                .put(
                        "Actions",
                        new JsonObject()
                                .put(
                                        "#ComputerSystem.Reset",
                                        new JsonObject()
                                                .put(
                                                        "target",
                                                        "/redfish/v1/Systems/" + id + "/Actions/ComputerSystem.Reset")
                                                .put("ResetType@Redfish.AllowableValues", resets)))
                .put(
                        "Links",
                        new JsonObject()
                                .put(
                                        "Chassis",
                                        new JsonArray()
                                                .add(new JsonObject().put("@odata.id", "/redfish/v1/Chassis/1"))));
    }

    private static JsonObject thermal() {
        return new JsonObject()
                .put(
                        "Temperatures",
                        new JsonArray()
                                .add(new JsonObject().put("Name", "CPU Temp").put("ReadingCelsius", 41)))
                .put(
                        "Fans",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("Name", "Fan1")
                                        .put("Reading", 6000)
                                        .put("ReadingUnits", "RPM")));
    }
}
