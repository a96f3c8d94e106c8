package io.slipway.api.maas;

import static io.slipway.store.testing.Await.result;

import io.slipway.drivers.lab.LabOobDriver;
import io.slipway.drivers.lab.LabOobDriverProvider;
import io.slipway.drivers.maas.sim.MaasSimulator;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.engine.Engine;
import io.slipway.engine.EngineConfig;
import io.slipway.engine.dispatch.DriverSet;
import io.slipway.engine.dispatch.RetryPolicy;
import io.slipway.engine.dispatch.StepTimeouts;
import io.slipway.engine.rules.RuleBook;
import io.slipway.engine.rules.RuleSet;
import io.slipway.engine.site.SiteModel;
import io.slipway.engine.site.SiteModels;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The real engine (orchestrator, dispatcher, lifecycle rules) on a real Postgres with the {@code maas} node driver,
 * created through the driver registry as {@code serve} creates it, pointed at the {@link MaasSimulator} (MAAS's
 * rules, in this JVM, on a loopback port). The BMC steps the engine itself takes (validate, PXE, power cycle) go to
 * the {@code lab} OOB driver: simulated BMCs on loopback, driven by the real IPMI client. No network driver, so no
 * switch-port steps. The simulator and the BMCs live on their own Vert.x instance.
 */
final class MaasEngine implements AutoCloseable {
    private static RuleSet validation;
    private static RuleSet lifecycle;
    final Vertx lab = Vertx.vertx();
    final Vertx engineVertx = Vertx.vertx();
    final MaasSimulator sim;
    final StoreHandle store;
    final SiteModel site;
    final long revision;
    private final Engine engine;

    /** Starts the simulator (as MAAS 3.1- when {@code twistedFront}), saves {@code example} and starts the engine. */
    MaasEngine(StoreHandle store, String example, boolean twistedFront) throws Exception {
        this.store = store;
        this.sim = result(new MaasSimulator(lab).start());
        sim.twistedFront(twistedFront);
        String text = Files.readString(repoRoot().resolve("site-examples").resolve(example));
        this.site = new SiteModels(validationRules(), false).compile(1, example, text);
        this.revision =
                result(store.designs().save("site-examples/" + example, text)).id();
        NodeDriver maas = DriverRegistry.load().node("maas").create(DriverContext.of(engineVertx), maasConfig(sim));
        LabOobDriver bmcs = (LabOobDriver) new LabOobDriverProvider().create(DriverContext.of(lab), new JsonObject());
        DriverSet drivers = new DriverSet(engineVertx, DriverRegistry.load(), new JsonObject(), "lab", maas, null, null)
                .withOob("lab", bmcs);
        EngineConfig config = EngineConfig.defaults()
                .withRetry(new RetryPolicy(50, 200, 3))
                .withTimeouts(StepTimeouts.of(30_000, 120_000))
                .withIntervals(100, 600_000);
        this.engine = result(Engine.start(
                engineVertx,
                store,
                config,
                drivers,
                validationRules(),
                lifecycleRules(),
                "maas-it-" + UUID.randomUUID()));
    }

    /**
     * The driver's settings as an operator writes them under {@code drivers.node.maas}; bounds generous for a loaded
     * machine. Deployed nodes would fetch their boot actions from {@code bootActionUrl}; nothing listens there.
     */
    static JsonObject maasConfig(MaasSimulator sim) {
        return new JsonObject()
                .put("url", sim.url())
                .put("apiKey", MaasSimulator.API_KEY)
                .put("bootActionUrl", "http://127.0.0.1:9/")
                .put("requestTimeoutMs", 30_000)
                .put("pollIntervalMs", 25)
                .put("commissionTimeoutMs", 90_000)
                .put("deployTimeoutMs", 90_000)
                .put("releaseTimeoutMs", 90_000);
    }

    /** Runs {@code action} on the whole site and waits for its terminal state. */
    Task run(String action) {
        Task t = result(engine.submit(action, revision, null, "maas-it"));
        return await(t.id(), Duration.ofMinutes(3));
    }

    private Task await(UUID id, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Task t = result(store.tasks().find(id));
            if (TaskStatus.finished(t.status())) {
                return t;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("task " + id + " did not finish within " + within + ": "
                + result(store.tasks().find(id)));
    }

    private static synchronized RuleSet validationRules() {
        if (validation == null) {
            validation = RuleBook.compile(repoRoot().resolve("rules").resolve("validation"));
            lifecycle = RuleBook.compile(repoRoot().resolve("rules").resolve("lifecycle"));
        }
        return validation;
    }

    private static synchronized RuleSet lifecycleRules() {
        validationRules();
        return lifecycle;
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("rules").resolve("validation"))) {
            p = p.getParent();
        }
        return p;
    }

    @Override
    public void close() {
        result(engine.stop());
        result(engineVertx.close());
        result(lab.close());
    }
}
