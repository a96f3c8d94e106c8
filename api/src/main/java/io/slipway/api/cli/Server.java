package io.slipway.api.cli;

import io.slipway.api.auth.AuthConfig;
import io.slipway.api.auth.AuthSetup;
import io.slipway.api.auth.IssuedToken;
import io.slipway.api.drivers.DriverWiring;
import io.slipway.api.http.ApiContext;
import io.slipway.api.http.ApiServer;
import io.slipway.api.http.HttpLimits;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.engine.Engine;
import io.slipway.engine.EngineConfig;
import io.slipway.engine.SiteCache;
import io.slipway.engine.bootaction.BootActionConfig;
import io.slipway.engine.bootaction.BootActionService;
import io.slipway.engine.design.DesignLimits;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.fetch.FetchPolicy;
import io.slipway.engine.leadership.HzLeaderElection;
import io.slipway.engine.leadership.Leadership;
import io.slipway.engine.rules.RuleBook;
import io.slipway.engine.rules.RuleSet;
import io.slipway.engine.site.SiteModels;
import io.slipway.store.DatabaseConfig;
import io.slipway.store.Databases;
import io.slipway.store.PgStoreHandle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * One running instance: the database, cluster membership, the engine while this instance leads,
 * and the HTTP API (on every instance). Built and stopped from the main thread.
 */
final class Server {
    final Vertx vertx;
    final PgStoreHandle store;
    final Leadership leadership;
    final ApiServer http;
    final AuthSetup auth;
    final String url;

    private Server(
            Vertx vertx, PgStoreHandle store, Leadership leadership, ApiServer http, AuthSetup auth, String url) {
        this.vertx = vertx;
        this.store = store;
        this.leadership = leadership;
        this.http = http;
        this.auth = auth;
        this.url = url;
    }

    /** The driver configuration, checked completely; fails before anything starts. */
    static DriverWiring drivers(ServerOptions o, Map<String, String> env) {
        return DriverWiring.checked(o.drivers(env), DriverRegistry.load());
    }

    static Server start(ServerOptions o, Map<String, String> env) {
        return start(o, env, drivers(o, env));
    }

    static Server start(ServerOptions o, Map<String, String> env, DriverWiring wiring) {
        Vertx vertx = Vertx.vertx();
        DatabaseConfig db = DatabaseConfig.fromEnvironment(env);
        if (env.get(DatabaseConfig.URL_ENV) == null && env.get(DatabaseConfig.DATA_DIR_ENV) == null) {
            db = DatabaseConfig.embedded(o.dataDir.resolve("pgdata"));
        }
        PgStoreHandle store = Runtime.await(Databases.open(vertx, db), 120, "opening the database");
        RuleSet validation =
                Runtime.step("loading the validation rules", () -> o.rules.validationRules(RuleBook.Mode.EXECUTABLE));
        RuleSet lifecycle = Runtime.step("loading the lifecycle rules", o.rules::lifecycleRules);
        // Node-facing routes are served by the API's own handlers once the API exists (a driver's listener starts
        // first).
        java.util.concurrent.atomic.AtomicReference<io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest>>
                nodeRoutes = new java.util.concurrent.atomic.AtomicReference<>();
        var drivers = wiring.build(DriverContext.of(vertx, java.time.Clock.systemUTC(), store.driverState(), req -> {
            var h = nodeRoutes.get();
            if (h == null) {
                req.response().setStatusCode(503).putHeader("Retry-After", "5").end();
            } else {
                h.handle(req);
            }
        }));
        if (drivers.node() instanceof io.slipway.drivers.spi.node.AgentBootstrapper agent) {
            // Nodes call in whoever leads (a restarted server must answer agents at once); the images must be usable.
            Runtime.await(agent.listen(), 30, "starting the " + agent.type() + " boot listener");
            Runtime.await(agent.verifySite(), 600, "checking the " + agent.type() + " images and agent artefacts");
        }
        // One compiled-revision cache for the process: the engine pins the revisions its nodes use, the API reads them.
        SiteCache revisions = new SiteCache(vertx, store.designs(), new SiteModels(validation, drivers.hasNetwork()));
        var election = new HzLeaderElection(o.election());
        Leadership leadership = new Leadership(
                election,
                () -> Engine.start(
                        vertx,
                        store,
                        EngineConfig.defaults(),
                        drivers,
                        lifecycle,
                        revisions,
                        election.instanceId(),
                        election::isLeader));
        Runtime.await(leadership.start(), 120, "joining the cluster");
        AuthSetup auth = Runtime.await(
                AuthSetup.create(vertx, AuthConfig.from(new JsonObject(o.authConfig), o.dataDir)),
                30,
                "loading the auth configuration");
        FetchPolicy fetch = FetchPolicy.fromJson(new JsonObject(o.fetchConfig));
        ApiContext api = new ApiContext(
                vertx,
                leadership,
                store,
                new DesignLoader(DesignLimits.defaults(), fetch),
                validation,
                auth.routes()::guard,
                auth.routes()::permits,
                false,
                wiring.describe(),
                BootActionService.create(
                        vertx,
                        store,
                        revisions::get,
                        BootActionConfig.defaults()
                                .withFetchPolicy(fetch)
                                .withReportUrl("http://" + o.bind + ":" + o.port + "/api/v1.0/bootactions/")));
        nodeRoutes.set(io.slipway.api.http.Routes.nodeFacing(api));
        ApiServer http = Runtime.await(
                ApiServer.start(api, o.bind, o.port, HttpLimits.fromJson(new JsonObject(o.httpConfig))),
                30,
                "starting the API");
        String host = "0.0.0.0".equals(o.bind) ? "127.0.0.1" : o.bind;
        return new Server(vertx, store, leadership, http, auth, "http://" + host + ":" + http.port());
    }

    List<IssuedToken> issuedTokens() {
        return auth.issuedTokens();
    }

    /** Stops serving, hands leadership over and closes the database. */
    void stop() {
        Runtime.await(http.close().compose(v -> leadership.stop()).compose(v -> store.close()), 30, "stopping");
        auth.close();
        Runtime.await(vertx.close(), 10, "closing");
    }
}
