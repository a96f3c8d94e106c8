package io.slipway.engine.orchestrator;

import static io.slipway.store.testing.Await.result;

import io.slipway.drivers.lab.LabOobDriver;
import io.slipway.drivers.lab.LabOobDriverProvider;
import io.slipway.drivers.lab.node.LabNodeConfig;
import io.slipway.drivers.lab.node.LabNodeDriver;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverRegistry;
import io.slipway.engine.Engine;
import io.slipway.engine.EngineConfig;
import io.slipway.engine.TestDesigns;
import io.slipway.engine.dispatch.DriverSet;
import io.slipway.engine.dispatch.Limits;
import io.slipway.engine.dispatch.RetryPolicy;
import io.slipway.engine.dispatch.StepTimeouts;
import io.slipway.engine.rules.RuleBook;
import io.slipway.engine.rules.RuleSet;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

/**
 * An engine over the lab drivers and a real database. The lab (simulated BMCs, bootstrapper) lives
 * on its own Vert.x instance so an engine can be killed and restarted while the "hardware" stays.
 */
final class EngineHarness implements AutoCloseable {
    private static RuleSet validation;
    private static RuleSet lifecycle;
    final Vertx lab = Vertx.vertx();
    final LabNodeDriver nodes;
    final LabOobDriver bmcs;
    final io.slipway.drivers.lab.network.LabNetworkDriver ports;
    final StoreHandle store;
    Vertx engineVertx;
    Engine engine;

    EngineHarness(StoreHandle store, LabNodeConfig labConfig) {
        this.store = store;
        this.nodes = LabNodeDriver.create(lab, labConfig);
        this.bmcs = (LabOobDriver) new LabOobDriverProvider().create(DriverContext.of(lab), new JsonObject());
        this.ports = io.slipway.drivers.lab.network.LabNetworkDriver.create(lab, 0, 30_000);
    }

    static synchronized RuleSet validationRules() {
        if (validation == null) {
            validation = TestDesigns.rules();
            lifecycle = RuleBook.compile(TestDesigns.repoRoot().resolve("rules/lifecycle"));
        }
        return validation;
    }

    static synchronized RuleSet lifecycleRules() {
        validationRules();
        return lifecycle;
    }

    long saveLabSite() throws Exception {
        String text = Files.readString(TestDesigns.repoRoot().resolve("site-examples/lab-site.yaml"));
        return result(store.designs().save("site-examples/lab-site.yaml", text)).id();
    }

    Engine start(EngineConfig config) {
        engineVertx = Vertx.vertx();
        DriverSet drivers = new DriverSet(
                        engineVertx, DriverRegistry.load(), new JsonObject(), "lab", nodes, ports, null)
                .withOob("lab", bmcs);
        engine = result(Engine.start(
                engineVertx, store, config, drivers, validationRules(), lifecycleRules(), "it-" + UUID.randomUUID()));
        return engine;
    }

    static EngineConfig fastConfig() {
        return EngineConfig.defaults()
                .withRetry(new RetryPolicy(50, 200, 3))
                .withTimeouts(StepTimeouts.of(5_000, 20_000))
                .withLimits(new Limits(64, 16))
                .withIntervals(100, 60_000);
    }

    /** Simulates a crash: the engine's Vert.x goes away without any orderly stop of the engine. */
    void kill() {
        result(engineVertx.close());
        engine = null;
    }

    Task run(String action, long revision, JsonObject filter) {
        Task t = result(engine.submit(action, revision, filter, "it"));
        return await(t.id(), Duration.ofSeconds(90));
    }

    Task await(UUID id, Duration within) {
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

    @Override
    public void close() {
        if (engineVertx != null) {
            result(engineVertx.close());
        }
        result(lab.close());
    }
}
