package io.slipway.engine.leadership;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/** Frees the lease if (and only if) this instance holds it, so a clean shutdown hands over at once. */
record ReleaseLease(String instanceId) implements EntryProcessor<String, String, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, String> entry) {
        if (!instanceId.equals(entry.getValue())) {
            return false;
        }
        entry.setValue(null);
        return true;
    }
}
