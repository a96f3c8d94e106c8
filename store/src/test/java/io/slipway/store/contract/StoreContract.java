package io.slipway.store.contract;

import static io.slipway.store.testing.Await.result;

import io.slipway.store.DesignRevision;
import io.slipway.store.Fence;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import java.util.UUID;

/**
 * What every {@link StoreHandle} implementation must do alike, written once and run against Postgres
 * ({@code *IT}) and the in-memory stores ({@code *Test}). Tests share one database per class, so
 * every test uses names of its own.
 */
abstract class StoreContract {

    /** The stores under test. */
    protected abstract StoreHandle store();

    /** Lets the store's clock move forward by at least a millisecond. */
    protected abstract void letTimePass();

    /** A name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Fence lead() {
        return result(store().leaderEpoch().advance(unique("leader")));
    }

    DesignRevision design() {
        return result(store().designs().save("test", "# " + unique("design")));
    }

    Task queued(String action) {
        return result(store().tasks()
                .create(Task.request(action, null, null, "api", null).withStatus(TaskStatus.QUEUED)));
    }
}
