package io.slipway.store.memory;

import io.slipway.store.StoreHandle;
import io.slipway.store.contract.TaskStoreContract;
import io.slipway.store.testing.TestClock;
import io.slipway.store.testing.memory.MemoryStores;
import java.time.Duration;

/** The task contract on the in-memory stores (the same tests run on Postgres in PgTaskContractIT). */
class MemoryTaskStoreTest extends TaskStoreContract {

    private final TestClock clock = TestClock.start();
    private final MemoryStores stores = MemoryStores.create(clock);

    @Override
    protected StoreHandle store() {
        return stores;
    }

    @Override
    protected void letTimePass() {
        clock.advance(Duration.ofMillis(1));
    }
}
