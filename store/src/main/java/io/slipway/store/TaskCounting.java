package io.slipway.store;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link TaskHistory#countTopLevel()} by paging through {@link TaskHistory#query} (stores without SQL). */
final class TaskCounting {
    private static final int PAGE = 1_000;

    private TaskCounting() {}

    static Future<List<TaskCount>> count(TaskHistory history) {
        return page(history, TaskQuery.all().topLevel().page(null, PAGE), new LinkedHashMap<>());
    }

    private static Future<List<TaskCount>> page(TaskHistory history, TaskQuery q, Map<List<String>, Long> acc) {
        return history.query(q).compose(page -> {
            for (Task t : page.tasks()) {
                // Statuses as their stored labels.
                acc.merge(
                        List.of(
                                t.action(),
                                String.valueOf(t.status()),
                                String.valueOf(t.result().status())),
                        1L,
                        Long::sum);
            }
            return page.next().isPresent()
                    ? page(history, q.page(page.next().get(), PAGE), acc)
                    : Future.succeededFuture(counts(acc));
        });
    }

    private static List<TaskCount> counts(Map<List<String>, Long> acc) {
        List<TaskCount> out = new ArrayList<>();
        acc.forEach((k, n) -> out.add(new TaskCount(k.get(0), k.get(1), k.get(2), n)));
        return out;
    }
}
