package io.slipway.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.TestDesigns;
import io.slipway.engine.rules.RuleBook;
import io.slipway.engine.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node lifecycle as the repository's rules/lifecycle decide it. */
class LifecycleRulesTest {
    private static RuleSet rules;
    private LifecycleEngine engine;

    static synchronized RuleSet rules() {
        if (rules == null) {
            rules = RuleBook.compile(TestDesigns.repoRoot().resolve("rules/lifecycle"));
        }
        return rules;
    }

    @BeforeEach
    void start() {
        engine = new LifecycleEngine(rules());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private static NodeDesign design(String node) {
        return new NodeDesign(node, "rack1", "gen10", "ipmi", true, false, 0, null);
    }

    private static NodeObservation in(String node, LifecycleState s) {
        return NodeObservation.enrolled(node, 3).advanced(s).withPower("on");
    }

    private static List<String> planOf(NodeObservation o, NodeIntent i) {
        return plan(rules(), o, i);
    }

    static List<String> plan(RuleSet rules, NodeObservation o, NodeIntent i) {
        Map<String, List<PlannedStep>> p = Planner.plan(rules, List.of(design(o.node())), List.of(o), List.of(i), 50);
        return p.get(o.node()).stream()
                .map(s -> s.step() != null ? s.step().label() : "->" + s.to().label())
                .toList();
    }

    @Test
    void anEnrolledNodeWalksTheWholePathToDeployed() {
        assertThat(planOf(NodeObservation.enrolled("n1", 3), NodeIntent.toward("n1", LifecycleState.DEPLOYED, "t1")))
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
                        "deploy",
                        "->deployed");
    }

    @Test
    void bulkActionsNeverPullNodesBackwards() {
        assertThat(planOf(in("n1", LifecycleState.DEPLOYED), NodeIntent.toward("n1", LifecycleState.DEPLOYED, "t")))
                .isEmpty();
        assertThat(planOf(in("n1", LifecycleState.DEPLOYED), NodeIntent.toward("n1", LifecycleState.MANAGEABLE, "t")))
                .isEmpty();
        assertThat(planOf(in("n1", LifecycleState.AVAILABLE), NodeIntent.toward("n1", LifecycleState.AVAILABLE, "t")))
                .isEmpty();
        assertThat(Goals.reached(
                        in("n1", LifecycleState.DEPLOYED), NodeIntent.toward("n1", LifecycleState.AVAILABLE, "t")))
                .isTrue();
    }

    @Test
    void destroyNeedsExplicitIntentAndReturnsTheNodeToAvailable() {
        assertThat(planOf(in("n1", LifecycleState.DEPLOYED), NodeIntent.destroy("n1", "t")))
                .containsExactly("destroy", "->available");
        assertThat(planOf(in("n1", LifecycleState.AVAILABLE), NodeIntent.destroy("n1", "t")))
                .isEmpty();
    }

    @Test
    void relabelTouchesOnlyDeployedNodes() {
        assertThat(planOf(in("n1", LifecycleState.DEPLOYED), NodeIntent.relabel("n1", "t")))
                .containsExactly("relabel");
        assertThat(planOf(in("n1", LifecycleState.AVAILABLE), NodeIntent.relabel("n1", "t")))
                .isEmpty();
        assertThat(Goals.reached(
                        in("n1", LifecycleState.DEPLOYED).succeeded(Step.RELABEL), NodeIntent.relabel("n1", "t")))
                .isTrue();
    }

    @Test
    void cabledNodesGetTheirSwitchPortStepsAroundInspectionAndDeployment() {
        NodeObservation o = in("n1", LifecycleState.MANAGEABLE);
        var p = Planner.plan(
                        rules(),
                        List.of(new NodeDesign("n1", "rack1", "gen10", "ipmi", true, true, 0, null)),
                        List.of(o),
                        List.of(NodeIntent.toward("n1", LifecycleState.DEPLOYED, "t")),
                        50)
                .get("n1")
                .stream()
                .map(s -> s.step() != null ? s.step().label() : "->" + s.to().label())
                .toList();
        assertThat(p)
                .containsSubsequence(
                        "port_provisioning", "set_pxe", "commission", "deploy", "port_production", "->deployed");
    }

    @Test
    void aStepDoneBeforeACrashIsNotRepeated() {
        NodeObservation halfway =
                in("n1", LifecycleState.MANAGEABLE).succeeded(Step.SET_PXE).succeeded(Step.POWER_CYCLE);
        assertThat(planOf(halfway, NodeIntent.toward("n1", LifecycleState.INSPECTED, "t")))
                .containsExactly("commission", "->inspected");
    }

    @Test
    void aDeployedNodeFoundOffIsPoweredOnUnlessPaused() {
        engine.put(design("n1"));
        engine.put(in("n1", LifecycleState.DEPLOYED).withPower("off"));
        assertThat(engine.decide().actions()).extracting(Action::step).containsExactly(Step.POWER_ON);
        engine.put(in("n1", LifecycleState.DEPLOYED).withPower("off").withPaused(true));
        assertThat(engine.decide().actions()).isEmpty();
        assertThat(engine.explain("n1").holds()).extracting(Hold::ruleId).containsExactly("G-003");
    }

