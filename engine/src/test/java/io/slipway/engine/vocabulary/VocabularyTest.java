package io.slipway.engine.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.PowerState;
import io.slipway.engine.dispatch.StepHandlers;
import io.slipway.engine.lifecycle.Hold;
import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeIntent;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.lifecycle.Step;
import io.slipway.engine.orchestrator.Actions;
import io.slipway.engine.orchestrator.TaskAction;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The typed vocabulary: labels round-trip, every step is handled, and the enums say what they used to. */
class VocabularyTest {

    @Test
    void everyStepHasAHandlerAndItsLabelRoundTrips() {
        StepHandlers handlers = StepHandlers.standard();
        for (Step s : Step.values()) {
            assertThat(handlers.of(s)).as(s.label()).isNotNull();
            assertThat(Step.fromLabel(s.label())).contains(s);
        }
        assertThat(Step.fromLabel("flash_firmware")).isEmpty();
        assertThat(Step.fromLabels(List.of("set_pxe", "validate_oob", "from_a_newer_version")))
                .containsExactly(Step.VALIDATE_OOB, Step.SET_PXE);
    }

    @Test
    void stepsSayWhatTheEngineUsedToSwitchOn() {
        assertThat(Step.BOOT_AGENT.kinds()).containsExactly(DriverKind.OOB, DriverKind.NODE);
        assertThat(Step.RELABEL.driver()).isEqualTo(DriverKind.KUBERNETES);
        assertThat(Step.POWER_OFF.powerAfter()).contains(PowerState.OFF);
        assertThat(Step.COMMISSION.powerAfter()).isEmpty();
        assertThat(Step.DESTROY.failedState(LifecycleState.DESTROYING)).isEqualTo(LifecycleState.DEPLOY_FAILED);
        assertThat(Step.APPLY_STORAGE.failedState(LifecycleState.INSPECTED)).isEqualTo(LifecycleState.INSPECTED);
        assertThat(Arrays.stream(Step.values()).filter(s -> s.bound() == Step.Bound.LONG))
                .containsExactly(Step.COMMISSION, Step.DEPLOY, Step.DESTROY, Step.AWAIT_BOOTED);
    }

    @Test
    void observationsKeepTypedFactsAndStoreLabels() {
        NodeObservation o =
                NodeObservation.enrolled("n1", 3).succeeded(Step.VALIDATE_OOB).succeeded(Step.POWER_CYCLE);
        assertThat(o.power()).isEqualTo(PowerState.ON);
        assertThat(o.powerLabel()).isEqualTo("on");
        assertThat(o.doneLabels()).containsExactly("validate_oob", "power_cycle");
        assertThat(NodeObservation.power("off")).isEqualTo(PowerState.OFF);
        assertThat(NodeObservation.power(null)).isEqualTo(PowerState.UNKNOWN);
        assertThat(LifecycleState.fromLabel("verify_failed")).isEqualTo(LifecycleState.VERIFY_FAILED);
        assertThatThrownBy(() -> LifecycleState.fromLabel("nirvana")).hasMessageContaining("nirvana");
    }

    @Test
    void holdScopesAreDriverKindsOrAll() {
        assertThat(Hold.all("n1", "G-1", "x").scope()).isEqualTo("all");
        assertThat(Hold.all("n1", "G-1", "x").kinds()).containsExactlyInAnyOrder(DriverKind.values());
        assertThat(Hold.of("n1", "oob", "G-1", "x").kind()).isEqualTo(DriverKind.OOB);
        assertThatThrownBy(() -> Hold.of("n1", "obb", "G-1", "x")).hasMessageContaining("obb");
    }

    @Test
    void actionsAreBuiltOnTheEnum() {
        assertThat(Actions.ALL)
                .containsExactly(
                        "validate_design",
                        "verify_site",
                        "prepare_site",
                        "verify_nodes",
                        "prepare_nodes",
                        "deploy_nodes",
                        "destroy_nodes",
                        "relabel_nodes");
        assertThat(Actions.NODE_ACTIONS)
                .isEqualTo(Set.of("verify_nodes", "prepare_nodes", "deploy_nodes", "destroy_nodes", "relabel_nodes"));
        assertThat(Actions.intent(Actions.DEPLOY_NODES, "n1", "t"))
                .isEqualTo(NodeIntent.toward("n1", LifecycleState.DEPLOYED, "t"));
        assertThat(Actions.intent("destroy_nodes", "n1", "t")).isEqualTo(NodeIntent.destroy("n1", "t"));
        assertThat(TaskAction.RELABEL_NODES.intent("n1", "t")).isEqualTo(NodeIntent.relabel("n1", "t"));
        assertThat(Actions.isNodeAction("verify_site")).isFalse();
        assertThatThrownBy(() -> Actions.intent("verify_site", "n1", "t")).hasMessageContaining("verify_site");
        assertThatThrownBy(() -> Actions.intent("deploy_everything", "n1", "t"))
                .hasMessageContaining("deploy_everything");
    }
}
