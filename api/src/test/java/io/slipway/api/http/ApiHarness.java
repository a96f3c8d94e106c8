package io.slipway.api.http;

import static io.slipway.store.testing.Await.result;

import io.slipway.drivers.lab.LabOobDriver;
import io.slipway.drivers.lab.LabOobDriverProvider;
import io.slipway.drivers.lab.network.LabNetworkDriver;
import io.slipway.drivers.lab.node.LabNodeConfig;
import io.slipway.drivers.lab.node.LabNodeDriver;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.engine.Engine;
import io.slipway.engine.EngineConfig;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.dispatch.DriverSet;
import io.slipway.engine.dispatch.RetryPolicy;
import io.slipway.engine.dispatch.StepTimeouts;
import io.slipway.engine.rules.RuleBook;
import io.slipway.engine.rules.RuleSet;
import io.slipway.store.StoreHandle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;

/** An API server over an engine with lab drivers and a real database, for route tests. */
final class ApiHarness implements AutoCloseable {
    static final String TOKEN = "test-token";
    private static RuleSet validation;
    private static RuleSet lifecycle;
    final Vertx vertx = Vertx.vertx();
    final StoreHandle store;
    final Engine engine;
    final ApiServer server;
    final WebClient http;
    final LabNodeDriver labNodes;

    ApiHarness(StoreHandle store) {
        this(store, "lab");
    }

    /** With {@code oobOverride} null, each node's own {@code oob.type} picks its OOB driver ({@code lab} stays available). */
    ApiHarness(StoreHandle store, String oobOverride) {
        this(
                store,
                LabNodeConfig.instant(),
                HttpLimits.defaults(),
                io.slipway.engine.fetch.FetchPolicy.none(),
                oobOverride);
    }

    ApiHarness(StoreHandle store, LabNodeConfig nodeTimes) {
        this(store, nodeTimes, HttpLimits.defaults());
    }

    ApiHarness(StoreHandle store, LabNodeConfig nodeTimes, HttpLimits limits) {
        this(store, nodeTimes, limits, io.slipway.engine.fetch.FetchPolicy.none());
    }

    ApiHarness(
            StoreHandle store, LabNodeConfig nodeTimes, HttpLimits limits, io.slipway.engine.fetch.FetchPolicy fetch) {
        this(store, nodeTimes, limits, fetch, "lab");
    }

    ApiHarness(
            StoreHandle store,
            LabNodeConfig nodeTimes,
            HttpLimits limits,
            io.slipway.engine.fetch.FetchPolicy fetch,
            String oobOverride) {
        this.store = store;
        Path rules = repoRoot().resolve("rules");
        synchronized (ApiHarness.class) {
            if (validation == null) {
                validation = RuleBook.compile(rules.resolve("validation"));
                lifecycle = RuleBook.compile(rules.resolve("lifecycle"));
            }
        }
        LabOobDriver bmcs = (LabOobDriver) new LabOobDriverProvider().create(DriverContext.of(vertx), new JsonObject());
        labNodes = LabNodeDriver.create(vertx, nodeTimes);
        DriverSet drivers = new DriverSet(
                        vertx,
                        DriverRegistry.load(),
                        new JsonObject(),
                        oobOverride,
                        labNodes,
                        LabNetworkDriver.create(vertx, 0, 30_000),
                        null)
                .withOob("lab", bmcs);
        EngineConfig config = EngineConfig.defaults()
                .withRetry(new RetryPolicy(50, 200, 3))
                .withTimeouts(StepTimeouts.of(5_000, 20_000))
                .withIntervals(100, 600_000);
        engine = result(Engine.start(vertx, store, config, drivers, validation, lifecycle, "api-test"));
        ApiContext api = new ApiContext(
                vertx,
                io.slipway.engine.leadership.LeaderView.fixed(engine),
                store,
                new DesignLoader(io.slipway.engine.design.DesignLimits.defaults(), fetch),
                validation,
                permission -> ctx -> {
                    String auth = ctx.request().getHeader("Authorization");
                    if (auth == null) {
                        ctx.fail(401);
                    } else if (!auth.equals("Bearer " + TOKEN)) {
                        ctx.fail(403);
                    } else {
                        ctx.next();
                    }
                },
                (ctx, permission) -> true,
                false,
                io.slipway.engine.bootaction.BootActionService.create(
                        vertx, store, engine.sites()::get, io.slipway.engine.bootaction.BootActionConfig.defaults()));
        server = result(ApiServer.start(api, "127.0.0.1", 0, limits));
        http = WebClient.create(vertx);
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("rules").resolve("validation"))) {
            p = p.getParent();
        }
        return p;
    }

    String labSite() throws Exception {
        return Files.readString(repoRoot().resolve("site-examples/lab-site.yaml"));
    }

    @Override
    public void close() {
        result(server.close());
        result(engine.stop());
        result(vertx.close());
    }
}
