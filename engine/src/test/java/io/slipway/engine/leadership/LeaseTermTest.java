package io.slipway.engine.leadership;

import static io.slipway.store.testing.Await.failureKind;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.Fence;
import io.slipway.store.NodeState;
import io.slipway.store.StoreException.Kind;
import io.slipway.store.testing.TestClock;
import io.slipway.store.testing.memory.MemoryStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Two instances competing for one lease on a shared clock: who leads, when a frozen leader is
 * replaced, what it does when it wakes up, and how the epoch the winner takes fences the loser.
 */
class LeaseTermTest {
    private static final ElectionConfig CONFIG =
            new ElectionConfig("test", 0, "127.0.0.1", List.of(), null, 10_000, 2_000, 1_000);

    private final TestClock clock = TestClock.start();
    private final MemoryLeaseTable table = new MemoryLeaseTable(clock);
    private final MemoryStores stores = MemoryStores.create(clock);
    private final Member a = new Member("a");
    private final Member b = new Member("b");

    /** An instance whose listener takes a fencing epoch when elected, as starting the engine does. */
    private final class Member implements LeaderElection.Listener {
        final List<String> events = new ArrayList<>();
        final AtomicReference<Fence> fence = new AtomicReference<>();
        final LeaseTerm term;

        Member(String id) {
            term = new LeaseTerm(id, CONFIG, table, this, clock);
        }

        @Override
        public void elected() {
            events.add("elected");
            fence.set(result(stores.leaderEpoch().advance(events.toString())));
        }

        @Override
        public void deposed() {
            events.add("deposed");
        }

        @Override
        public void renewed() {
            events.add("renewed");
        }
    }

    @Test
    void theFirstClaimantLeadsAndRenewsWhileTheOtherStandsBy() {
        assertThat(a.term.tick()).isEqualTo(CONFIG.renewMs());
        assertThat(b.term.tick()).isEqualTo(CONFIG.claimMs());
        clock.advance(Duration.ofMillis(CONFIG.renewMs()));
        a.term.tick();

        assertThat(a.events).containsExactly("elected", "renewed");
        assertThat(b.events).isEmpty();
        assertThat(a.term.isLeader()).isTrue();
        assertThat(b.term.isLeader()).isFalse();
    }

    @Test
    void aFrozenLeaderIsReplacedAfterOneLeaseAndStepsDownWithoutClaimingWhenItWakes() {
        a.term.tick();
        clock.advance(Duration.ofMillis(CONFIG.leaseMs() - 1));
        b.term.tick();
        assertThat(b.events).isEmpty();
        assertThat(a.term.isLeader()).isTrue();

        clock.advance(Duration.ofMillis(1));
        assertThat(a.term.isLeader()).isFalse();
        b.term.tick();
        assertThat(b.events).containsExactly("elected");
        assertThat(table.holder()).isEqualTo("b");

        a.term.tick();
        assertThat(a.events).containsExactly("elected", "deposed");
        b.term.resign("test");
        a.term.tick();
        assertThat(table.holder()).isNull();
        clock.advance(Duration.ofMillis(CONFIG.leaseMs()));
        a.term.tick();
        assertThat(table.holder()).isEqualTo("a");
    }

    @Test
    void theWinnersEpochFencesEveryWriteOfTheLoser() {
        a.term.tick();
        Fence old = a.fence.get();
        result(stores.nodes().save(NodeState.initial("n1", "available", 3), old));
        clock.advance(Duration.ofMillis(CONFIG.leaseMs()));
        b.term.tick();
        Fence current = b.fence.get();

        assertThat(current.epoch()).isGreaterThan(old.epoch());
        NodeState stored = result(stores.nodes().find("n1"));
        assertThat(failureKind(stores.nodes().save(stored.withPower("on"), old)))
                .isEqualTo(Kind.FENCED);
        assertThat(result(stores.nodes().save(stored.withPower("on"), current)).power())
                .isEqualTo("on");
    }

    @Test
    void resigningHandsTheLeaseOverAtOnceAndWaitsOneLeaseBeforeClaimingAgain() {
        a.term.tick();
        a.term.resign("the engine could not start");
        b.term.tick();
        assertThat(b.events).containsExactly("elected");

        b.term.stop();
        a.term.tick();
        assertThat(a.events).containsExactly("elected", "deposed");
        clock.advance(Duration.ofMillis(CONFIG.leaseMs()));
        a.term.tick();
        assertThat(a.events).containsExactly("elected", "deposed", "elected");
    }

    @Test
    void anUnreachableTableKeepsTheLeaderUntilItsLeaseRunsOut() {
        a.term.tick();
        table.unreachable(true);
        clock.advance(Duration.ofMillis(CONFIG.renewMs()));
        assertThat(a.term.tick()).isEqualTo(CONFIG.renewMs());
        assertThat(a.term.isLeader()).isTrue();

        clock.advance(Duration.ofMillis(CONFIG.leaseMs()));
        a.term.tick();
        assertThat(a.events).containsExactly("elected", "deposed");
        assertThat(a.term.isLeader()).isFalse();
    }
}
