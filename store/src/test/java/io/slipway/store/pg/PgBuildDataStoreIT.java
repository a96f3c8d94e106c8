package io.slipway.store.pg;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.BuildData;
import io.slipway.store.BuildDataStore;
import io.slipway.store.Fence;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.testing.PostgresExtension;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PgBuildDataStoreIT {

    private static StoreHandle store;
    private static BuildDataStore buildData;
    private static Fence fence;

    @BeforeAll
    static void open(StoreHandle handle) {
        store = handle;
        buildData = handle.buildData();
        fence = result(handle.leaderEpoch().advance("it"));
    }

    @Test
    void historySurvivesRedeploysAndLatestIsPerGenerator() {
        String node = "node-" + UUID.randomUUID();
        UUID firstDeploy = deployTask();
        UUID secondDeploy = deployTask();
        BuildData lshw1 = result(
                buildData.append(BuildData.of(node, firstDeploy, "lshw", "application/json", "{\"v\":1}"), fence));
        BuildData log1 =
                result(buildData.append(BuildData.of(node, firstDeploy, "deploy-log", "text/plain", "first"), fence));
        BuildData lshw2 = result(
                buildData.append(BuildData.of(node, secondDeploy, "lshw", "application/json", "{\"v\":2}"), fence));

        assertThat(result(buildData.history(node)))
                .extracting(BuildData::id)
                .containsExactly(lshw2.id(), log1.id(), lshw1.id());
        assertThat(result(buildData.latest(node)))
                .extracting(BuildData::data)
                .containsExactlyInAnyOrder("first", "{\"v\":2}");
        assertThat(result(buildData.forTask(firstDeploy))).containsExactly(lshw1, log1);
        assertThat(lshw1.collected()).isNotNull();
    }

    @Test
    void largeDataRoundTrips() {
        String node = "node-" + UUID.randomUUID();
        String big = "x".repeat(1_000_000);
        BuildData stored = result(buildData.append(BuildData.of(node, null, "console", "text/plain", big), fence));
        assertThat(result(buildData.history(node))).containsExactly(stored);
        assertThat(stored.data()).hasSize(1_000_000);
    }

    private static UUID deployTask() {
        return result(store.tasks().create(Task.request("deploy_nodes", null, null, "it", null)))
                .id();
    }
}
