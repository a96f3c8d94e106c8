package io.slipway.store.pg;

import static io.slipway.store.testing.Await.failureKind;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.BootActionContext;
import io.slipway.store.BootActionStatus;
import io.slipway.store.BootActionStore;
import io.slipway.store.Fence;
import io.slipway.store.StoreException.Kind;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.testing.PostgresExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PgBootActionStoreIT {

    private static StoreHandle store;
    private static BootActionStore bootActions;
    private static Fence fence;

    @BeforeAll
    static void open(StoreHandle handle) {
        store = handle;
        bootActions = handle.bootActions();
        fence = result(handle.leaderEpoch().advance("it"));
    }

    @Test
    void redeployReplacesTheContextAndItsActions() {
        String node = "node-" + UUID.randomUUID();
        UUID firstDeploy = deployTask();
        byte[] firstKey = "key-one".getBytes(StandardCharsets.UTF_8);
        result(bootActions.createContext(
                BootActionContext.forKey(node, firstDeploy, firstKey),
                List.of(
                        BootActionStatus.create(node, firstDeploy, "hw-config", "incomplete"),
                        BootActionStatus.create(node, firstDeploy, "k8s-join", "unreported")),
                fence));

        UUID secondDeploy = deployTask();
        byte[] secondKey = "key-two".getBytes(StandardCharsets.UTF_8);
        result(bootActions.createContext(
                BootActionContext.forKey(node, secondDeploy, secondKey),
                List.of(BootActionStatus.create(node, secondDeploy, "hw-config", "incomplete")),
                fence));

        BootActionContext live = result(bootActions.context(node));
        assertThat(live.taskId()).isEqualTo(secondDeploy);
        assertThat(live.matches(secondKey)).isTrue();
        assertThat(live.matches(firstKey)).isFalse();
        List<BootActionStatus> actions = result(bootActions.actions(node));
        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.actionName()).isEqualTo("hw-config");
            assertThat(a.taskId()).isEqualTo(secondDeploy);
        });
    }

    @Test
    void nodeReportsAreRecorded() {
        String node = "node-" + UUID.randomUUID();
        UUID task = deployTask();
        BootActionStatus action = BootActionStatus.create(node, task, "hw-config", "incomplete");
        result(bootActions.createContext(
                BootActionContext.forKey(node, task, new byte[] {1, 2}), List.of(action), fence));

        BootActionStatus reported = result(bootActions.report(action.actionId(), "success"));

        assertThat(reported.status()).isEqualTo("success");
        assertThat(result(bootActions.actions(node)))
                .extracting(BootActionStatus::status)
                .containsExactly("success");
        assertThat(failureKind(bootActions.report(UUID.randomUUID(), "success")))
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(failureKind(bootActions.context("no-such-node"))).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void staleLeaderCannotReplaceAContext() {
        String node = "node-" + UUID.randomUUID();
        UUID task = deployTask();
        Fence stale = Fence.of(fence.epoch() - 1);
        assertThat(failureKind(bootActions.createContext(
                        BootActionContext.forKey(node, task, new byte[] {9}),
                        List.of(BootActionStatus.create(node, task, "a", "incomplete")),
                        stale)))
                .isEqualTo(Kind.FENCED);
        assertThat(failureKind(bootActions.context(node))).isEqualTo(Kind.NOT_FOUND);
        assertThat(result(bootActions.actions(node))).isEmpty();
    }

    private static UUID deployTask() {
        return result(store.tasks().create(Task.request("deploy_nodes", null, null, "it", null)))
                .id();
    }
}
