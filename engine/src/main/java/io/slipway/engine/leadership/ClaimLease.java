package io.slipway.engine.leadership;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Takes or renews the lease atomically on the partition that owns it: succeeds when the lease is
 * free (never taken, or expired) or already ours, and then sets it to expire {@code leaseMs} from
 * now. Runs on every member that holds the entry, so it must stay serializable and free of state.
 */
record ClaimLease(String instanceId, long leaseMs) implements EntryProcessor<String, String, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, String> entry) {
        String holder = entry.getValue();
        if (holder != null && !holder.equals(instanceId)) {
            return false;
        }
        ((ExtendedMapEntry<String, String>) entry).setValue(instanceId, leaseMs, TimeUnit.MILLISECONDS);
        return true;
    }
}
