package io.slipway.engine.leadership;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.List;

/**
 * {@link LeaseTable} on an embedded Hazelcast member: the lease is one entry of the IMap {@code
 * slipway-leader}, taken and renewed by an entry processor that sets its time to live, so it frees
 * itself when the leader stops renewing.
 */
final class HzLeaseTable implements LeaseTable {
    static final String MAP = "slipway-leader";
    static final String KEY = "site";

    private final HazelcastInstance hz;

    HzLeaseTable(HazelcastInstance hz) {
        this.hz = hz;
    }

    @Override
    public boolean claim(String instanceId, long leaseMs) {
        return map().executeOnKey(KEY, new ClaimLease(instanceId, leaseMs));
    }

    @Override
    public void release(String instanceId) {
        map().executeOnKey(KEY, new ReleaseLease(instanceId));
    }

    @Override
    public List<String> members() {
        if (!hz.getLifecycleService().isRunning()) {
            return List.of();
        }
        return hz.getCluster().getMembers().stream()
                .map(m -> m.getAddress().getHost() + ":" + m.getAddress().getPort())
                .toList();
    }

    private IMap<String, String> map() {
        return hz.getMap(MAP);
    }
}
