package io.slipway.store.memory;

import static io.slipway.store.testing.Await.failureKind;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.Fence;
import io.slipway.store.NodeState;
import io.slipway.store.StoreException.Kind;
import io.slipway.store.testing.TestClock;
import io.slipway.store.testing.memory.MemoryStores;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The faults a unit test injects into the in-memory stores, and the clock that stamps their rows. */
class MemoryFaultsTest {

    private final TestClock clock = TestClock.start();
    private final MemoryStores stores = MemoryStores.create(clock);

    @Test
    void anOutageFailsReadsAndWritesAsUnavailableUntilItEnds() {
        Fence fence = result(stores.leaderEpoch().advance("a"));
        stores.database().unavailable(true);
        assertThat(failureKind(stores.nodes().list())).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failureKind(stores.nodes().save(NodeState.initial("n", "available", 3), fence)))
                .isEqualTo(Kind.UNAVAILABLE);

        stores.database().unavailable(false);
        assertThat(result(stores.nodes().save(NodeState.initial("n", "available", 3), fence))
                        .version())
                .isEqualTo(1);
    }

    @Test
    void failedWritesChangeNothingAndReadsStillWork() {
        Fence fence = result(stores.leaderEpoch().advance("a"));
        NodeState saved = result(stores.nodes().save(NodeState.initial("n", "available", 3), fence));
        stores.database().failNextWrites(2);

        assertThat(failureKind(stores.nodes().save(saved.withPower("on"), fence)))
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(failureKind(stores.designs().save("x", "y"))).isEqualTo(Kind.UNAVAILABLE);
        assertThat(result(stores.nodes().find("n"))).isEqualTo(saved);
        assertThat(result(stores.nodes().save(saved.withPower("on"), fence)).version())
                .isEqualTo(2);
    }

    @Test
    void rowsAreStampedByTheGivenClockAndTheHolderIsRecorded() {
        Fence fence = result(stores.leaderEpoch().advance("instance-a"));
        clock.advance(Duration.ofMinutes(5));
        NodeState saved = result(stores.nodes().save(NodeState.initial("n", "available", 3), fence));

        assertThat(saved.updated()).isEqualTo(TestClock.START.plus(Duration.ofMinutes(5)));
        assertThat(stores.database().holder()).isEqualTo("instance-a");
    }
}
