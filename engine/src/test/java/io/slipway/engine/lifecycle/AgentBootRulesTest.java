package io.slipway.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.PowerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's boots around a node driver that runs its own agent ({@code NodeDriverFacts(engineBoots)}),
 * as the repository's lifecycle rules decide them; a self-booting driver's path is unchanged.
 */
class AgentBootRulesTest {

    private static List<String> plan(NodeDriverFacts driver, NodeObservation o, NodeIntent i) {
        NodeDesign d = new NodeDesign(o.node(), "rack1", "gen10", "ipmi", true, false, 0, null);
        Map<String, List<PlannedStep>> p =
                Planner.plan(LifecycleRulesTest.rules(), driver, List.of(d), List.of(o), List.of(i), 50);
        return p.get(o.node()).stream()
                .map(s -> s.step() != null ? s.step().label() : "->" + s.to().label())
                .toList();
    }

    @Test
    void deployBootsTheAgentThenTheInstalledDiskAndWaitsForTheFirstBoot() {
        assertThat(plan(
                        new NodeDriverFacts(true),
                        NodeObservation.enrolled("n1", 3),
                        NodeIntent.toward("n1", LifecycleState.DEPLOYED, "t1")))
                .containsExactly(
                        "validate_oob",
                        "identify",
                        "->manageable",
                        "set_pxe",
                        "power_cycle",
                        "commission",
                        "->inspected",
                        "apply_networking",
                        "apply_storage",
                        "apply_platform",
                        "->available",
                        "boot_agent",
                        "deploy",
                        "boot_disk",
                        "await_booted",
                        "->deployed");
    }

    @Test
    void destroyBootsTheAgentErasesAndPowersOff() {
        NodeObservation deployed = NodeObservation.enrolled("n1", 3)
                .advanced(LifecycleState.DEPLOYED)
                .withPower(PowerState.ON);
        assertThat(plan(new NodeDriverFacts(true), deployed, NodeIntent.destroy("n1", "t")))
                .containsExactly("boot_agent", "destroy", "power_off", "->available");
    }

    @Test
    void aSelfBootingDriverKeepsItsPath() {
        NodeObservation deployed = NodeObservation.enrolled("n1", 3)
                .advanced(LifecycleState.DEPLOYED)
                .withPower(PowerState.ON);
        assertThat(plan(NodeDriverFacts.selfBooting(), deployed, NodeIntent.destroy("n1", "t")))
                .containsExactly("destroy", "->available");
        NodeObservation available = NodeObservation.enrolled("n1", 3).advanced(LifecycleState.AVAILABLE);
        assertThat(plan(
                        NodeDriverFacts.selfBooting(),
                        available,
                        NodeIntent.toward("n1", LifecycleState.DEPLOYED, "t")))
                .containsExactly("deploy", "->deployed");
    }

    @Test
    void aFailedDeployIsRetriedWithoutAnotherAgentBoot() {
        NodeObservation failed = NodeObservation.enrolled("n1", 3)
                .advanced(LifecycleState.AVAILABLE)
                .succeeded(Step.BOOT_AGENT)
                .failed(Step.DEPLOY, "REFUSED: verify failed: expected a got b");
        assertThat(failed.state()).isEqualTo(LifecycleState.DEPLOY_FAILED);
        assertThat(plan(new NodeDriverFacts(true), failed, NodeIntent.toward("n1", LifecycleState.DEPLOYED, "t")))
                .startsWith("deploy", "boot_disk", "await_booted");
    }
}
