package io.slipway.engine.dispatch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The steps in flight: at most one per node, at most {@link Limits#global()} in all and {@link
 * Limits#perRack()} per rack. Confined to the dispatcher's context.
 */
final class Capacity {
    private final Limits limits;
    private final Set<String> busy = new HashSet<>();
    private final Map<String, Integer> rackLoad = new HashMap<>();

    Capacity(Limits limits) {
        this.limits = limits;
    }

    boolean busy(String node) {
        return busy.contains(node);
    }

    int inFlight() {
        return busy.size();
    }

    /** Whether one more step may start in {@code rack} now. */
    boolean roomIn(String rack) {
        return busy.size() < limits.global() && rackLoad.getOrDefault(rack, 0) < limits.perRack();
    }

    void take(String node, String rack) {
        busy.add(node);
        rackLoad.merge(rack, 1, Integer::sum);
    }

    void release(String node, String rack) {
        busy.remove(node);
        rackLoad.merge(rack, -1, Integer::sum);
    }
}
