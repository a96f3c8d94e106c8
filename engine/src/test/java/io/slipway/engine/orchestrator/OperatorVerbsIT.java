package io.slipway.engine.orchestrator;

import static io.slipway.store.testing.Await.failure;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.node.LabNodeConfig;
import io.slipway.drivers.lab.node.LabStep;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.lifecycle.Step;
import io.slipway.store.NodeEvent;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.testing.PostgresExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator's way out of every state, against the lab site and a real database. */
@ExtendWith(PostgresExtension.class)
class OperatorVerbsIT {
    private static final OobTarget CMP05_BMC = OobTarget.of("10.20.0.15", 0, Credentials.of("admin", "lab-secret"));

    @Test
    void aQuarantinedNodeIsReleasedAfterItsBmcIsBackAndThenDeploys(StoreHandle store) throws Exception {
        try (EngineHarness h = new EngineHarness(store, LabNodeConfig.instant())) {
            long rev = h.saveLabSite();
            h.start(EngineHarness.fastConfig());
            result(h.engine.plan(Actions.VERIFY_NODES, rev, null)); // builds the site, so the lab BMCs exist
            result(h.bmcs.bmc(CMP05_BMC)).faults().dead(true);

            Task failed = h.run(Actions.DEPLOY_NODES, rev, NodeFilterJson.names(List.of("cmp05")));
            assertThat(failed.result().status()).isEqualTo("failure");
            NodeObservation quarantined = result(h.engine.observation("cmp05"));
            assertThat(quarantined.state()).isEqualTo(LifecycleState.QUARANTINED);
            assertThat(quarantined.quarantinedFrom()).isEqualTo(LifecycleState.VERIFYING);
            assertThat(failure(h.engine.release("nosuch", "x", "it"))).isInstanceOf(IllegalArgumentException.class);

            result(h.bmcs.bmc(CMP05_BMC)).faults().dead(false);
            NodeObservation released = result(h.engine.release("cmp05", "BMC cable replaced", "it-operator"));
            assertThat(released.state()).isEqualTo(LifecycleState.VERIFYING);
            assertThat(released.failures()).isZero();
            assertThat(result(h.engine.explain("cmp05")).holds()).isEmpty();
            assertThat(failure(h.engine.release("cmp05", "again", "it")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not quarantined");

            Task deployed = h.run(Actions.DEPLOY_NODES, rev, NodeFilterJson.names(List.of("cmp05")));
            assertThat(deployed.result().status()).isEqualTo("success");
            assertThat(result(h.engine.observation("cmp05")).state()).isEqualTo(LifecycleState.DEPLOYED);
            NodeEvent release = timeline(store, "cmp05").stream()
                    .filter(e -> e.kind().equals("released"))
                    .findFirst()
                    .orElseThrow();
            assertThat(release.detail()).isEqualTo("released by it-operator: BMC cable replaced");
            assertThat(release.fromState()).isEqualTo("quarantined");
            assertThat(release.toState()).isEqualTo("verifying");
            assertThat(release.extra().getString("quarantined_because")).contains("validate_oob failed 3 time(s)");
        }
    }

    @Test
    void aNodeInMaintenanceStaysUntouchedAcrossARestart(StoreHandle store) throws Exception {
        try (EngineHarness h = new EngineHarness(store, LabNodeConfig.instant())) {
            long rev = h.saveLabSite();
            h.start(EngineHarness.fastConfig());
            Task verified = h.run(Actions.VERIFY_NODES, rev, NodeFilterJson.names(List.of("cmp04")));
            assertThat(verified.result().status()).isEqualTo("success");
            assertThat(failure(h.engine.maintenance("cmp04", true, " ", "it"))).hasMessageContaining("needs a reason");
            result(h.engine.maintenance("cmp04", true, "replacing a DIMM", "it-operator"));
            long seqBefore = last(timeline(store, "cmp04"));
            int labCalls = h.nodes.calls().calls("cmp04").size();

            h.kill();
            h.start(EngineHarness.fastConfig());
            NodeObservation restored = result(h.engine.observation("cmp04"));
            assertThat(restored.maintenance()).isEqualTo("replacing a DIMM");
            assertThat(result(h.engine.explain("cmp04")).holds())
                    .extracting(hold -> hold.ruleId())
                    .contains("G-006");

            Task refused = h.run(Actions.DEPLOY_NODES, rev, NodeFilterJson.names(List.of("cmp04")));
            assertThat(refused.result().status()).isEqualTo("failure");
            assertThat(refused.result().failures()).containsExactly("cmp04");
            assertThat(result(h.engine.observation("cmp04")).state()).isEqualTo(LifecycleState.MANAGEABLE);
            assertThat(h.nodes.calls().calls("cmp04")).hasSize(labCalls);
            assertThat(timeline(store, "cmp04").stream()
                            .filter(e -> e.seq() > seqBefore)
                            .map(NodeEvent::kind))
                    .doesNotContain("step", "step-failed", "transition");

            result(h.engine.maintenance("cmp04", false, "DIMM replaced", "it-operator"));
            Task deployed = h.run(Actions.DEPLOY_NODES, rev, NodeFilterJson.names(List.of("cmp04")));
            assertThat(deployed.result().status()).isEqualTo("success");
        }
    }

    @Test
    void anAbortedStepFailsTheNodeInItsTaskAndPausesIt(StoreHandle store) throws Exception {
        try (EngineHarness h = new EngineHarness(store, LabNodeConfig.instant())) {
            long rev = h.saveLabSite();
            // Step timeouts far beyond the test: the hanging step must still run when it is aborted.
            h.start(EngineHarness.fastConfig()
                    .withTimeouts(io.slipway.engine.dispatch.StepTimeouts.of(120_000, 120_000)));
            h.nodes.faults("cmp06").hang(LabStep.IDENTIFY, true);
            Task t = result(h.engine.submit(Actions.VERIFY_NODES, rev, NodeFilterJson.names(List.of("cmp06")), "it"));
            long deadline = System.currentTimeMillis() + 10_000;
            while (!Step.IDENTIFY.equals(running(h, "cmp06")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(failure(h.engine.abort("nosuch", "x", "it"))).isInstanceOf(IllegalArgumentException.class);
            assertThat(result(h.engine.abort("cmp06", "wrong rack", "it-operator")))
                    .isEqualTo(Step.IDENTIFY);

            Task done = h.await(t.id(), Duration.ofSeconds(10));
            assertThat(done.result().status()).isEqualTo("failure");
            assertThat(done.result().failures()).containsExactly("cmp06");
            Thread.sleep(300); // the aborted step's record lands after the task settles
            NodeObservation o = result(h.engine.observation("cmp06"));
            assertThat(o.state()).isEqualTo(LifecycleState.VERIFY_FAILED);
            assertThat(o.paused()).isTrue();
            assertThat(o.lastError()).isEqualTo("aborted by an operator: wrong rack (it-operator)");
            assertThat(timeline(store, "cmp06")).extracting(NodeEvent::kind).contains("aborted", "paused");
            assertThat(failure(h.engine.abort("cmp06", "again", "it")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no step is running on cmp06");
        }
    }

    @Test
    void selectionsOfNothingAreErrors(StoreHandle store) throws Exception {
        try (EngineHarness h = new EngineHarness(store, LabNodeConfig.instant())) {
            long rev = h.saveLabSite();
            h.start(EngineHarness.fastConfig());
            assertThat(failure(h.engine.submit(
                            Actions.DEPLOY_NODES, rev, NodeFilterJson.names(List.of("cmp04", "nosuch")), "it")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("node_filter: unknown node nosuch in design revision " + rev);
            var emptyIntersection = new io.vertx.core.json.JsonObject()
                    .put("filter_set_type", "intersection")
                    .put(
                            "filter_set",
                            new io.vertx.core.json.JsonArray()
                                    .add(NodeFilterJson.names(List.of("cmp04"))
                                            .getJsonArray("filter_set")
                                            .getJsonObject(0))
                                    .add(NodeFilterJson.names(List.of("cmp05"))
                                            .getJsonArray("filter_set")
                                            .getJsonObject(0)));
            Task t = h.run(Actions.DEPLOY_NODES, rev, emptyIntersection);
            assertThat(t.result().status()).isEqualTo("failure");
            assertThat(t.result().reason()).isEqualTo("the node filter selects no node of design revision " + rev);
            assertThat(h.nodes.calls().size()).isZero();
        }
    }

    private static Step running(EngineHarness h, String node) {
        return result(h.engine.explain(node)).inFlight() == null
                ? null
                : result(h.engine.explain(node)).inFlight().step();
    }

    private static List<NodeEvent> timeline(StoreHandle store, String node) {
        return result(store.nodes().timeline(node, 0, 1000));
    }

    private static long last(List<NodeEvent> events) {
        return events.get(events.size() - 1).seq();
    }
}
