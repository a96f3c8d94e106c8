package io.slipway.engine.dispatch;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.TestDesigns;
import io.slipway.engine.lifecycle.LifecycleEngine;
import io.slipway.engine.lifecycle.NodeIntent;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.rules.RuleBook;
import io.slipway.engine.rules.RuleSet;
import io.slipway.engine.site.SiteModel;
import io.slipway.engine.site.SiteModels;
import io.slipway.store.Fence;
import io.slipway.store.NodeEvent;
import io.slipway.store.StoreException;
import io.slipway.store.testing.TestClock;
import io.slipway.store.testing.memory.MemoryStores;
import io.vertx.core.Future;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The node runtime: one observe-persist-evaluate path, one reaction to a failed save, pinned revisions. */
class NodeRuntimeTest {
    private static RuleSet rules;
    private static SiteModel full;
    private static SiteModel smaller;
    private final MemoryStores stores = MemoryStores.create(TestClock.start());
    private final Fence fence = result(stores.leaderEpoch().advance("leader-1"));
    private final LifecycleEngine session = new LifecycleEngine(rules);
    private final List<String> calls = new ArrayList<>();
    private final Map<Long, Integer> pins = new HashMap<>();
    private final NodeRuntime runtime = new NodeRuntime(
            session,
            new NodeLedger(stores.nodes(), fence),
            new NodeRuntime.Pins(r -> pins.merge(r, 1, Integer::sum), r -> pins.merge(r, -1, Integer::sum)),
            o -> calls.add("changed " + o.node() + " saved=" + saved(o.node())),
            () -> calls.add("evaluate"),
            () -> calls.add("halt"));

    @BeforeAll
    static void compile() throws Exception {
        rules = RuleBook.compile(TestDesigns.repoRoot().resolve("rules/lifecycle"));
        SiteModels models = new SiteModels(TestDesigns.rules(), false);
        String lab = Files.readString(TestDesigns.repoRoot().resolve("site-examples/lab-site.yaml"));
        full = models.compile(1, "lab.yaml", lab);
        // revision 2 of the same site without stor12
        int at = lab.indexOf("  name: stor12");
        int start = lab.lastIndexOf("---", at);
        int end = lab.indexOf("---", at);
        smaller = models.compile(2, "lab-2.yaml", lab.substring(0, start) + (end < 0 ? "" : lab.substring(end)));
    }

    private boolean saved(String node) {
        return result(stores.nodes().list()).stream().anyMatch(n -> n.nodeName().equals(node));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aChangeIsObservedAtOnceThenSavedThenTold() {
        runtime.open();
        NodeObservation o = NodeObservation.enrolled("ctl01", 3);
        Future<NodeObservation> recorded = runtime.record(o, NodeEvent.of("ctl01", "paused", "test"));
        assertThat(session.observation("ctl01")).isEqualTo(o);
        assertThat(result(recorded)).isEqualTo(o);
        assertThat(calls).containsExactly("changed ctl01 saved=true", "evaluate");
        assertThat(result(stores.nodes().timeline("ctl01", 0, 10)).stream().map(e -> e.nodeName() + " " + e.kind()))
                .containsExactly("ctl01 paused");
    }

    @Test
    void beforeOpeningChangesAreObservedAndSavedButNothingIsEvaluated() {
        result(runtime.record(NodeObservation.enrolled("ctl01", 3), null));
        assertThat(saved("ctl01")).isTrue();
        assertThat(calls).isEmpty();
    }

    @Test
    void aFencedSaveHaltsTheLeaderAndNothingIsTold() {
        result(stores.leaderEpoch().advance("leader-2"));
        NodeRuntime stale = new NodeRuntime(
                session,
                new NodeLedger(stores.nodes(), fence),
                NodeRuntime.Pins.NONE,
                o -> calls.add("changed"),
                () -> calls.add("evaluate"),
                () -> calls.add("halt"));
        stale.open();
        Future<NodeObservation> f = stale.record(NodeObservation.enrolled("ctl01", 3), null);
        assertThat(io.slipway.store.testing.Await.failureKind(f)).isEqualTo(StoreException.Kind.FENCED);
        assertThat(calls).containsExactly("halt");
    }

    @Test
    void assignedRevisionsArePinnedWhileNodesUseThem() {
        runtime.assign("ctl01", full);
        runtime.assign("ctl02", full);
        assertThat(pins).containsEntry(1L, 2);
        assertThat(session.design("ctl01")).isEqualTo(full.nodeDesigns().get("ctl01"));
        runtime.assign("ctl01", smaller);
        assertThat(pins).containsEntry(1L, 1).containsEntry(2L, 1);
        runtime.unassign("ctl02");
        assertThat(pins).containsEntry(1L, 0);
        assertThat(runtime.site("ctl02")).isNull();
    }

    @Test
    void aNodeANewerRevisionDropsLeavesTheAssignmentsOnceNothingHoldsIt() {
        runtime.assign("stor12", full);
        runtime.assign("stor11", full);
        session.put(NodeIntent.toward("stor11", io.slipway.engine.lifecycle.LifecycleState.MANAGEABLE, "task-1"));
        runtime.assign("ctl01", smaller);
        assertThat(runtime.assignedNodes()).containsExactlyInAnyOrder("stor11", "ctl01");
        assertThat(runtime.site("stor12")).isNull();
        assertThat(pins).containsEntry(1L, 1);
    }
}
