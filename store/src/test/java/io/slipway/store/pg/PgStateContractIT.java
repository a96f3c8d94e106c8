package io.slipway.store.pg;

import io.slipway.store.StoreHandle;
import io.slipway.store.contract.StateStoreContract;
import io.slipway.store.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The state contract on Postgres: what the in-memory stores are held to (MemoryStateStoresTest). */
@ExtendWith(PostgresExtension.class)
class PgStateContractIT extends StateStoreContract {

    private StoreHandle store;

    @BeforeEach
    void open(StoreHandle store) {
        this.store = store;
    }

    @Override
    protected StoreHandle store() {
        return store;
    }

    @Override
    protected void letTimePass() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
