package io.slipway.engine.dispatch;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.spi.DriverException;
import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.Step;
import io.slipway.store.NodeState;
import io.slipway.store.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Limits, one step per node, backoff and budgets, on the injected clock; no database, no drivers. */
class DispatcherTest {
    private static final RetryPolicy SLOW_RETRIES = new RetryPolicy(60_000, 480_000, 4);

    @Test
    void everyNodeRunsOneStepAtATime() {
        try (DispatchRig rig = new DispatchRig(Limits.defaults(), SLOW_RETRIES)) {
            List<String> nodes = rig.enrolAll(3);
            rig.evaluate();
            rig.evaluate();

            assertThat(rig.steps.running()).containsExactlyInAnyOrderElementsOf(nodes);
            assertThat(rig.steps.calls()).hasSize(nodes.size()).allMatch(c -> c.endsWith(":validate_oob"));
            assertThat(rig.dispatcher.inFlight()).isEqualTo(nodes.size());

            String node = nodes.get(0);
            rig.steps.succeed(node);
            rig.settle();
            rig.evaluate();

            assertThat(rig.steps.calls()).contains(node + ":identify").hasSize(nodes.size() + 1);
            assertThat(rig.steps.maxRunningPerNode()).isEqualTo(1);
            assertThat(rig.observed(node).did(Step.VALIDATE_OOB)).isTrue();
            assertThat(result(rig.stores.nodes().find(node)).progress().getJsonArray("done"))
                    .contains("validate_oob");
        }
    }

    @Test
    void theGlobalAndPerRackLimitsHoldAsStepsFinish() {
        try (DispatchRig rig = new DispatchRig(new Limits(5, 2), SLOW_RETRIES)) {
            rig.enrolAll(3);
            rig.evaluate();
            assertWithinLimits(rig.steps.running(), 5, 2);

            for (int round = 0; round < 6; round++) {
                rig.steps.succeed(rig.steps.running().get(0));
                rig.settle();
                rig.evaluate();
                assertWithinLimits(rig.steps.running(), 5, 2);
            }
            assertThat(rig.steps.calls()).hasSize(11);
        }
    }

    private static void assertWithinLimits(List<String> running, int global, int perRack) {
        Map<String, Long> byRack =
                running.stream().collect(Collectors.groupingBy(DispatchRig::rackOf, Collectors.counting()));
        assertThat(running).hasSize(global);
        assertThat(byRack.values()).allMatch(n -> n <= perRack);
    }

    @Test
    void aFailedStepWaitsForItsBackoffOnTheClockThenRunsAgain() {
        try (DispatchRig rig = new DispatchRig(Limits.defaults(), SLOW_RETRIES)) {
            String node = rig.enrolAll(3).get(0);
            rig.evaluate();
            long failedAt = rig.clock.millis();
            rig.steps.fail(node, DriverException.timeout("no answer"));
            rig.settle();

            long retryAt = rig.dispatcher.notBefore(node);
            assertThat(retryAt - failedAt).isBetween(60_000L, 72_000L);
            assertThat(rig.observed(node).failures()).isEqualTo(1);

            rig.clock.advance(Duration.ofMillis(retryAt - failedAt - 1));
            rig.evaluate();
            assertThat(rig.steps.calls())
                    .filteredOn(c -> c.startsWith(node + ":"))
                    .hasSize(1);

            rig.clock.advance(Duration.ofMillis(1));
            rig.evaluate();
            assertThat(rig.steps.calls())
                    .filteredOn(c -> c.startsWith(node + ":"))
                    .containsExactly(node + ":validate_oob", node + ":validate_oob");

            long secondFailure = rig.clock.millis();
            rig.steps.fail(node, DriverException.timeout("no answer"));
            rig.settle();
            assertThat(rig.dispatcher.notBefore(node) - secondFailure).isBetween(120_000L, 144_000L);
        }
    }

    @Test
    void aNodeIsQuarantinedOnceItsBudgetIsSpentAndThenLeftAlone() {
        try (DispatchRig rig = new DispatchRig(Limits.defaults(), SLOW_RETRIES)) {
            String node = rig.enrolAll(2).get(0);
            rig.evaluate();
            rig.steps.fail(node, DriverException.timeout("no answer"));
            rig.settle();
            rig.clock.advance(Duration.ofMinutes(2));
            rig.evaluate();
            rig.steps.fail(node, DriverException.timeout("still no answer"));
            rig.settle();

            assertThat(rig.observed(node).state()).isEqualTo(LifecycleState.QUARANTINED);
            NodeState stored = result(rig.stores.nodes().find(node));
            assertThat(stored.lifecycleState()).isEqualTo("quarantined");
            assertThat(stored.lastError()).contains("still no answer");

            rig.clock.advance(Duration.ofHours(1));
            rig.evaluate();
            assertThat(rig.steps.calls())
                    .filteredOn(c -> c.startsWith(node + ":"))
                    .hasSize(2);
        }
    }

    @Test
    void aFailureRetryingCannotFixQuarantinesAtOnce() {
        try (DispatchRig rig = new DispatchRig(Limits.defaults(), SLOW_RETRIES)) {
            String node = rig.enrolAll(3).get(0);
            rig.evaluate();
            rig.steps.fail(node, DriverException.auth("bad credentials"));
            rig.settle();

            assertThat(rig.observed(node).state()).isEqualTo(LifecycleState.QUARANTINED);
            assertThat(rig.dispatcher.notBefore(node)).isZero();
        }
    }

    @Test
    void aStepTheDatabaseFailedPausesWithoutSpendingTheBudget() {
        try (DispatchRig rig = new DispatchRig(Limits.defaults(), SLOW_RETRIES)) {
            String node = rig.enrolAll(3).get(0);
            rig.evaluate();
            rig.steps.fail(node, StoreException.unavailable("build data", new RuntimeException("down")));
            rig.settle();

            assertThat(rig.observed(node).failures()).isZero();
            assertThat(rig.dispatcher.notBefore(node) - rig.clock.millis()).isEqualTo(Backoff.STORE_PAUSE_MS);
            rig.clock.advance(Duration.ofMillis(Backoff.STORE_PAUSE_MS));
            rig.evaluate();
            assertThat(rig.steps.running()).contains(node);
        }
    }
}
