package io.slipway.engine.leadership;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LeaderElection} on an embedded Hazelcast member: the lease is one entry of the IMap
 * {@code slipway-leader}, taken and renewed by an entry processor that sets its time to live, so
 * it frees itself when the leader stops renewing. Hazelcast Open Source has no CP subsystem, so the
 * lease alone cannot be trusted during a partition; the store's fencing epoch makes it safe.
 *
 * <p>All Hazelcast calls run on one dedicated thread, never on an event loop.
 */
public final class HzLeaderElection implements LeaderElection {
    private static final Logger LOG = LoggerFactory.getLogger(HzLeaderElection.class);
    static final String MAP = "slipway-leader";
    static final String KEY = "site";

    private final ElectionConfig config;
    private final String instanceId = UUID.randomUUID().toString();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slipway-election");
        t.setDaemon(true);
        return t;
    });
    private volatile HazelcastInstance hz;
    private volatile boolean leader;
    private volatile boolean stopped;
    private volatile long validUntil;
    private volatile List<String> members = List.of();
    private long noClaimUntil;
    private Listener listener;

    public HzLeaderElection(ElectionConfig config) {
        this.config = config;
    }

    @Override
    public Future<Void> start(Listener l) {
        Promise<Void> joined = Promise.promise();
        thread.execute(() -> {
            try {
                listener = l;
                hz = Hazelcast.newHazelcastInstance(HzConfigs.of(config));
                members = readMembers();
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
        members = readMembers();
        long now = System.currentTimeMillis();
        // A process frozen past its lease must not act on its old belief, even for one more call.
        if (leader && now >= validUntil) {
            step(false, "the lease ran out before it could be renewed");
            // Just back from a freeze or a partition, this member may briefly see a cluster of its own;
            // claiming there would only fence the real leader. Let the cluster heal first.
            noClaimUntil = now + config.leaseMs();
        }
        if (!leader && now < noClaimUntil) {
            thread.schedule(this::tick, config.claimMs(), TimeUnit.MILLISECONDS);
            return;
        }
        try {
            boolean held = map().executeOnKey(KEY, new ClaimLease(instanceId, config.leaseMs()));
            boolean renewal = leader && held;
            if (held) {
                validUntil = now + config.leaseMs();
            }
            step(held, held ? "claimed the lease" : "another instance holds the lease");
            if (renewal) {
                listener.renewed();
            }
        } catch (RuntimeException e) {
            LOG.warn("lease {} failed: {}", leader ? "renewal" : "claim", e.toString());
        }
        thread.schedule(this::tick, leader ? config.renewMs() : config.claimMs(), TimeUnit.MILLISECONDS);
    }

    private void step(boolean nowLeader, String why) {
        if (nowLeader == leader) {
            return;
        }
        leader = nowLeader;
        LOG.info("instance {} is now {}: {}", instanceId, nowLeader ? "leader" : "standby", why);
        try {
            if (nowLeader) {
                listener.elected();
            } else {
                listener.deposed();
            }
        } catch (RuntimeException e) {
            LOG.error("leadership listener failed", e);
        }
    }

    private IMap<String, String> map() {
        return hz.getMap(MAP);
    }

    @Override
    public void resign() {
        thread.execute(() -> {
            if (stopped || !leader) {
                return;
            }
            step(false, "resigned");
            noClaimUntil = System.currentTimeMillis() + config.leaseMs();
            try {
                map().executeOnKey(KEY, new ReleaseLease(instanceId));
            } catch (RuntimeException e) {
                LOG.warn("could not release the lease: {}", e.toString());
            }
        });
    }

    @Override
    public boolean isLeader() {
        return leader && System.currentTimeMillis() < validUntil;
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

    private List<String> readMembers() {
        HazelcastInstance h = hz;
        if (h == null || !h.getLifecycleService().isRunning()) {
            return List.of();
        }
        return h.getCluster().getMembers().stream()
                .map(m -> m.getAddress().getHost() + ":" + m.getAddress().getPort())
                .toList();
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
                if (hz != null && leader) {
                    step(false, "stopping");
                    map().executeOnKey(KEY, new ReleaseLease(instanceId));
                }
            } catch (RuntimeException e) {
                LOG.warn("could not release the lease: {}", e.toString());
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
