package io.slipway.drivers.maas.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.slipway.drivers.maas.sim.SimRouter.SimError;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;

/**
 * An in-process MAAS region API 2.0 on loopback, for driver tests. It checks the OAuth PLAINTEXT
 * header against its API key, follows MAAS's machine states on timers ({@link Timings}), keeps
 * fabrics, VLANs, subnets, IP ranges, SSH keys, tags, interfaces and storage as far as the driver
 * uses them, and logs every request. All state sits behind one lock, so tests may read it from
 * their own thread.
 */
public final class MaasSimulator {
  public static final String API_KEY = "simconsumer:simtoken:simsecret";
  private static final String PREFIX = "/MAAS/api/2.0/";
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  /** Simulated durations of MAAS's long operations, in milliseconds. */
  public record Timings(long commissionMs, long deployMs, long releaseMs, long eraseMs) {
    public static Timings fast() {
      return new Timings(80, 120, 60, 60);
    }
  }

  /** One logged request: method, path relative to {@code api/2.0/}, {@code op} (or null) and parameters. */
  public record Request(String method, String path, String op, Map<String, List<String>> params) {
    @Override
    public String toString() {
      return method + " " + path + (op == null ? "" : "?op=" + op);
    }
  }

  private final Vertx vertx;
  private final SimIds ids = new SimIds();
  private final SimSite site = new SimSite(ids);
  private final SimMachines machines = new SimMachines(this, ids);
  private final SimRouter router = new SimRouter();
  private final List<Request> log = new ArrayList<>();
  private volatile Timings timings = Timings.fast();
  private HttpServer server;

  public MaasSimulator(Vertx vertx) {
    this.vertx = vertx;
    site.register(router);
    machines.register(router);
    new SimNodeConfig(machines, site, ids).register(router);
  }

  /** Listens on 127.0.0.1 on a free port. */
  public Future<MaasSimulator> start() {
    return vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").map(s -> {
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
    if (req.getHeader("Content-Type") != null) {
      req.setExpectMultipart(true);
    }
    req.end().onComplete(ar -> {
      int status = 200;
      String body;
      try {
        body = respond(req);
      } catch (SimError e) {
        status = e.status;
        body = e.getMessage();
      }
      req.response().setStatusCode(status)
          .putHeader("Content-Type", status == 200 ? "application/json" : "text/plain").end(body == null ? "" : body);
    });
  }

  private String respond(HttpServerRequest req) {
    if (!req.path().startsWith(PREFIX)) {
      throw new SimError(404, "Not Found");
    }
    if (!authorised(req.getHeader("Authorization"))) {
      throw new SimError(401, "Authorization Error: 'Invalid access token: "
          + (req.getHeader("Authorization") == null ? "none" : "rejected") + "'");
    }
    MultiMap params = MultiMap.caseInsensitiveMultiMap().addAll(req.params()).addAll(req.formAttributes());
    String path = req.path().substring(PREFIX.length());
    synchronized (this) {
      log.add(new Request(req.method().name(), path, params.get("op"), copy(params)));
      Object result = router.dispatch(req.method().name(), path, params);
      return result == null ? null : Json.encode(result);
    }
  }

  private static boolean authorised(String header) {
    if (header == null || !header.startsWith("OAuth ")) {
      return false;
    }
    Map<String, String> p = new HashMap<>();
    Matcher m = PARAM.matcher(header);
    while (m.find()) {
      p.put(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
    }
    String[] key = API_KEY.split(":");
    return "PLAINTEXT".equals(p.get("oauth_signature_method")) && key[0].equals(p.get("oauth_consumer_key"))
        && key[1].equals(p.get("oauth_token")) && ("&" + key[2]).equals(p.get("oauth_signature"))
        && p.containsKey("oauth_nonce") && p.containsKey("oauth_timestamp");
  }

  private static Map<String, List<String>> copy(MultiMap params) {
    Map<String, List<String>> map = new HashMap<>();
    params.names().forEach(n -> map.put(n, List.copyOf(params.getAll(n))));
    return map;
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

  /** A machine that PXE-booted and enlisted itself: status New, not commissioned. Returns its system id. */
  public synchronized String enlist(String bootMac, String powerAddress) {
    return machines.enlist(bootMac, null, "ipmi", powerAddress).systemId;
  }

  /** The system id of the machine booting from {@code bootMac}, or null. */
  public synchronized String systemIdOf(String bootMac) {
    return machines.machines.stream().filter(m -> m.bootMac.equalsIgnoreCase(bootMac)).map(m -> m.systemId)
        .findFirst().orElse(null);
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

  public synchronized List<Request> requests() {
    return List.copyOf(log);
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
