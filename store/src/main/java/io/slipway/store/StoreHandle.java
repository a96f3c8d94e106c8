package io.slipway.store;

import io.slipway.drivers.spi.state.DriverStateStore;
import io.vertx.core.Future;

/**
 * Every store of one Slipway database, as the engine and the API see it. {@link PgStoreHandle} (from
 * {@link Databases#open}) is the product's; an in-memory one for unit tests ships in the store
 * test-jar ({@code io.slipway.store.testing.memory}).
 *
 * <p>The accessors return the same instance on every call and may be called from any thread. Each
 * store's contract (threads, fencing, idempotence, failure kinds) is stated on its interface; an
 * implementation honours all of it, fencing and versions included.
 */
public interface StoreHandle {

    TaskStore tasks();

    TaskHistory history();

    ResultMessageStore messages();

    DesignStore designs();

    NodeStateStore nodes();

    /** Durable state of the drivers (netboot jobs and tokens). */
    DriverStateStore driverState();

    BootActionStore bootActions();

    BuildDataStore buildData();

    LeaderEpochStore leaderEpoch();

    SiteLockStore siteLocks();

    /** Releases what the handle holds (connections, an embedded server). Call once, at shutdown. */
    Future<Void> close();
}
