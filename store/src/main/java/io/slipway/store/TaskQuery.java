package io.slipway.store;

import java.time.Instant;
import java.util.Set;

/**
 * Filters and page position for {@link TaskHistory#query}. Empty sets and {@code null} bounds mean
 * "any". Pages run newest first; {@code after} is the {@link TaskPage#next()} of the previous page.
 */
public record TaskQuery(
        Set<String> statuses,
        Set<String> actions,
        boolean topLevelOnly,
        Instant createdFrom,
        Instant createdBefore,
        TaskPage.Cursor after,
        int limit) {

    public static final int DEFAULT_LIMIT = 100;

    public TaskQuery {
        statuses = Set.copyOf(statuses);
        actions = Set.copyOf(actions);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /** Every task, newest first, {@link #DEFAULT_LIMIT} per page. */
    public static TaskQuery all() {
        return new TaskQuery(Set.of(), Set.of(), false, null, null, null, DEFAULT_LIMIT);
    }

    public TaskQuery withStatuses(String... wanted) {
        return new TaskQuery(Set.of(wanted), actions, topLevelOnly, createdFrom, createdBefore, after, limit);
    }

    /** Only tasks in one of {@code wanted}. */
    public TaskQuery withStatuses(TaskStatus... wanted) {
        return withStatuses(
                java.util.Arrays.stream(wanted).map(TaskStatus::label).toArray(String[]::new));
    }

    public TaskQuery withActions(String... wanted) {
        return new TaskQuery(statuses, Set.of(wanted), topLevelOnly, createdFrom, createdBefore, after, limit);
    }

    public TaskQuery topLevel() {
        return new TaskQuery(statuses, actions, true, createdFrom, createdBefore, after, limit);
    }

    public TaskQuery createdBetween(Instant from, Instant before) {
        return new TaskQuery(statuses, actions, topLevelOnly, from, before, after, limit);
    }

    public TaskQuery page(TaskPage.Cursor position, int size) {
        return new TaskQuery(statuses, actions, topLevelOnly, createdFrom, createdBefore, position, size);
    }
}
