package io.slipway.drivers.netboot;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node-facing boot routes: iPXE scripts ({@code /boot/ipxe}, {@code /boot/ipxe/{mac}}), agent
 * artefacts ({@code /boot/files/{name}}), OS images ({@code /boot/images}, {@code /boot/images/{name}})
 * and, when the server provides them, the boot-action routes. A per-MAC script for a node with a live
 * agent job carries a fresh agent token (stored hashed); an unknown MAC is recorded and sent back to
 * its local disk.
 */
final class BootRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(BootRoutes.class);
    private static final String IPXE = "text/plain; charset=utf-8";
    private final NetbootConfig config;
    private final JobControl jobs;
    private final ImageRegistry images;
    private final Handler<HttpServerRequest> bootActions;

    BootRoutes(NetbootConfig config, JobControl jobs, ImageRegistry images, Handler<HttpServerRequest> bootActions) {
        this.config = config;
        this.jobs = jobs;
        this.images = images;
        this.bootActions = bootActions;
    }

    void mount(Router r) {
        r.get("/boot/ipxe")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", IPXE)
                        .end("#!ipxe\nchain " + config.baseUrl() + "/boot/ipxe/${net0/mac:hexhyp}\n"));
        r.get("/boot/ipxe/:mac").handler(this::script);
        r.route("/boot/files/:name")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .handler(this::artefact);
        r.get("/boot/images").handler(this::imageList);
        r.route("/boot/images/:name")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .handler(this::image);
        r.route("/api/v1.0/bootactions/*")
                .handler(ctx -> Problems.send(ctx, 404, "not found", "boot actions are not served by this listener"));
    }

    /** The listener's request handler: boot-action paths to the server's handler when there is one, the rest to {@code router}. */
    Handler<HttpServerRequest> handler(Router router) {
        return req -> {
            if (bootActions != null && req.path().startsWith("/api/v1.0/bootactions/")) {
                bootActions.handle(req);
            } else {
                router.handle(req);
            }
        };
    }

    static String mac(String raw) {
        String m = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT).replace('-', ':');
        return m.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}") ? m : null;
    }

    private void script(RoutingContext ctx) {
        String mac = mac(ctx.pathParam("mac"));
        if (mac == null) {
            Problems.send(ctx, 400, "bad MAC address", "'" + ctx.pathParam("mac") + "' is not a MAC address");
            return;
        }
        jobs.state()
                .get(NetbootState.MAC, mac)
                .compose(reg -> reg == null ? unknown(mac, ctx) : forNode(reg.getString("node")))
                .onSuccess(s -> ctx.response().putHeader("Content-Type", IPXE).end(s))
                .onFailure(
                        e -> Problems.send(ctx, 503, "unavailable", "the boot service cannot read its state; retry"));
    }

    private Future<String> forNode(String node) {
        String token = Tokens.newToken();
        String hash = Tokens.hash(token);
        return jobs.state()
                .update(
                        node,
                        j -> j != null && j.agentActive()
                                ? j.withAgentToken(hash).withBootServed(jobs.now())
                                : j)
                .compose(j -> {
                    if (j == null || !j.agentActive()) {
                        return Future.succeededFuture(
                                "#!ipxe\necho Slipway: " + node + " has no job; booting the local disk\nexit\n");
                    }
                    return jobs.state()
                            .putToken(hash, node, "agent", jobs.now() + config.tokenTtlMs())
                            .map(v -> "#!ipxe\n"
                                    + "kernel " + config.baseUrl() + "/boot/files/vmlinuz slipway.url="
                                    + config.baseUrl() + " slipway.token="
                                    + token + " slipway.node=" + node + " " + config.agentKernelArgs() + "\n"
                                    + "initrd " + config.baseUrl() + "/boot/files/initrd.gz\n"
                                    + "boot\n");
                });
    }

    private Future<String> unknown(String mac, RoutingContext ctx) {
        LOG.warn("boot request from unknown MAC {} ({})", mac, ctx.request().remoteAddress());
        return jobs.state()
                .get(NetbootState.UNKNOWN_MAC, mac)
                .compose(old -> {
                    JsonObject ev = old == null
                            ? new JsonObject()
                                    .put("mac", mac)
                                    .put("first_seen", jobs.now())
                                    .put("count", 0)
                            : old;
                    ev.put("last_seen", jobs.now())
                            .put("count", ev.getLong("count", 0L) + 1)
                            .put("from", String.valueOf(ctx.request().remoteAddress()));
                    return jobs.state().put(NetbootState.UNKNOWN_MAC, mac, ev);
                })
                .map(v -> "#!ipxe\necho Slipway: MAC " + mac
                        + " belongs to no node of the design; booting the local disk\nexit\n");
    }

    private void artefact(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            Problems.send(ctx, 404, "not found", "no artefact " + name);
            return;
        }
        FileResponses.send(ctx, config.artefactsDir().resolve(name), null, "application/octet-stream");
    }

    private void imageList(RoutingContext ctx) {
        ctx.vertx()
                .executeBlocking(images::list, false)
                .onSuccess(list -> {
                    JsonArray a = new JsonArray();
                    list.forEach(i -> a.add(i.toJson()));
                    ctx.response().putHeader("Content-Type", "application/json").end(a.encode());
                })
                .onFailure(e -> Problems.send(ctx, 500, "image registry unreadable", e.getMessage()));
    }

    private void image(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        ctx.vertx()
                .executeBlocking(() -> images.find(name), false)
                .onSuccess(i -> {
                    if (i == null) {
                        Problems.send(ctx, 404, "not found", "no registered image " + name);
                    } else {
                        FileResponses.send(ctx, images.path(i), i.sha256(), "application/octet-stream");
                    }
                })
                .onFailure(e -> Problems.send(ctx, 500, "image registry unreadable", e.getMessage()));
    }
}
