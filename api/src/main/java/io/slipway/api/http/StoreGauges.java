package io.slipway.api.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.slipway.store.StoreHandle;
import io.slipway.store.TaskCount;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gauges read from the store when Prometheus scrapes, at most once per {@link #TTL_MS} so frequent
 * scrapes (or several Prometheus servers) do not load the database; each refresh is two aggregate
 * queries, whatever the number of nodes and tasks:
 *
 * <ul>
 *   <li>{@code slipway_nodes{state}}: nodes by lifecycle state ({@code NodeStateStore.countByState});
 *   <li>{@code slipway_tasks{action,status,result}}: every stored top-level task ({@code
 *       TaskHistory.countTopLevel}; task retention bounds the table);
 *   <li>{@code slipway_store_up}: 1 when the last read succeeded, 0 when the gauges above are stale.
 * </ul>
 *
 * Counting from the store (rather than counting completions) keeps the numbers identical on every
 * instance, leader or standby, and right across restarts. Thread-safe.
 */
final class StoreGauges {
    static final long TTL_MS = 5_000;
    private final StoreHandle store;
    private final MultiGauge nodes;
    private final MultiGauge tasks;
    private final AtomicInteger up = new AtomicInteger();
    private Future<Void> last;
    private long lastAt;

    StoreGauges(StoreHandle store, MeterRegistry registry) {
        this.store = store;
        this.nodes = MultiGauge.builder("slipway.nodes")
                .description("Nodes by lifecycle state")
                .register(registry);
        this.tasks = MultiGauge.builder("slipway.tasks")
                .description("Stored top-level tasks by action, status and result")
                .register(registry);
        Gauge.builder("slipway.store.up", up, AtomicInteger::get)
                .description("1 if the store answered the last scrape")
                .register(registry);
    }

    /** Re-reads the store unless the last read is recent; never fails (a failure leaves the old values). */
    synchronized Future<Void> refresh() {
        long now = System.currentTimeMillis();
        if (last == null || now - lastAt >= TTL_MS) {
            lastAt = now;
            last = Future.all(
                            store.nodes().countByState().onSuccess(counts -> nodes.register(nodeRows(counts), true)),
                            store.history().countTopLevel().onSuccess(counts -> tasks.register(taskRows(counts), true)))
                    .onComplete(ar -> up.set(ar.succeeded() ? 1 : 0))
                    .<Void>mapEmpty()
                    .otherwiseEmpty();
        }
        return last;
    }

    private static List<MultiGauge.Row<?>> nodeRows(Map<String, Long> counts) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((state, n) -> rows.add(MultiGauge.Row.of(Tags.of("state", state), n)));
        return rows;
    }

    private static List<MultiGauge.Row<?>> taskRows(List<TaskCount> counts) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (TaskCount c : counts) {
            Tags tags = Tags.of("action", c.action(), "status", c.status(), "result", c.resultStatus());
            rows.add(MultiGauge.Row.of(tags, c.count()));
        }
        return rows;
    }
}
