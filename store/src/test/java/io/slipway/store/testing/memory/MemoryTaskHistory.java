package io.slipway.store.testing.memory;

import io.slipway.store.PurgeReport;
import io.slipway.store.Task;
import io.slipway.store.TaskHistory;
import io.slipway.store.TaskPage;
import io.slipway.store.TaskQuery;
import io.slipway.store.TaskStatus;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@link TaskHistory} in memory, as {@code PgTaskHistory}: pages newest first by (created, id), and
 * purging removes messages first, then finished childless tasks idle for longer than the age, until a
 * pass finds nothing (so a parent goes once its children went).
 */
public final class MemoryTaskHistory implements TaskHistory {

    private static final Comparator<Task> NEWEST_FIRST =
            Comparator.comparing(Task::created).thenComparing(Task::id).reversed();

    private final MemoryDatabase db;
    private final MemoryTaskStore tasks;
    private final MemoryResultMessageStore messages;
    private final MemoryBuildDataStore buildData;
    private final MemoryBootActionStore bootActions;

    MemoryTaskHistory(
            MemoryDatabase db,
            MemoryTaskStore tasks,
            MemoryResultMessageStore messages,
            MemoryBuildDataStore buildData,
            MemoryBootActionStore bootActions) {
        this.db = db;
        this.tasks = tasks;
        this.messages = messages;
        this.buildData = buildData;
        this.bootActions = bootActions;
    }

    @Override
    public Future<TaskPage> query(TaskQuery query) {
        return db.read(
                "querying tasks",
                () -> TaskPage.of(
                        tasks.all()
                                .filter(matches(query))
                                .sorted(NEWEST_FIRST)
                                .limit(query.limit() + 1L)
                                .toList(),
                        query.limit()));
    }

    @Override
    public Future<PurgeReport> purge(Duration olderThan) {
        return db.write("purging old tasks", () -> {
            PurgeReport report = PurgeReport.empty();
            Instant cutoff = db.now().minus(olderThan);
            for (Set<UUID> batch = purgeable(cutoff); !batch.isEmpty(); batch = purgeable(cutoff)) {
                int removed = messages.remove(batch);
                if (removed > 0) {
                    report = report.plusMessages(removed);
                }
                buildData.forget(batch);
                bootActions.forget(batch);
                tasks.remove(batch);
                report = report.plusTasks(batch.size());
            }
            return report;
        });
    }

    private Set<UUID> purgeable(Instant cutoff) {
        Set<UUID> parents =
                tasks.all().map(Task::parentId).filter(p -> p != null).collect(Collectors.toSet());
        return tasks.all()
                .filter(t -> TaskStatus.finished(t.status()) && t.updated().isBefore(cutoff))
                .map(Task::id)
                .filter(id -> !parents.contains(id))
                .collect(Collectors.toSet());
    }

    private static Predicate<Task> matches(TaskQuery q) {
        return t -> (q.statuses().isEmpty() || q.statuses().contains(String.valueOf(t.status())))
                && (q.actions().isEmpty() || q.actions().contains(t.action()))
                && (!q.topLevelOnly() || t.parentId() == null)
                && (q.createdFrom() == null || !t.created().isBefore(q.createdFrom()))
                && (q.createdBefore() == null || t.created().isBefore(q.createdBefore()))
                && (q.after() == null || before(t, q.after()));
    }

    /** (created, id) < cursor, in Postgres' row comparison; UUIDs compare as unsigned bytes there. */
    private static boolean before(Task t, TaskPage.Cursor cursor) {
        int byTime = t.created().compareTo(cursor.created());
        return byTime < 0 || (byTime == 0 && unsigned(t.id(), cursor.id()) < 0);
    }

    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
