package io.slipway.engine.dispatch;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.NodeState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dispatcher whose leadership is gone touches no hardware and overwrites nothing. */
class DispatcherFencingTest {
    private static final RetryPolicy SLOW_RETRIES = new RetryPolicy(60_000, 480_000, 4);

    @Test
    void aDeposedLeaderStopsAtTheWriteAheadBeforeAnyDriverCall() {
        try (DispatchRig rig = new DispatchRig(Limits.defaults(), SLOW_RETRIES)) {
            rig.enrolAll(3);
            result(rig.stores.leaderEpoch().advance("leader-b"));
            rig.evaluate();

            assertThat(rig.steps.calls()).isEmpty();
            assertThat(rig.dispatcher.stopped()).isTrue();
            assertThat(result(rig.stores.nodes().list())).isEmpty();
        }
    }

    @Test
    void aStepThatEndsAfterATakeoverIsNotRecordedAndNothingMoreStarts() {
        try (DispatchRig rig = new DispatchRig(Limits.defaults(), SLOW_RETRIES)) {
            List<String> nodes = rig.enrolAll(3);
            rig.evaluate();
            String node = nodes.get(0);
            NodeState before = result(rig.stores.nodes().find(node));

            result(rig.stores.leaderEpoch().advance("leader-b"));
            rig.steps.succeed(node);
            rig.settle();
            rig.evaluate();

            assertThat(rig.dispatcher.stopped()).isTrue();
            assertThat(result(rig.stores.nodes().find(node))).isEqualTo(before);
            assertThat(rig.steps.calls()).hasSize(nodes.size());
        }
    }

    @Test
    void aLeaseThatRanOutStopsDispatchingBeforeTheDriverActs() {
        try (DispatchRig rig = new DispatchRig(Limits.defaults(), SLOW_RETRIES)) {
            rig.enrolAll(3);
            rig.dispatcher.actOnlyWhile(() -> false);
            rig.evaluate();

            assertThat(rig.steps.calls()).isEmpty();
            assertThat(rig.dispatcher.stopped()).isTrue();
        }
    }

    @Test
    void aStoppedDispatcherStartsNothing() {
        try (DispatchRig rig = new DispatchRig(Limits.defaults(), SLOW_RETRIES)) {
            rig.enrolAll(3);
            rig.on(rig.dispatcher::stop);
            rig.evaluate();

            assertThat(rig.steps.calls()).isEmpty();
            assertThat(rig.dispatcher.inFlight()).isZero();
        }
    }
}
