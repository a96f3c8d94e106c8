package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.node.AgentBootstrapper;
import io.slipway.drivers.spi.node.ApplyStep;
import io.slipway.drivers.spi.node.HardwareManifest;
import io.slipway.drivers.spi.node.NodeSpec;
import io.slipway.drivers.spi.node.NodeStatus;
import io.slipway.drivers.spi.node.NodeStatus.Phase;
import io.slipway.drivers.spi.node.SiteReport;
import io.slipway.drivers.spi.node.SiteSpec;
import io.slipway.drivers.spi.state.DriverStateStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code netboot} node driver: Slipway itself boots nodes from the network into its agent and
 * deploys images, with no external bootstrapper. It serves iPXE scripts, agent artefacts, images and
 * the agent API on its own listener ({@link #listen}); jobs and hashed tokens live in the durable
 * driver state, so a restarted server loses none. The engine's BMC steps boot the nodes (see {@link
 * AgentBootstrapper}); the site's DHCP stays in charge (a ProxyDHCP configuration is rendered by
 * {@link #prepareSite}).
 *
 * <p>Every method runs on the driver's own context; futures complete there. Thread-safe.
 */
public final class NetbootNodeDriver implements AgentBootstrapper {
    public static final String TYPE = "netboot";
    private final Vertx vertx;
    private final Context ctx;
    private final NetbootConfig config;
    private final ImageRegistry images;
    private final JobControl jobs;
    private final NetbootState state;
    private final NodeWork work;
    private final Handler<HttpServerRequest> bootActions;
    private Future<HttpServer> server;

    /** {@code bootActions}: the server's boot-action routes, served on the listener too (null: not served). */
    public NetbootNodeDriver(
            Vertx vertx,
            Clock clock,
            DriverStateStore store,
            Handler<HttpServerRequest> bootActions,
            NetbootConfig config) {
        this.vertx = vertx;
        this.ctx = vertx.getOrCreateContext();
        this.config = config;
        this.images = new ImageRegistry(config.imagesDir());
        this.state = new NetbootState(store);
        this.jobs = new JobControl(state, new Waiters(vertx), clock, config);
        this.work = new NodeWork(vertx, config, jobs, images);
        this.bootActions = bootActions;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Future<Void> listen() {
        return on(() -> {
            if (server == null) {
                io.vertx.ext.web.Router router = io.vertx.ext.web.Router.router(vertx);
                BootRoutes boot = new BootRoutes(config, jobs, images, bootActions);
                boot.mount(router);
                new AgentRoutes(config, jobs, new AgentJobs(config, jobs)).mount(router);
                server = vertx.createHttpServer()
                        .requestHandler(boot.handler(router))
                        .listen(config.port(), config.bind())
                        .recover(e -> {
                            server = null;
                            return Future.failedFuture(DriverException.unreachable(
                                    "the boot listener cannot bind " + config.bind() + ":" + config.port() + ": "
                                            + e.getMessage(),
                                    e));
                        });
            }
            return server.mapEmpty();
        });
    }

    /** Stops the listener (the process is stopping); jobs stay in the durable state. */
    public Future<Void> close() {
        return on(() -> server == null
                ? Future.<Void>succeededFuture()
                : server.compose(HttpServer::close).onComplete(r -> server = null));
    }

    /** The port the listener is bound to (after {@link #listen}); for tests with port 0. */
    public int port() {
        return server == null || !server.succeeded() ? -1 : server.result().actualPort();
    }

    @Override
    public Future<SiteReport> verifySite() {
        return listen().compose(v -> on(() -> vertx.executeBlocking(work.site()::siteReport, false)));
    }

    @Override
    public Future<Void> prepareSite(SiteSpec site) {
        return on(() -> vertx.executeBlocking(() -> work.site().dnsmasq(site), false)
                .compose(text -> state.put(
                        NetbootState.SITE,
                        "dnsmasq",
                        new JsonObject().put("site", site.name()).put("config", text))));
    }

    @Override
    public Future<NodeStatus> identify(NodeSpec node) {
        return on(() -> work.identify(node));
    }

    @Override
    public Future<HardwareManifest> commission(NodeSpec node) {
        return on(() -> work.commission(node));
    }

    @Override
    public Future<Void> apply(NodeSpec node, ApplyStep step) {
        return on(() -> work.plan(node).mapEmpty());
    }

    @Override
    public Future<NodeStatus> deploy(NodeSpec node) {
        return on(() -> work.deploy(node));
    }

    @Override
    public Future<NodeStatus> awaitBooted(NodeSpec node) {
        return on(() -> work.awaitBooted(node));
    }

    @Override
    public Future<NodeStatus> destroy(NodeSpec node, boolean eraseDisks) {
        return on(() -> work.destroy(node, eraseDisks));
    }

    @Override
    public Future<NodeStatus> status(NodeSpec node) {
        return on(() -> work.status(node));
    }

    @Override
    public Future<io.slipway.drivers.spi.node.DeployedImage> deployedImage(NodeSpec node) {
        return on(() -> state.get(NetbootState.DEPLOYED, node.name()).map(d -> {
            if (d == null) {
                return null;
            }
            JsonObject img = d.getJsonObject("image", new JsonObject());
            return new io.slipway.drivers.spi.node.DeployedImage(
                    img.getString("name"), img.getString("sha256"), d.getLong("design_revision", 0L));
        }));
    }

    @Override
    public Future<Boolean> armAgent(NodeSpec node) {
        return on(() -> work.armAgent(node));
    }

    @Override
    public Future<Void> bootActionKey(NodeSpec node, String keyHex) {
        return bootActions(node, keyHex, Map.of());
    }

    @Override
    public Future<Void> bootActions(NodeSpec node, String keyHex, Map<String, String> actionIds) {
        return on(() -> state.put(
                NetbootState.BOOT_ACTIONS,
                node.name(),
                new JsonObject()
                        .put("key", keyHex)
                        .put("action_ids", new JsonObject(new java.util.TreeMap<>(actionIds)))));
    }

    private <T> Future<T> on(Supplier<Future<T>> action) {
        Promise<T> p = Promise.promise();
        ctx.runOnContext(v -> {
            try {
                action.get().onComplete(p);
            } catch (RuntimeException e) {
                p.fail(e);
            }
        });
        return p.future();
    }

    static NodeStatus status(String id, Phase phase, String detail) {
        return NodeStatus.of(id, phase, detail);
    }
}
