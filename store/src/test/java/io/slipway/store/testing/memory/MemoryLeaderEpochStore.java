package io.slipway.store.testing.memory;

import io.slipway.store.Fence;
import io.slipway.store.LeaderEpochStore;
import io.vertx.core.Future;

/** {@link LeaderEpochStore} in memory: the epoch starts at 0, as the migrated {@code leader} row does. */
public final class MemoryLeaderEpochStore implements LeaderEpochStore {

    private final MemoryDatabase db;

    MemoryLeaderEpochStore(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Future<Fence> advance(String instanceId) {
        return db.write("advancing the leader epoch", () -> Fence.of(db.advance(instanceId)));
    }

    @Override
    public Future<Fence> current() {
        return db.read("reading the leader epoch", () -> Fence.of(db.epoch()));
    }
}
