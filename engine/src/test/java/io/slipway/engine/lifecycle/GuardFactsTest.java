package io.slipway.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guard facts of rules/lifecycle/guards.drl: a transition's proposal runs only on an idle node
 * none of whose step's driver kinds a hold blocks, and state changes wait for the running step.
 */
class GuardFactsTest {
    private LifecycleEngine engine;

    @BeforeEach
    void start() {
        engine = new LifecycleEngine(LifecycleRulesTest.rules(), new NodeDriverFacts(true));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aHoldOnEitherDriverKindOfAStepHoldsIt() {
        // boot_agent uses the BMC and the node driver: the missing BMC credentials (G-004, oob) hold it
        engine.put(new NodeDesign("n1", "rack1", "gen10", "ipmi", false, false, 0, null));
        engine.put(NodeObservation.enrolled("n1", 3).advanced(LifecycleState.AVAILABLE));
        engine.put(NodeIntent.toward("n1", LifecycleState.DEPLOYED, "t"));
        Explanation e = engine.explain("n1");
        assertThat(e.actions()).isEmpty();
        assertThat(e.holds()).extracting(Hold::ruleId, Hold::scope).containsExactly(tuple("G-004", "oob"));
        engine.put(new NodeDesign("n1", "rack1", "gen10", "ipmi", true, false, 0, null));
        assertThat(engine.decide().actions())
                .extracting(Action::step, Action::ruleId)
                .containsExactly(tuple(Step.BOOT_AGENT, "LC-043"));
    }

    @Test
    void aNodeWithAStepRunningNeitherStartsAnotherNorChangesState() {
        engine.put(new NodeDesign("n1", "rack1", "gen10", "ipmi", true, false, 0, null));
        engine.put(NodeIntent.toward("n1", LifecycleState.MANAGEABLE, "t"));
        engine.put(
                NodeObservation.enrolled("n1", 3).succeeded(Step.VALIDATE_OOB).succeeded(Step.IDENTIFY));
        engine.started("n1", Step.IDENTIFY);
        assertThat(engine.decide().isEmpty()).isTrue();
        assertThat(engine.explain("n1").waiting()).contains("step identify is running");
        engine.finished("n1");
        assertThat(engine.decide().advances()).extracting(Advance::to).containsExactly(LifecycleState.MANAGEABLE);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
