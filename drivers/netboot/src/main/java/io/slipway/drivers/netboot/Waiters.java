package io.slipway.drivers.netboot;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wakes whoever waits for a node's job to change (long polls, engine calls waiting for an agent). A
 * wait ends at the next change or after its bound, whichever comes first; waiters re-read the stored
 * job, so a missed wake-up costs at most one bound. Use from the driver's context only.
 */
final class Waiters {
    private final Vertx vertx;
    private final Map<String, List<Promise<Void>>> byNode = new HashMap<>();

    Waiters(Vertx vertx) {
        this.vertx = vertx;
    }

    Future<Void> next(String node, long maxMs) {
        Promise<Void> p = Promise.promise();
        byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(p);
        long timer = vertx.setTimer(Math.max(1, maxMs), t -> p.tryComplete());
        return p.future().onComplete(r -> {
            vertx.cancelTimer(timer);
            List<Promise<Void>> l = byNode.get(node);
            if (l != null) {
                l.remove(p);
                if (l.isEmpty()) {
                    byNode.remove(node);
                }
            }
        });
    }

    void changed(String node) {
        List<Promise<Void>> l = byNode.remove(node);
        if (l != null) {
            List.copyOf(l).forEach(Promise::tryComplete);
        }
    }
}