    @Test
    void aNodeInMaintenanceGetsNoStepsNotEvenDriftCorrection() {
        engine.put(design("n1"));
        engine.put(in("n1", LifecycleState.DEPLOYED).withPower("off").withMaintenance("replacing a fan"));
        assertThat(engine.decide().actions()).isEmpty();
        Explanation e = engine.explain("n1");
        assertThat(e.holds()).extracting(Hold::ruleId).containsExactly("G-006");
        assertThat(e.holds().get(0).reason()).isEqualTo("in maintenance: replacing a fan");
        assertThat(e.verbs()).anySatisfy(v -> assertThat(v).startsWith("maintenance off:"));
        assertThat(Goals.unreachable(e.observed())).isTrue();
    }

    @Test
    void outOfMaintenanceTheRulesActAgainAndAQuarantinedNodeOffersRelease() {
        engine.put(design("n1"));
        engine.put(in("n1", LifecycleState.DEPLOYED)
                .withPower("off")
                .withMaintenance("x")
                .withMaintenance(null));
        assertThat(engine.decide().actions()).extracting(Action::step).containsExactly(Step.POWER_ON);
        assertThat(engine.explain("n1").holds()).isEmpty();
        NodeObservation q =
                NodeObservation.enrolled("n2", 1).starting(Step.VALIDATE_OOB).failed(Step.VALIDATE_OOB, "dead");
        assertThat(q.state()).isEqualTo(LifecycleState.QUARANTINED);
        assertThat(q.releaseTo()).isEqualTo(LifecycleState.VERIFYING);
        engine.put(design("n2"));
        engine.put(q);
        assertThat(engine.explain("n2").verbs()).first().asString().startsWith("release: back to verifying");
        assertThat(q.released(q.releaseTo())).satisfies(r -> {
            assertThat(r.state()).isEqualTo(LifecycleState.VERIFYING);
            assertThat(r.failures()).isZero();
            assertThat(r.quarantinedFrom()).isNull();
        });
    }

    @Test
    void guardsHoldNodesAndExplainSaysWhy() {
        engine.put(new NodeDesign("n1", "rack1", "gen10", "ipmi", false, false, 0, null));
        engine.put(NodeObservation.enrolled("n1", 3));
        engine.put(NodeIntent.toward("n1", LifecycleState.DEPLOYED, "t"));
        Explanation e = engine.explain("n1");
        assertThat(e.actions()).isEmpty();
        assertThat(e.holds()).extracting(Hold::ruleId).containsExactly("G-004");
        assertThat(e.waiting()).anySatisfy(w -> assertThat(w).contains("no BMC credentials"));
    }

    @Test
    void spentRetryBudgetQuarantinesWithAReason() {
        NodeObservation o = NodeObservation.enrolled("n1", 2)
                .failed(Step.VALIDATE_OOB, "timeout")
                .failed(Step.VALIDATE_OOB, "timeout");
        assertThat(o.state()).isEqualTo(LifecycleState.QUARANTINED);
        engine.put(design("n1"));
        engine.put(o);
        engine.put(NodeIntent.toward("n1", LifecycleState.DEPLOYED, "t"));
        Explanation e = engine.explain("n1");
        assertThat(e.actions()).isEmpty();
        assertThat(e.holds())
                .singleElement()
                .satisfies(h -> assertThat(h.reason()).contains("validate_oob failed 2 time(s): timeout"));
    }

    @Test
    void oneChangedObservationIsDecidedAlone() {
        for (int i = 0; i < 100; i++) {
            engine.put(design("n" + i));
            engine.put(in("n" + i, LifecycleState.DEPLOYED));
            engine.put(NodeIntent.toward("n" + i, LifecycleState.DEPLOYED, "t"));
        }
        assertThat(engine.decide().isEmpty()).isTrue();
        engine.put(in("n42", LifecycleState.DEPLOYED).withPower("off"));
        assertThat(engine.decide().actions())
                .singleElement()
                .satisfies(a -> assertThat(a.node()).isEqualTo("n42"));
    }

    @Test
    void editingALifecycleFileChangesTheNextDecision(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("lifecycle");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(TestDesigns.repoRoot().resolve("rules/lifecycle"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path transitions = copy.resolve("transitions.drl");
        // The edit shown in docs/rules.md: nodes of hardware profile gen10 skip inspection.
        Files.writeString(
                transitions,
                Files.readString(transitions)
                                .replace(
                                        "rule \"LC-021 boot a manageable node from the network\"\nwhen\n    NodeIntent($n : node, targetRank() >= 2, !destroy)\n    NodeDesign(node == $n, $ports : switchPorts)",
                                        "rule \"LC-021 boot a manageable node from the network\"\nwhen\n    NodeIntent($n : node, targetRank() >= 2, !destroy)\n    NodeDesign(node == $n, $ports : switchPorts, hardwareProfile != \"gen10\")")
                        + """

        rule "SITE-001 gen10 nodes skip inspection"
        when
            NodeIntent($n : node, targetRank() >= 2, !destroy)
            NodeDesign(node == $n, hardwareProfile == "gen10")
            NodeObservation(node == $n, state == LifecycleState.MANAGEABLE)
            not InFlight(node == $n)
        then
            insertLogical(Advance.to($n, LifecycleState.INSPECTED, "SITE-001", "inspection skipped for gen10"));
        end
        """);
        RuleSet edited = RuleBook.compile(copy);
        assertThat(plan(
                        edited,
                        in("n1", LifecycleState.MANAGEABLE),
                        NodeIntent.toward("n1", LifecycleState.AVAILABLE, "t")))
                .containsExactly("->inspected", "apply_networking", "apply_storage", "apply_platform", "->available");
    }
}
