package io.slipway.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One page of a task query; {@code next} is empty on the last page. */
public record TaskPage(List<Task> tasks, Optional<Cursor> next) {

    /** A keyset position: the (created, id) of the last task on a page. */
    public record Cursor(Instant created, UUID id) {}

    public TaskPage {
        tasks = List.copyOf(tasks);
    }

    /** Builds a page from up to {@code limit + 1} rows; the extra row only signals "more". */
    public static TaskPage of(List<Task> rows, int limit) {
        if (rows.size() <= limit) {
            return new TaskPage(rows, Optional.empty());
        }
        List<Task> page = rows.subList(0, limit);
        Task last = page.get(limit - 1);
        return new TaskPage(page, Optional.of(new Cursor(last.created(), last.id())));
    }
}
