package io.slipway.store.pg;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.DatabaseEndpoint;
import io.slipway.store.Fence;
import io.slipway.store.PurgeReport;
import io.slipway.store.ResultMessage;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskPage;
import io.slipway.store.TaskQuery;
import io.slipway.store.TaskStatus;
import io.slipway.store.testing.PostgresExtension;
import io.slipway.store.testing.TestDatabase;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PgTaskHistoryIT {

    @Test
    void queryFiltersAndPagesNewestFirst(StoreHandle store) {
        String action = "history_" + UUID.randomUUID();
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            TaskStatus status = i % 2 == 0 ? TaskStatus.COMPLETE : TaskStatus.QUEUED;
            created.add(result(store.tasks()
                            .create(Task.request(action, null, null, "it", null).withStatus(status)))
                    .id());
        }
        TaskQuery query = TaskQuery.all().withActions(action).page(null, 3);

        List<UUID> seen = new ArrayList<>();
        TaskPage page = result(store.history().query(query));
        seen.addAll(page.tasks().stream().map(Task::id).toList());
        while (page.next().isPresent()) {
            page = result(store.history().query(query.page(page.next().get(), 3)));
            seen.addAll(page.tasks().stream().map(Task::id).toList());
        }
        assertThat(seen).containsExactlyElementsOf(reversed(created));

        TaskPage complete =
                result(store.history().query(TaskQuery.all().withActions(action).withStatuses(TaskStatus.COMPLETE)));
        assertThat(complete.tasks()).hasSize(4).allMatch(t -> t.status().equals(TaskStatus.COMPLETE));
        assertThat(complete.next()).isEmpty();
    }

    @Test
    void purgeRemovesOnlyOldFinishedTasksInBatches(StoreHandle store, TestDatabase db) throws SQLException {
        Fence fence = result(store.leaderEpoch().advance("it"));
        Task oldParent = finished(store, "deploy_nodes");
        Task oldChild = result(store.tasks().createSubtask(Task.subtask(oldParent, "deploy_node", null), fence));
        result(store.tasks().update(oldChild.withStatus(TaskStatus.COMPLETE), fence));
        Task oldRunning = result(store.tasks()
                .create(Task.request("deploy_nodes", null, null, "it", null).withStatus(TaskStatus.RUNNING)));
        Task recent = finished(store, "verify_site");
        List<ResultMessage> batch = IntStream.range(0, 250)
                .mapToObj(i -> ResultMessage.info("m" + i))
                .toList();
        result(store.messages().append(oldParent.id(), batch, fence));
        result(store.messages().append(oldChild.id(), batch, fence));
        result(store.messages().append(recent.id(), batch, fence));
        backdate(db.endpoint(), Duration.ofDays(40), oldParent.id(), oldChild.id(), oldRunning.id());

        // A small batch size forces many batches out of a few hundred rows.
        Pool pool = PgBuilder.pool()
                .connectingTo(db.endpoint().connectOptions())
                .using(db.vertx())
                .build();
        PurgeReport report;
        try {
            report = result(new PgTaskHistory(pool, 100).purge(Duration.ofDays(30)));
        } finally {
            result(pool.close());
        }

        assertThat(report.tasks()).isEqualTo(2);
        assertThat(report.messages()).isEqualTo(500);
        assertThat(report.batches()).isGreaterThanOrEqualTo(7);
        assertThat(result(store.tasks().find(oldRunning.id())).id()).isEqualTo(oldRunning.id());
        assertThat(result(store.messages().list(recent.id()))).hasSize(250);
        assertThat(result(store.history().purge(Duration.ofDays(30)))).isEqualTo(PurgeReport.empty());
    }

    private static Task finished(StoreHandle store, String action) {
        return result(store.tasks()
                .create(Task.request(action, null, null, "it", null).withStatus(TaskStatus.COMPLETE)));
    }

    private static void backdate(DatabaseEndpoint db, Duration age, UUID... ids) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement s = c.prepareStatement(
                        "UPDATE task SET updated = now() - make_interval(days => ?) WHERE id = ANY(?)")) {
            s.setInt(1, (int) age.toDays());
            s.setArray(2, c.createArrayOf("uuid", ids));
            s.executeUpdate();
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
