package io.slipway.drivers.maas.sim;

import io.slipway.drivers.maas.sim.SimRouter.SimError;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An in-process MAAS region API 2.0 on loopback, for driver tests, enforcing MAAS's own rules rather
 * than the driver's: MAAS's URL patterns ({@link SimRouter}), admin-only operations (403 for {@link
 * #USER_KEY}), the machine state machine and its power check ({@link SimLifecycle}), per-state storage
 * and interface rules ({@link SimStorage}, {@link SimLvm}, {@link SimInterfaces}, {@link SimLinks}),
 * VLAN relay and DHCP rules ({@link SimSite}). With {@link #twistedFront} on it parses request bodies as
 * MAAS &lt;= 3.1 did (regiond's Twisted WSGI bridge, no nginx): only with a {@code Content-Length}.
 * All state sits behind one lock, so tests may read it from their own thread.
 */
public final class MaasSimulator {
    /** An administrator's key. */
    public static final String API_KEY = "simconsumer:simtoken:simsecret";
    /** A non-admin user's key. */
    public static final String USER_KEY = "userconsumer:usertoken:usersecret";

    private static final String PREFIX = "/MAAS/api/2.0/";

    /** Simulated durations of MAAS's long operations, in milliseconds. */
    public record Timings(long commissionMs, long deployMs, long releaseMs, long eraseMs) {
        public static Timings fast() {
            return new Timings(80, 120, 60, 60);
        }
    }

    /** One logged request: method, path relative to {@code api/2.0/}, {@code op} (or null), parameters, Content-Length (or null). */
    public record Request(
            String method, String path, String op, Map<String, List<String>> params, String contentLength) {
        @Override
        public String toString() {
            return method + " " + path + (op == null ? "" : "?op=" + op);
        }
    }

    /** One answer: the request, HTTP status and body. */
    public record Answer(Request request, int status, String body) {}

    private final Vertx vertx;
    private final SimIds ids = new SimIds();
    private final SimSite site = new SimSite(ids);
    private final SimRegion region = new SimRegion(ids, site);
    private final SimMachines machines = new SimMachines(ids, region);
    private final SimInterfaces interfaces = new SimInterfaces(machines, site, ids);
    private final SimStorage storage = new SimStorage(machines, ids);
    private final SimLifecycle lifecycle = new SimLifecycle(this, machines, interfaces, storage);
    private final SimRouter router = new SimRouter();
    private final List<Answer> log = new ArrayList<>();
    private volatile Timings timings = Timings.fast();
    private volatile boolean twistedFront;
    private HttpServer server;

    public MaasSimulator(Vertx vertx) {
        this.vertx = vertx;
        site.register(router);
        region.register(router);
        machines.register(router);
        lifecycle.register(router);
        interfaces.register(router);
        storage.register(router);
    }

    /** Listens on 127.0.0.1 on a free port. */
    public Future<MaasSimulator> start() {
        return vertx.createHttpServer()
                .requestHandler(this::handle)
                .listen(0, "127.0.0.1")
                .map(s -> {
                    server = s;
                    return this;
                });
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** The MAAS root URL to configure the driver with. */
    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/MAAS";
    }

    public Timings timings() {
        return timings;
    }

    public void timings(Timings t) {
        timings = t;
    }

    private void handle(HttpServerRequest req) {
        req.body().onComplete(ar -> {
            Request logged = logged(req, ar.succeeded() ? ar.result() : null);
            int status = 200;
            String body;
            try {
                body = respond(req, logged);
            } catch (SimError e) {
                status = e.status;
                body = e.getMessage();
            }
            synchronized (this) {
                log.add(new Answer(logged, status, body));
            }
            req.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", status == 200 ? "application/json" : "text/plain")
                    .end(body == null ? "" : body);
        });
    }

    /**
     * Query and form parameters. Behind Twisted's WSGI bridge (MAAS &lt;= 3.1) {@code CONTENT_LENGTH} is
     * the header or "" ({@code twisted/web/wsgi.py:261}), and Django reads no body without it.
     */
    private Request logged(HttpServerRequest req, io.vertx.core.buffer.Buffer body) {
        MultiMap params = MultiMap.caseInsensitiveMultiMap().addAll(req.params());
        String length = req.getHeader("Content-Length");
        if (!twistedFront || length != null) {
            params.addAll(SimForms.parse(req.getHeader("Content-Type"), body));
        }
        String path = req.path().startsWith(PREFIX) ? req.path().substring(PREFIX.length()) : req.path();
        return new Request(req.method().name(), path, params.get("op"), SimAuth.copy(params), length);
    }

    private String respond(HttpServerRequest req, Request r) {
        if (!req.path().startsWith(PREFIX)) {
            throw new SimError(404, "Not Found");
        }
        Boolean admin = SimAuth.role(req.getHeader("Authorization"));
        if (admin == null) {
            throw new SimError(
                    401,
                    "Authorization Error: 'Invalid access token: "
                            + (req.getHeader("Authorization") == null ? "none" : "rejected") + "'");
        }
        MultiMap params = MultiMap.caseInsensitiveMultiMap();
        r.params().forEach(params::add);
        synchronized (this) {
            Object result = router.dispatch(r.method(), req.path(), r.path(), params, admin);
            return result == null ? null : Json.encode(result);
        }
    }

    /** Runs {@code change} under the state lock after {@code ms}, on a simulator timer. */
    void later(long ms, Runnable change) {
        vertx.setTimer(Math.max(1, ms), id -> {
            synchronized (this) {
                change.run();
            }
        });
    }

    // ---- test hooks -------------------------------------------------------------------------

    /** MAAS &lt;= 3.1 mode: regiond serves port 5240 itself and ignores bodies without a Content-Length. */
    public void twistedFront(boolean on) {
        twistedFront = on;
    }

    /** The BMC at {@code address} accepts only these credentials (from MAAS's side). */
    public void bmc(String address, String user, String password) {
        lifecycle.bmcs.put(address, new String[] {user, password});
    }

    /** What commissioning finds, per boot MAC (default: {@link SimHardware#gen10} varied by the MAC's last octet). */
    public void hardware(Function<String, SimHardware> byMac) {
        machines.hardware = byMac;
    }

    /** The subnet the rack controller serves PXE on, as MAAS discovers it (on {@code fabric-0}, untagged). */
    public synchronized void bootSubnet(String cidr, String name) {
        site.bootSubnet(cidr, name);
    }

    public synchronized void rackService(String name, String status) {
        region.rackServices.put(name, status);
    }

    public void importing(boolean on) {
        region.importing = on;
    }

    /** A machine that PXE-booted and enlisted itself (New; enlistment set up a {@code maas} BMC user). */
    public synchronized String enlist(String bootMac, String powerAddress) {
        SimMachine m = machines.enlist(bootMac, null, "amd64/generic");
        m.powerType = "ipmi";
        m.powerParameters.put("power_address", powerAddress);
        m.powerParameters.put("power_user", "maas");
        m.powerParameters.put("power_pass", "enlistment-generated");
        return m.systemId;
    }

    /** Puts the machine in {@code status} directly, as an operator or a failure in MAAS would. */
    public synchronized void force(String systemId, String status, String message) {
        SimStatus.number(status);
        machines.machine(systemId).status(status, message);
    }

    /** The system id of the machine booting from {@code bootMac}, or null. */
    public synchronized String systemIdOf(String bootMac) {
        return machines.machines.stream()
                .filter(m -> m.bootMac.equalsIgnoreCase(bootMac))
                .map(m -> m.systemId)
                .findFirst()
                .orElse(null);
    }

    /** The machine as {@code GET machines/<id>/} renders it, plus {@code user_data} (decoded) and power parameters. */
    public synchronized JsonObject machine(String systemId) {
        SimMachine m = machines.machine(systemId);
        return m.json()
                .put("user_data", m.userData)
                .put("power_parameters", new JsonObject(new HashMap<>(m.powerParameters)))
                .put("default_gateway", m.defaultGateway);
    }

    /** Site objects by kind: {@code fabrics}, {@code subnets}, {@code ipranges}, {@code domains}, {@code static-routes}, {@code package-repositories}. */
    public synchronized JsonArray objects(String kind) {
        List<JsonObject> list = switch (kind) {
            case "fabrics" -> site.fabrics;
            case "subnets" -> site.subnets;
            case "ipranges" -> site.ipRanges;
            case "domains" -> region.domains;
            case "static-routes" -> region.staticRoutes;
            case "package-repositories" -> region.repositories;
            default -> throw new IllegalArgumentException(kind);
        };
        return new JsonArray(list.stream().map(JsonObject::copy).toList());
    }

    /** Makes the next deployment of the machine end in Failed deployment with {@code message}. */
    public synchronized void failNextDeploy(String bootMac, String message) {
        byMac(bootMac).failNextDeploy = message;
    }

    public synchronized void failNextCommission(String bootMac, String message) {
        byMac(bootMac).failNextCommission = message;
    }

    /** Commissionings, deployments, releases and disk erasures started for the machine (all zero when unknown). */
    public synchronized int[] counts(String bootMac) {
        String id = systemIdOf(bootMac);
        if (id == null) {
            return new int[4];
        }
        SimMachine m = machines.machine(id);
        return new int[] {m.commissions, m.deploys, m.releases, m.erases};
    }

    /** Every status the machine has been in, oldest first. */
    public synchronized List<String> history(String systemId) {
        return List.copyOf(machines.machine(systemId).history);
    }

    public synchronized String status(String systemId) {
        return machines.machine(systemId).status;
    }

    public synchronized String statusMessage(String systemId) {
        return machines.machine(systemId).statusMessage;
    }

    public synchronized List<Request> requests() {
        return log.stream().map(Answer::request).toList();
    }

    /** Every answer, oldest first. */
    public synchronized List<Answer> answers() {
        return List.copyOf(log);
    }

    /** Answers with a status of 400 or more. */
    public synchronized List<Answer> refusals() {
        return log.stream().filter(a -> a.status() >= 400).toList();
    }

    public synchronized void clearRequests() {
        log.clear();
    }

    private SimMachine byMac(String bootMac) {
        String id = systemIdOf(bootMac);
        if (id == null) {
            throw new IllegalStateException("no simulated machine boots from " + bootMac);
        }
        return machines.machine(id);
    }
}
