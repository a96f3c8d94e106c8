package io.slipway.engine.leadership;

import io.slipway.engine.leadership.LeaderElection.Listener;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's view of the lease, one claim or renewal per {@link #tick()}, with time read from
 * the injected clock: it leads from a successful claim until a renewal fails or the lease runs out
 * unrenewed (a frozen process), and after losing or giving the lease up it does not claim again for
 * one lease time, so a member just back from a freeze or a partition does not fence the real leader
 * from a cluster of its own. Listener calls happen inside {@link #tick()} and {@link #resign()}.
 *
 * <p>Not thread-safe: every method but {@link #isLeader()} runs on the election's one thread.
 */
final class LeaseTerm {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseTerm.class);
    private final String instanceId;
    private final ElectionConfig config;
    private final LeaseTable table;
    private final Listener listener;
    private final Clock clock;
    private volatile boolean leader;
    private volatile long validUntil;
    private long noClaimUntil;

    LeaseTerm(String instanceId, ElectionConfig config, LeaseTable table, Listener listener, Clock clock) {
        this.instanceId = instanceId;
        this.config = config;
        this.table = table;
        this.listener = listener;
        this.clock = clock;
    }

    /** One claim or renewal; returns how long to wait (ms) before the next. */
    long tick() {
        long now = clock.millis();
        // A process frozen past its lease must not act on its old belief, even for one more call.
        if (leader && now >= validUntil) {
            step(false, "the lease ran out before it could be renewed");
            noClaimUntil = now + config.leaseMs();
        }
        if (!leader && now < noClaimUntil) {
            return config.claimMs();
        }
        try {
            boolean held = table.claim(instanceId, config.leaseMs());
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
        return leader ? config.renewMs() : config.claimMs();
    }

    /** Steps down and frees the lease (if held); no claim for one lease time. */
    void resign(String why) {
        if (!leader) {
            return;
        }
        step(false, why);
        noClaimUntil = clock.millis() + config.leaseMs();
        release();
    }

    /** Steps down and frees the lease (if held), for good (the instance is stopping). */
    void stop() {
        if (leader) {
            step(false, "stopping");
            release();
        }
    }

    /** Whether this instance held a valid lease at its last claim or renewal, by the clock. Any thread. */
    boolean isLeader() {
        return leader && clock.millis() < validUntil;
    }

    private void release() {
        try {
            table.release(instanceId);
        } catch (RuntimeException e) {
            LOG.warn("could not release the lease: {}", e.toString());
        }
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
}
