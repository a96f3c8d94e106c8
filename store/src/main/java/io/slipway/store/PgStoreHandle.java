package io.slipway.store;

import io.slipway.store.embedded.EmbeddedPostgresServer;
import io.slipway.store.pg.PgBootActionStore;
import io.slipway.store.pg.PgBuildDataStore;
import io.slipway.store.pg.PgDesignStore;
import io.slipway.store.pg.PgLeaderEpochStore;
import io.slipway.store.pg.PgNodeStateStore;
import io.slipway.store.pg.PgResultMessageStore;
import io.slipway.store.pg.PgTaskHistory;
import io.slipway.store.pg.PgTaskStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/**
 * The {@link StoreHandle} on Postgres: the process's one connection pool and every store on top of
 * it. Obtained from {@link Databases#open}; close it once, at shutdown.
 */
public final class PgStoreHandle implements StoreHandle {

    private final Vertx vertx;
    private final Pool pool;
    private final DatabaseEndpoint endpoint;
    private final EmbeddedPostgresServer server;
    private final TaskStore tasks;
    private final TaskHistory history;
    private final ResultMessageStore messages;
    private final DesignStore designs;
    private final NodeStateStore nodes;
    private final BootActionStore bootActions;
    private final BuildDataStore buildData;
    private final LeaderEpochStore leaderEpoch;
    private final SiteLockStore siteLocks;
    private final io.slipway.drivers.spi.state.DriverStateStore driverState;

    PgStoreHandle(Vertx vertx, Pool pool, DatabaseEndpoint endpoint, EmbeddedPostgresServer server) {
        this.vertx = vertx;
        this.pool = pool;
        this.endpoint = endpoint;
        this.server = server;
        this.tasks = new PgTaskStore(pool);
        this.history = new PgTaskHistory(pool);
        this.messages = new PgResultMessageStore(pool);
        this.designs = new PgDesignStore(pool);
        this.nodes = new PgNodeStateStore(pool);
        this.bootActions = new PgBootActionStore(pool);
        this.buildData = new PgBuildDataStore(pool);
        this.leaderEpoch = new PgLeaderEpochStore(pool);
        this.siteLocks = new io.slipway.store.pg.PgSiteLockStore(pool);
        this.driverState = new io.slipway.store.pg.PgDriverStateStore(pool);
    }

    @Override
    public TaskStore tasks() {
        return tasks;
    }

    @Override
    public TaskHistory history() {
        return history;
    }

    @Override
    public ResultMessageStore messages() {
        return messages;
    }

    @Override
    public DesignStore designs() {
        return designs;
    }

    @Override
    public NodeStateStore nodes() {
        return nodes;
    }

    @Override
    public io.slipway.drivers.spi.state.DriverStateStore driverState() {
        return driverState;
    }

    @Override
    public BootActionStore bootActions() {
        return bootActions;
    }

    @Override
    public BuildDataStore buildData() {
        return buildData;
    }

    @Override
    public LeaderEpochStore leaderEpoch() {
        return leaderEpoch;
    }

    @Override
    public SiteLockStore siteLocks() {
        return siteLocks;
    }

    /** The database in use (no password in its string form). */
    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    /** Closes the pool, then stops the embedded server if this handle started one (off the loop). */
    @Override
    public Future<Void> close() {
        return pool.close()
                .eventually(() -> server == null
                        ? Future.succeededFuture()
                        : vertx.executeBlocking(
                                () -> {
                                    server.close();
                                    return null;
                                },
                                false));
    }
}
