package io.slipway.store.testing.memory;

import io.slipway.store.StoreHandle;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * A {@link StoreHandle} held in memory, for unit tests of the engine and the API without Postgres.
 * Every store keeps the contract of its Pg implementation that callers can observe: fenced writes
 * fail with {@code FENCED} once the epoch moved on, versions are checked and bumped, foreign keys
 * give {@code NOT_FOUND}, unique keys {@code CONFLICT}; timestamps come from the given clock.
 * Outages and failing writes are injected through {@link #database()}.
 *
 * <p>Thread-safe; every future is complete when returned.
 */
public final class MemoryStores implements StoreHandle {

    private final MemoryDatabase db;
    private final MemoryDesignStore designs;
    private final MemoryTaskStore tasks;
    private final MemoryResultMessageStore messages;
    private final MemoryBuildDataStore buildData;
    private final MemoryBootActionStore bootActions;
    private final MemoryTaskHistory history;
    private final MemoryNodeStateStore nodes;
    private final MemoryLeaderEpochStore leaderEpoch;
    private final MemorySiteLockStore siteLocks;
    private final MemoryDriverStateStore driverState;

    private MemoryStores(Clock clock) {
        db = new MemoryDatabase(clock);
        designs = new MemoryDesignStore(db);
        tasks = new MemoryTaskStore(db, designs);
        messages = new MemoryResultMessageStore(db, tasks);
        buildData = new MemoryBuildDataStore(db, tasks);
        bootActions = new MemoryBootActionStore(db, tasks);
        history = new MemoryTaskHistory(db, tasks, messages, buildData, bootActions);
        nodes = new MemoryNodeStateStore(db);
        leaderEpoch = new MemoryLeaderEpochStore(db);
        siteLocks = new MemorySiteLockStore(db, designs);
        driverState = new MemoryDriverStateStore(db);
    }

    /** Empty stores, epoch 0, rows stamped by {@code clock}. */
    public static MemoryStores create(Clock clock) {
        return new MemoryStores(clock);
    }

    /** The shared state: leader holder, outages and failing writes. */
    public MemoryDatabase database() {
        return db;
    }

    @Override
    public MemoryTaskStore tasks() {
        return tasks;
    }

    @Override
    public MemoryTaskHistory history() {
        return history;
    }

    @Override
    public MemoryResultMessageStore messages() {
        return messages;
    }

    @Override
    public MemoryDesignStore designs() {
        return designs;
    }

    @Override
    public MemoryNodeStateStore nodes() {
        return nodes;
    }

    @Override
    public MemoryDriverStateStore driverState() {
        return driverState;
    }

    @Override
    public MemoryBootActionStore bootActions() {
        return bootActions;
    }

    @Override
    public MemoryBuildDataStore buildData() {
        return buildData;
    }

    @Override
    public MemoryLeaderEpochStore leaderEpoch() {
        return leaderEpoch;
    }

    @Override
    public MemorySiteLockStore siteLocks() {
        return siteLocks;
    }

    /** Nothing to release. */
    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
