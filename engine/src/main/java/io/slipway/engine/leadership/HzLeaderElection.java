package io.slipway.engine.leadership;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LeaderElection} on an embedded Hazelcast member: the lease lives in a {@link HzLeaseTable}
 * and is claimed and renewed by a {@link LeaseTerm}. Hazelcast Open Source has no CP subsystem, so
 * the lease alone cannot be trusted during a partition; the store's fencing epoch makes it safe.
 *
 * <p>All Hazelcast calls run on one dedicated thread, never on an event loop.
 */
public final class HzLeaderElection implements LeaderElection {
    private static final Logger LOG = LoggerFactory.getLogger(HzLeaderElection.class);

    private final ElectionConfig config;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slipway-election");
        t.setDaemon(true);
        return t;
    });
    private volatile HazelcastInstance hz;
    private volatile LeaseTable table;
    private volatile LeaseTerm term;
    private volatile boolean stopped;
    private volatile List<String> members = List.of();

    public HzLeaderElection(ElectionConfig config) {
        this(config, Clock.systemUTC());
    }

    /** With the clock the lease's validity is read from. */
    public HzLeaderElection(ElectionConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Future<Void> start(Listener l) {
        Promise<Void> joined = Promise.promise();
        thread.execute(() -> {
            try {
                hz = Hazelcast.newHazelcastInstance(HzConfigs.of(config));
                table = new HzLeaseTable(hz);
                term = new LeaseTerm(instanceId, config, table, l, clock);
                members = table.members();
                LOG.info(
                        "instance {} joined cluster {} with {} member(s)",
                        instanceId,
                        config.clusterName(),
                        members.size());
                joined.complete();
                thread.execute(this::tick);
            } catch (RuntimeException e) {
                joined.fail(e);
            }
        });
        return joined.future();
    }

    /** One claim or renewal; schedules the next. */
    private void tick() {
        if (stopped) {
            return;
        }
        members = table.members();
        thread.schedule(this::tick, term.tick(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void resign() {
        thread.execute(() -> {
            if (!stopped && term != null) {
                term.resign("resigned");
            }
        });
    }

    @Override
    public boolean isLeader() {
        LeaseTerm t = term;
        return t != null && t.isLeader();
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    /** Refreshed on the election thread at every tick, so readers (health routes) never call Hazelcast. */
    @Override
    public List<String> members() {
        return members;
    }

    @Override
    public Future<Void> stop() {
        if (stopped) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        stopped = true;
        thread.execute(() -> {
            try {
                if (term != null) {
                    term.stop();
                }
            } finally {
                if (hz != null) {
                    hz.shutdown();
                }
                thread.shutdown();
                done.complete();
            }
        });
        return done.future();
    }
}
