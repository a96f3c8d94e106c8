package io.slipway.engine.bench;

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
import io.slipway.engine.lifecycle.LifecycleEngine;
import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeDesign;
import io.slipway.engine.lifecycle.NodeIntent;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.orchestrator.Actions;
import io.slipway.engine.rules.RuleBook;
import io.slipway.engine.rules.RuleSet;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import io.slipway.store.testing.TestDatabase;
import io.slipway.store.testing.TestServer;
import io.slipway.store.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * Engine benchmarks, printed as a table. Not part of {@code mvn verify}; run:
 * {@code mvn -B -q -f engine/pom.xml test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.slipway.engine.bench.EngineBench [-Dexec.args="10000 1000"]}.
 */
public final class EngineBench {
    private EngineBench() {}

    public static void main(String[] args) throws Exception {
        int ruleNodes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int deployNodes = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        RuleSet lifecycle = RuleBook.compile(TestDesigns.repoRoot().resolve("rules/lifecycle"));
        rules(lifecycle, ruleNodes);
        deploy(lifecycle, deployNodes);
        System.exit(0);
    }

    private static void rules(RuleSet rules, int n) {
        try (LifecycleEngine engine = new LifecycleEngine(rules)) {
            NodeObservation[] deployed = new NodeObservation[n];
            for (int i = 0; i < n; i++) {
                String node = "n" + i;
                engine.put(new NodeDesign(node, "rack" + i / 40, "hw", "ipmi", true, false, 0, null));
                deployed[i] = NodeObservation.enrolled(node, 3)
                        .advanced(LifecycleState.DEPLOYED)
                        .withPower("on");
                engine.put(deployed[i]);
                engine.put(NodeIntent.toward(node, LifecycleState.DEPLOYED, "t"));
            }
            engine.decide();
            long[] tick = new long[30];
            for (int r = 0; r < tick.length; r++) {
                long t0 = System.nanoTime();
                for (NodeObservation o : deployed) {
                    engine.put(o.withPower("on"));
                }
                engine.decide();
                tick[r] = System.nanoTime() - t0;
            }
            long[] change = new long[500];
            for (int r = 0; r < change.length; r++) {
                NodeObservation o = deployed[(r * 7919) % n];
                long t0 = System.nanoTime();
                engine.put(o.withPower("off"));
                boolean found = engine.decide().actions().stream()
                        .anyMatch(a -> a.node().equals(o.node()));
                change[r] = System.nanoTime() - t0;
                if (!found) {
                    throw new IllegalStateException("no action decided for " + o.node());
                }
                engine.put(o);
                engine.decide();
            }
            System.out.printf(
                    "reconcile tick, %,d unchanged nodes:   median %.2f ms, max %.2f ms (%d runs)%n",
                    n, pct(tick, 50), pct(tick, 100), tick.length);
            System.out.printf(
                    "changed fact -> decided action (%,d nodes): median %.3f ms, p99 %.3f ms (%d runs)%n",
                    n, pct(change, 50), pct(change, 99), change.length);
        }
    }

    private static void deploy(RuleSet lifecycle, int n) throws Exception {
        Vertx lab = Vertx.vertx();
        Vertx vertx = Vertx.vertx();
        try (TestServer server = TestServers.choose();
                TestDatabase db = TestDatabase.create(server, "enginebench")) {
            StoreHandle store = db.store();
            long rev = result(store.designs().save("generated-" + n, SiteGenerator.generate(n)))
                    .id();
            LabNodeDriver nodes = LabNodeDriver.create(lab, LabNodeConfig.instant());
            LabOobDriver bmcs =
                    (LabOobDriver) new LabOobDriverProvider().create(DriverContext.of(lab), new JsonObject());
            DriverSet drivers = new DriverSet(vertx, DriverRegistry.load(), new JsonObject(), "lab", nodes, null, null)
                    .withOob("lab", bmcs);
            EngineConfig config = EngineConfig.defaults()
                    .withRetry(new RetryPolicy(100, 1000, 3))
                    .withTimeouts(StepTimeouts.of(30_000, 60_000))
                    .withLimits(new Limits(128, 32))
                    .withIntervals(100, 600_000);
            Engine engine =
                    result(Engine.start(vertx, store, config, drivers, TestDesigns.rules(), lifecycle, "bench"));
            long t0 = System.nanoTime();
            Task t = result(engine.submit(Actions.DEPLOY_NODES, rev, null, "bench"));
            while (!TaskStatus.finished(t.status())) {
                Thread.sleep(100);
                t = result(store.tasks().find(t.id()));
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "lab deploy of %,d nodes (zero driver latency, limits 128/32): %.1f s, result %s, %d deployed, "
                            + "%,d bootstrapper calls%n",
                    n,
                    s,
                    t.result().status(),
                    t.result().successes().size(),
                    nodes.calls().size());
            result(engine.stop());
        } finally {
            vertx.close();
            lab.close();
        }
    }

    private static double pct(long[] nanos, int p) {
        long[] v = nanos.clone();
        Arrays.sort(v);
        int i = Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1);
        return v[Math.max(0, i)] / 1e6;
    }
}
