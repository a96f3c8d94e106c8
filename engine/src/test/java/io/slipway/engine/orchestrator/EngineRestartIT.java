package io.slipway.engine.orchestrator;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.node.LabNodeConfig;
import io.slipway.store.NodeState;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An engine killed mid-deploy is restarted on the same database and finishes the task. */
@ExtendWith(PostgresExtension.class)
class EngineRestartIT {

    private static Map<String, String> states(StoreHandle store) {
        return result(store.nodes().list()).stream()
                .collect(Collectors.toMap(
                        NodeState::nodeName, NodeState::lifecycleState, (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void aKilledEngineResumesWithoutRepeatingCompletedSteps(StoreHandle store) throws Exception {
        try (EngineHarness h = new EngineHarness(store, LabNodeConfig.latency(40))) {
            long rev = h.saveLabSite();
            h.start(EngineHarness.fastConfig());
            Task t = result(h.engine.submit(Actions.DEPLOY_NODES, rev, new JsonObject(), "it"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (h.nodes.calls().size() < 40 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            int before = h.nodes.calls().size();
            h.kill();
            assertThat(before).as("progress before the kill").isBetween(40, 12 * 8 - 1);

            h.start(EngineHarness.fastConfig());
            Task done = h.await(t.id(), Duration.ofSeconds(60));
            assertThat(done.result().status()).isEqualTo("success");
            assertThat(states(store))
                    .hasSize(12)
                    .allSatisfy((n, s) -> assertThat(s).isEqualTo("deployed"));
            assertThat(h.nodes.calls().repeated())
                    .as("steps that did real work twice")
                    .isEmpty();
        }
    }
}
