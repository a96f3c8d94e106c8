package io.slipway.engine.orchestrator;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.node.LabNodeConfig;
import io.slipway.engine.lifecycle.Explanation;
import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.store.NodeState;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.testing.PostgresExtension;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One dead BMC in the 12-node lab site: its node is quarantined, the others deploy, the task is partial. */
@ExtendWith(PostgresExtension.class)
class DeadBmcIT {

    private static Map<String, String> states(StoreHandle store) {
        return result(store.nodes().list()).stream()
                .collect(Collectors.toMap(
                        NodeState::nodeName, NodeState::lifecycleState, (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void aDeadBmcQuarantinesItsNodeAndTheTaskIsPartial(StoreHandle store) throws Exception {
        try (EngineHarness h = new EngineHarness(store, LabNodeConfig.instant())) {
            long rev = h.saveLabSite();
            h.start(EngineHarness.fastConfig());
            var site = result(h.engine.plan(Actions.VERIFY_NODES, rev, null));
            assertThat(site).hasSize(12);
            var target = io.slipway.drivers.spi.OobTarget.of(
                    "10.20.0.15", 0, io.slipway.drivers.spi.Credentials.of("admin", "lab-secret"));
            result(h.bmcs.bmc(target)).faults().dead(true);

            Task t = h.run(Actions.DEPLOY_NODES, rev, null);
            assertThat(t.result().status()).isEqualTo("partial_success");
            assertThat(t.result().failures()).containsExactly("cmp05");
            assertThat(t.result().successes()).hasSize(11);
            NodeObservation dead = result(h.engine.observation("cmp05"));
            assertThat(dead.state()).isEqualTo(LifecycleState.QUARANTINED);
            Explanation why = result(h.engine.explain("cmp05"));
            assertThat(why.holds()).singleElement().satisfies(hold -> {
                assertThat(hold.ruleId()).isEqualTo("G-002");
                assertThat(hold.reason())
                        .contains("validate_oob failed 3 time(s)")
                        .contains("TIMEOUT");
            });
            Map<String, String> others = states(store);
            others.remove("cmp05");
            assertThat(others)
                    .hasSize(11)
                    .allSatisfy((n, s) -> assertThat(s).as(n).isEqualTo("deployed"));
        }
    }
}
