package io.slipway.engine.orchestrator;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.node.LabNodeConfig;
import io.slipway.store.NodeState;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.testing.PostgresExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The 12-node lab site driven by the engine over the lab drivers and a real Postgres. */
@ExtendWith(PostgresExtension.class)
class LifecycleE2EIT {

    private static Map<String, String> states(StoreHandle store) {
        return result(store.nodes().list()).stream()
                .collect(Collectors.toMap(
                        NodeState::nodeName, NodeState::lifecycleState, (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void aSiteGoesFromBareMetalToDeployedAndBackAndRepeatsAreNoOps(StoreHandle store) throws Exception {
        try (EngineHarness h = new EngineHarness(store, LabNodeConfig.instant())) {
            long rev = h.saveLabSite();
            h.start(EngineHarness.fastConfig());
            for (String action : List.of(
                    Actions.VALIDATE_DESIGN,
                    Actions.VERIFY_SITE,
                    Actions.PREPARE_SITE,
                    Actions.VERIFY_NODES,
                    Actions.PREPARE_NODES,
                    Actions.DEPLOY_NODES)) {
                Task t = h.run(action, rev, null);
                assertThat(t.result().status()).as(action + ": " + t.result()).isEqualTo("success");
            }
            assertThat(states(store))
                    .hasSize(12)
                    .allSatisfy((n, s) -> assertThat(s).as(n).isEqualTo("deployed"));
            // Each node's top-of-rack port went to provisioning for inspection and to production after deploy.
            assertThat(h.ports.calls().steps(io.slipway.drivers.lab.network.LabNetworkDriver.subject("tor1a", "ctl01")))
                    .containsExactly("provisioning", "production");

            int callsBefore = h.nodes.calls().size();
            long powerBefore = h.bmcs.bmcs().stream()
                    .map(f -> result(f))
                    .mapToLong(b -> b.chassis().actions().size())
                    .sum();
            Task again = h.run(Actions.DEPLOY_NODES, rev, null);
            assertThat(again.result().status()).isEqualTo("success");
            assertThat(again.result().successes()).hasSize(12);
            assertThat(h.nodes.calls().size())
                    .as("bootstrapper calls on a repeated deploy")
                    .isEqualTo(callsBefore);
            long powerAfter = h.bmcs.bmcs().stream()
                    .map(f -> result(f))
                    .mapToLong(b -> b.chassis().actions().size())
                    .sum();
            assertThat(powerAfter).as("power actions on a repeated deploy").isEqualTo(powerBefore);

            Task destroy = h.run(Actions.DESTROY_NODES, rev, null);
            assertThat(destroy.result().status()).isEqualTo("success");
            assertThat(states(store)).allSatisfy((n, s) -> assertThat(s).as(n).isEqualTo("available"));
            assertThat(h.nodes.calls().repeated())
                    .as("steps that did real work twice")
                    .isEmpty();
        }
    }
}
