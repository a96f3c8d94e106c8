package io.slipway.engine.leadership;

import java.time.Clock;
import java.util.List;

/**
 * The lease entry of {@link HzLeaseTable} held in memory: free when never taken or past its expiry
 * on the shared clock, as the IMap entry's time to live makes it. Thread-safe.
 */
final class MemoryLeaseTable implements LeaseTable {
    private final Clock clock;
    private String holder;
    private long expiresAt;
    private boolean unreachable;

    MemoryLeaseTable(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean claim(String instanceId, long leaseMs) {
        if (unreachable) {
            throw new IllegalStateException("the cluster cannot be reached");
        }
        long now = clock.millis();
        if (holder != null && now < expiresAt && !holder.equals(instanceId)) {
            return false;
        }
        holder = instanceId;
        expiresAt = now + leaseMs;
        return true;
    }

    @Override
    public synchronized void release(String instanceId) {
        if (instanceId.equals(holder)) {
            holder = null;
        }
    }

    @Override
    public List<String> members() {
        return List.of("127.0.0.1:0");
    }

    synchronized String holder() {
        return holder != null && clock.millis() < expiresAt ? holder : null;
    }

    synchronized void unreachable(boolean down) {
        unreachable = down;
    }
}
