package io.slipway.drivers.ipmi.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacingTest {

    @Test
    void theTimeoutFollowsObservedLatencyWithinItsBounds() {
        RttEstimator r = new RttEstimator(250, 4000);
        assertThat(r.rto(1000)).isEqualTo(1000); // nothing observed yet
        for (int i = 0; i < 50; i++) {
            r.sample(2);
        }
        assertThat(r.rto(1000)).isEqualTo(250);
        for (int i = 0; i < 50; i++) {
            r.sample(1500);
        }
        assertThat(r.rto(1000)).isBetween(1500L, 4000L);
        assertThat(r.baselineMs()).isEqualTo(2);
    }

    @Test
    void aNonIdempotentCommandWaitsAtLeastThreeRoundTripsOfAslowBmc() {
        RttEstimator r = new RttEstimator(250, 4000);
        for (int i = 0; i < 20; i++) {
            r.sample(1500);
        }
        assertThat(r.overdue(1000)).isGreaterThanOrEqualTo(4500);
        RttEstimator fresh = new RttEstimator(250, 4000);
        assertThat(fresh.overdue(1000)).isEqualTo(3000);
        RttEstimator fast = new RttEstimator(250, 4000);
        for (int i = 0; i < 20; i++) {
            fast.sample(1);
        }
        assertThat(fast.overdue(1000)).isEqualTo(2000); // a command that acts may take longer than reads
    }

    @Test
    void theWindowShrinksOnTimeoutsAndSlowAnswersAndGrowsOnFastOnes() throws Exception {
        Pacer p = new Pacer(IpmiClientOptions.defaults());
        assertThat(p.window()).isEqualTo(64);
        p.timedOut();
        assertThat(p.window()).isEqualTo(32);
        p.timedOut(); // within 200 ms of the last decrease: ignored
        assertThat(p.window()).isEqualTo(32);
        for (int i = 0; i < 32 * 3; i++) {
            p.answered(1, 1);
        }
        assertThat(p.window()).isBetween(34, 36);
        Thread.sleep(250);
        p.answered(2_000, 1); // far slower than this BMC's best: queueing
        assertThat(p.window()).isBetween(30, 33);
    }

    @Test
    void operationsBeyondTheWindowWaitForAFreeSlot() {
        Pacer p = new Pacer(IpmiClientOptions.defaults().withWindow(32, 32));
        for (int i = 0; i < 32; i++) {
            assertThat(p.acquire().succeeded()).isTrue();
        }
        var ninth = p.acquire(); // the 33rd
        assertThat(ninth.isComplete()).isFalse();
        p.release();
        assertThat(ninth.succeeded()).isTrue();
    }
}
