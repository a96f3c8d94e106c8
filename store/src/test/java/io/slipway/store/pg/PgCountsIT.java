package io.slipway.store.pg;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.Fence;
import io.slipway.store.NodeState;
import io.slipway.store.NodeStateStore;
import io.slipway.store.PurgeReport;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskCount;
import io.slipway.store.TaskHistory;
import io.slipway.store.TaskPage;
import io.slipway.store.TaskQuery;
import io.slipway.store.TaskStatus;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The aggregate counts metrics read agree with counting every row, which is what they replace. */
@ExtendWith(PostgresExtension.class)
class PgCountsIT {

    @Test
    void tasksAreCountedByActionStatusAndResultTopLevelOnly(StoreHandle store) {
        String action = "count_" + UUID.randomUUID();
        Task parent = null;
        for (int i = 0; i < 5; i++) {
            var status = i < 3 ? TaskStatus.COMPLETE : TaskStatus.QUEUED;
            Task t = result(store.tasks()
                    .create(Task.request(action, null, null, "it", null).withStatus(status)));
            parent = parent == null ? t : parent;
        }
        Task child = Task.request(action, null, null, "it", null).withStatus(TaskStatus.COMPLETE);
        result(store.tasks()
                .create(new Task(
                        child.id(),
                        parent.id(),
                        child.action(),
                        child.designRevision(),
                        child.nodeFilter(),
                        child.node(),
                        child.status(),
                        child.result(),
                        child.retry(),
                        child.created(),
                        child.createdBy(),
                        child.updated(),
                        child.terminated(),
                        child.terminatedBy(),
                        child.requestContext(),
                        child.terminate(),
                        child.version())));

        List<TaskCount> ours = result(store.history().countTopLevel()).stream()
                .filter(c -> c.action().equals(action))
                .toList();
        assertThat(ours)
                .extracting(TaskCount::status, TaskCount::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(String.valueOf(TaskStatus.COMPLETE), 3L),
                        org.assertj.core.groups.Tuple.tuple(String.valueOf(TaskStatus.QUEUED), 2L));
        assertThat(result(store.history().countTopLevel()))
                .containsExactlyInAnyOrderElementsOf(
                        result(paging(store.history()).countTopLevel()));
    }

    @Test
    void nodesAreCountedByState(StoreHandle store) {
        Fence fence = result(store.leaderEpoch().advance("counts-it"));
        String prefix = "count-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            result(store.nodes().save(NodeState.initial(prefix + "-" + i, "enrolled", 3), fence));
        }
        result(store.nodes().save(NodeState.initial(prefix + "-x", "quarantined", 0), fence));

        var counts = result(store.nodes().countByState());
        assertThat(counts.get("enrolled")).isGreaterThanOrEqualTo(3L);
        assertThat(counts.get("quarantined")).isGreaterThanOrEqualTo(1L);
        assertThat(counts).isEqualTo(result(listing(store.nodes()).countByState()));
    }

    /** The store's history with only {@code query}: the interface's paging count. */
    private static TaskHistory paging(TaskHistory pg) {
        return new TaskHistory() {
            @Override
            public Future<TaskPage> query(TaskQuery query) {
                return pg.query(query);
            }

            @Override
            public Future<PurgeReport> purge(Duration olderThan) {
                return pg.purge(olderThan);
            }
        };
    }

    /** The store's nodes with only {@code list}: the interface's listing count. */
    private static NodeStateStore listing(NodeStateStore pg) {
        return new NodeStateStore() {
            @Override
            public Future<NodeState> find(String nodeName) {
                return pg.find(nodeName);
            }

            @Override
            public Future<List<NodeState>> list() {
                return pg.list();
            }

            @Override
            public Future<NodeState> save(NodeState state, Fence fence) {
                return pg.save(state, fence);
            }

            @Override
            public Future<io.slipway.store.NodeEvent> append(io.slipway.store.NodeEvent event, Fence fence) {
                return pg.append(event, fence);
            }

            @Override
            public Future<List<io.slipway.store.NodeEvent>> timeline(String nodeName, long afterSeq, int limit) {
                return pg.timeline(nodeName, afterSeq, limit);
            }
        };
    }
}
