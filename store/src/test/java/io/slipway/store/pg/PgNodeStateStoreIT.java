package io.slipway.store.pg;

import static io.slipway.store.testing.Await.failureKind;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.Fence;
import io.slipway.store.NodeEvent;
import io.slipway.store.NodeState;
import io.slipway.store.NodeStateStore;
import io.slipway.store.StoreException.Kind;
import io.slipway.store.StoreHandle;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PgNodeStateStoreIT {

    private static NodeStateStore nodes;
    private static Fence fence;

    @BeforeAll
    static void open(StoreHandle store) {
        nodes = store.nodes();
        fence = result(store.leaderEpoch().advance("it"));
    }

    @Test
    void stateIsInsertedThenUpdatedOptimistically() {
        String name = "node-" + UUID.randomUUID();
        NodeState created = result(nodes.save(NodeState.initial(name, "enrolled", 3), fence));
        assertThat(created.version()).isEqualTo(1);

        NodeState next = created.withLifecycleState("verifying")
                .withPower("on")
                .withBootDevice("pxe")
                .withLastError(null)
                .withRetryBudget(2);
        NodeState saved = result(nodes.save(next, fence));

        assertThat(saved.version()).isEqualTo(2);
        assertThat(result(nodes.find(name))).isEqualTo(saved);
        assertThat(failureKind(nodes.save(created.withPower("off"), fence))).isEqualTo(Kind.CONFLICT);
        assertThat(failureKind(nodes.save(NodeState.initial(name, "enrolled", 3), fence)))
                .isEqualTo(Kind.CONFLICT);
    }

    @Test
    void unknownNodeIsNotFound() {
        assertThat(failureKind(nodes.find("nope"))).isEqualTo(Kind.NOT_FOUND);
        NodeState ghost = new NodeState("ghost", "available", null, null, null, 3, null, 7);
        assertThat(failureKind(nodes.save(ghost, fence))).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void timelineIsAppendOnlyAndOrdered() {
        String name = "timeline-" + UUID.randomUUID();
        UUID task = UUID.randomUUID();
        NodeEvent first = result(nodes.append(NodeEvent.transition(name, "enrolled", "verifying", task), fence));
        NodeEvent second = result(nodes.append(
                NodeEvent.of(name, "power", "power on failed").withExtra(new JsonObject().put("attempt", 2)), fence));

        List<NodeEvent> all = result(nodes.timeline(name, 0, 100));
        assertThat(all).containsExactly(first, second);
        assertThat(first.taskId()).isEqualTo(task);
        assertThat(second.extra().getInteger("attempt")).isEqualTo(2);
        assertThat(result(nodes.timeline(name, first.seq(), 100))).containsExactly(second);
    }

    @Test
    void listIsByName() {
        result(nodes.save(NodeState.initial("zz-last", "available", 1), fence));
        result(nodes.save(NodeState.initial("aa-first", "available", 1), fence));
        List<String> names =
                result(nodes.list()).stream().map(NodeState::nodeName).toList();
        assertThat(names).isSorted().contains("aa-first", "zz-last");
    }
}
