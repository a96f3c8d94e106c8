package io.slipway.store.pg;

import static io.slipway.store.testing.Await.failureKind;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.BootActionContext;
import io.slipway.store.BootActionStatus;
import io.slipway.store.BuildData;
import io.slipway.store.Fence;
import io.slipway.store.NodeEvent;
import io.slipway.store.NodeState;
import io.slipway.store.ResultMessage;
import io.slipway.store.StoreException.Kind;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import io.slipway.store.testing.PostgresExtension;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A deposed leader keeps running for a while; none of its writes may land. */
@ExtendWith(PostgresExtension.class)
class FencingIT {

    @Test
    void epochAdvancesMonotonically(StoreHandle store) {
        Fence a = result(store.leaderEpoch().advance("instance-a"));
        Fence b = result(store.leaderEpoch().advance("instance-b"));

        assertThat(b.epoch()).isEqualTo(a.epoch() + 1);
        assertThat(result(store.leaderEpoch().current())).isEqualTo(b);
    }

    @Test
    void everyOrchestratorWriteOfADeposedLeaderIsFenced(StoreHandle store) {
        Fence old = result(store.leaderEpoch().advance("old-leader"));
        String node = "fenced-node";
        Task task = result(store.tasks()
                .create(Task.request("deploy_nodes", null, null, "api", null).withStatus(TaskStatus.QUEUED)));
        NodeState state = result(store.nodes().save(NodeState.initial(node, "available", 3), old));

        Fence current = result(store.leaderEpoch().advance("new-leader"));

        assertThat(failureKind(store.tasks().claimNext(Set.of("deploy_nodes"), old)))
                .isEqualTo(Kind.FENCED);
        assertThat(failureKind(store.tasks().update(task.withStatus(TaskStatus.RUNNING), old)))
                .isEqualTo(Kind.FENCED);
        assertThat(failureKind(store.tasks().createSubtask(Task.subtask(task, "deploy_node", null), old)))
                .isEqualTo(Kind.FENCED);
        assertThat(failureKind(store.messages().append(task.id(), List.of(ResultMessage.info("x")), old)))
                .isEqualTo(Kind.FENCED);
        assertThat(failureKind(store.nodes().save(state.withLifecycleState("deploying"), old)))
                .isEqualTo(Kind.FENCED);
        assertThat(failureKind(store.nodes().save(NodeState.initial("other", "available", 3), old)))
                .isEqualTo(Kind.FENCED);
        assertThat(failureKind(store.nodes().append(NodeEvent.of(node, "power", "on"), old)))
                .isEqualTo(Kind.FENCED);
        assertThat(failureKind(store.buildData().append(BuildData.of(node, task.id(), "lshw", "text/plain", "x"), old)))
                .isEqualTo(Kind.FENCED);
        assertThat(failureKind(store.bootActions()
                        .createContext(
                                BootActionContext.forKey(node, task.id(), new byte[] {1}),
                                List.of(BootActionStatus.create(node, task.id(), "a", "incomplete")),
                                old)))
                .isEqualTo(Kind.FENCED);

        // Nothing the old leader tried is visible; the new leader proceeds normally.
        assertThat(result(store.tasks().find(task.id())).status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(result(store.nodes().find(node))).isEqualTo(state);
        assertThat(result(store.tasks().claimNext(Set.of("deploy_nodes"), current)))
                .map(Task::id)
                .contains(task.id());
    }
}
