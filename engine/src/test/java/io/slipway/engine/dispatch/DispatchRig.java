package io.slipway.engine.dispatch;

import static io.slipway.store.testing.Await.result;

import io.slipway.engine.TestDesigns;
import io.slipway.engine.lifecycle.LifecycleEngine;
import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeIntent;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.site.SiteModel;
import io.slipway.engine.site.SiteModels;
import io.slipway.store.Fence;
import io.slipway.store.testing.TestClock;
import io.slipway.store.testing.memory.MemoryStores;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * A real {@link Dispatcher} with the repository's lifecycle rules, a real {@link NodeLedger} on the
 * in-memory stores, the lab site's 12 nodes in 3 racks, a {@link TestClock} and {@link ScriptedSteps}
 * in place of the drivers. Backoff delays are far longer than a test runs, so the dispatcher's own
 * wake-up timers never fire: time passes only through {@link #clock}.
 */
final class DispatchRig implements AutoCloseable {
    private static SiteModel lab;

    final TestClock clock = TestClock.start();
    final MemoryStores stores = MemoryStores.create(clock);
    final ScriptedSteps steps = new ScriptedSteps();
    final Vertx vertx = Vertx.vertx();
    final Context context = vertx.getOrCreateContext();
    final Fence fence = result(stores.leaderEpoch().advance("leader-a"));
    final NodeLedger ledger = new NodeLedger(stores.nodes(), fence, stores.leaderEpoch());
    final LifecycleEngine engine = new LifecycleEngine(TestDesigns.lifecycleRules());
    final Dispatcher dispatcher;

    DispatchRig(Limits limits, RetryPolicy retry) {
        dispatcher = new Dispatcher(context, engine, steps, ledger, limits, retry, n -> lab(), o -> {}, clock);
    }

    static synchronized SiteModel lab() {
        if (lab == null) {
            try {
                String yaml = Files.readString(TestDesigns.repoRoot().resolve("site-examples/lab-site.yaml"));
                lab = new SiteModels(TestDesigns.rules(), false).compile(1, "test://lab", yaml);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lab;
    }

    /** Every lab node, enrolled with {@code budget} attempts and asked to reach {@code deployed}. */
    List<String> enrolAll(int budget) {
        List<String> nodes = lab().nodeNames();
        on(() -> nodes.forEach(n -> {
            engine.put(lab().nodeDesigns().get(n));
            engine.put(NodeObservation.enrolled(n, budget));
            engine.put(NodeIntent.toward(n, LifecycleState.DEPLOYED, "t1"));
        }));
        return nodes;
    }

    static String rackOf(String node) {
        return String.valueOf(lab().node(node).rack());
    }

    /** Asks the rules and starts what they decide, then lets every consequence run. */
    void evaluate() {
        on(dispatcher::evaluate);
    }

    /** Runs {@code r} on the dispatcher's context, then lets every task it queued run. */
    void on(Runnable r) {
        result(dispatcher.onContext(r));
        settle();
    }

    /** Lets every task queued on the context run (store futures complete at once, so a few rounds do). */
    void settle() {
        for (int i = 0; i < 20; i++) {
            result(dispatcher.onContext(() -> {}));
        }
    }

    NodeObservation observed(String node) {
        NodeObservation[] o = new NodeObservation[1];
        result(dispatcher.onContext(() -> o[0] = engine.observation(node)));
        return o[0];
    }

    @Override
    public void close() {
        engine.close();
        result(vertx.close());
    }
}
