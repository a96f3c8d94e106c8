package io.slipway.api.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskPage;
import io.slipway.store.TaskQuery;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gauges read from the store when Prometheus scrapes, at most once per {@link #TTL_MS} so frequent
 * scrapes (or several Prometheus servers) do not load the database:
 *
 * <ul>
 *   <li>{@code slipway_nodes{state}}: nodes by lifecycle state, from the node list;
 *   <li>{@code slipway_tasks{action,status,result}}: stored top-level tasks, newest first, up to
 *       {@link #MAX_TASKS} (task retention bounds the table; beyond the cap older tasks are left out);
 *   <li>{@code slipway_store_up}: 1 when the last read succeeded, 0 when the gauges above are stale.
 * </ul>
 *
 * Counting from the store (rather than counting completions) keeps the numbers identical on every
 * instance, leader or standby, and right across restarts. Thread-safe.
 */
final class StoreGauges {
    static final long TTL_MS = 5_000;
    static final int PAGE = 1_000;
    static final int MAX_TASKS = 20_000;
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
                            store.nodes().list().onSuccess(list -> {
                                Map<String, Long> byState = new HashMap<>();
                                list.forEach(n -> byState.merge(String.valueOf(n.lifecycleState()), 1L, Long::sum));
                                nodes.register(rows(byState, "state"), true);
                            }),
                            countTasks(TaskQuery.all().topLevel().page(null, PAGE), new HashMap<>(), 0)
                                    .onSuccess(
                                            counts -> tasks.register(rows(counts, "action", "status", "result"), true)))
                    .onComplete(ar -> up.set(ar.succeeded() ? 1 : 0))
                    .<Void>mapEmpty()
                    .otherwiseEmpty();
        }
        return last;
    }

    private Future<Map<String, Long>> countTasks(TaskQuery q, Map<String, Long> acc, int seen) {
        return store.history().query(q).compose(page -> {
            for (Task t : page.tasks()) {
                acc.merge(t.action() + "\n" + t.status() + "\n" + t.result().status(), 1L, Long::sum);
            }
            int total = seen + page.tasks().size();
            java.util.Optional<TaskPage.Cursor> next = page.next();
            return next.isPresent() && total < MAX_TASKS
                    ? countTasks(q.page(next.get(), PAGE), acc, total)
                    : Future.succeededFuture(acc);
        });
    }

    /** Rows of a multi-gauge from counts keyed by the tag values joined with newlines. */
    private static List<MultiGauge.Row<?>> rows(Map<String, Long> counts, String... tagNames) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((key, n) -> {
            String[] values = key.split("\n", -1);
            Tags tags = Tags.empty();
            for (int i = 0; i < tagNames.length; i++) {
                tags = tags.and(tagNames[i], values[i]);
            }
            rows.add(MultiGauge.Row.of(tags, n));
        });
        return rows;
    }
}
