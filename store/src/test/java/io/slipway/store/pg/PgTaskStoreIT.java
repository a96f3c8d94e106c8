package io.slipway.store.pg;

import static io.slipway.store.testing.Await.failureKind;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.Fence;
import io.slipway.store.StoreException.Kind;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskResult;
import io.slipway.store.TaskStatus;
import io.slipway.store.TaskStore;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PgTaskStoreIT {

    private static TaskStore tasks;
    private static Fence fence;

    @BeforeAll
    static void open(StoreHandle store) {
        tasks = store.tasks();
        fence = result(store.leaderEpoch().advance("it"));
    }

    @Test
    void createdTaskRoundTrips() {
        JsonObject filter = new JsonObject().put("filter_set_type", "union");
        JsonObject context = new JsonObject().put("user", "shipyard").put("request_id", "r-1");
        Task requested = Task.request("deploy_nodes", null, filter, "shipyard", context);

        Task stored = result(tasks.create(requested));

        assertThat(stored.id()).isEqualTo(requested.id());
        assertThat(stored.status()).isEqualTo(TaskStatus.REQUESTED);
        assertThat(stored.result()).isEqualTo(TaskResult.incomplete());
        assertThat(stored.nodeFilter()).isEqualTo(filter);
        assertThat(stored.requestContext()).isEqualTo(context);
        assertThat(stored.created()).isNotNull();
        assertThat(result(tasks.find(requested.id()))).isEqualTo(stored);
    }

    @Test
    void sameIdTwiceIsAConflict() {
        Task task = queued("verify_site");
        assertThat(failureKind(tasks.create(task))).isEqualTo(Kind.CONFLICT);
    }

    @Test
    void unknownTaskIsNotFound() {
        assertThat(failureKind(tasks.find(UUID.randomUUID()))).isEqualTo(Kind.NOT_FOUND);
        assertThat(failureKind(tasks.requestTermination(UUID.randomUUID(), "ops")))
                .isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void updateIsOptimistic() {
        Task task = queued("prepare_site");
        Task done = task.withStatus(TaskStatus.COMPLETE)
                .withResult(TaskResult.of("partial_success", List.of("n1"), List.of("n2")));

        Task saved = result(tasks.update(done, fence));
        assertThat(saved.version()).isEqualTo(task.version() + 1);
        assertThat(saved.result().successes()).containsExactly("n1");
        assertThat(saved.result().failures()).containsExactly("n2");

        // A second writer still holding the old copy must reload instead of overwriting.
        assertThat(failureKind(tasks.update(task.withRetry(1), fence))).isEqualTo(Kind.CONFLICT);
        assertThat(result(tasks.find(task.id())).status()).isEqualTo(TaskStatus.COMPLETE);
    }

    @Test
    void updateOfAMissingTaskIsNotFound() {
        Task ghost = Task.request("noop", null, null, "x", null);
        assertThat(failureKind(tasks.update(ghost, fence))).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void terminationRequestForcesAReloadAndIsIdempotent() {
        Task task = queued("deploy_nodes");
        Task flagged = result(tasks.requestTermination(task.id(), "operator"));
        Task again = result(tasks.requestTermination(task.id(), "someone-else"));

        assertThat(flagged.terminate()).isTrue();
        assertThat(again.version()).isEqualTo(flagged.version());
        assertThat(again.terminatedBy()).isEqualTo("operator");
        assertThat(failureKind(tasks.update(task.withStatus(TaskStatus.RUNNING), fence)))
                .isEqualTo(Kind.CONFLICT);

        Task terminated = result(tasks.update(flagged.markTerminated("orchestrator"), fence));
        assertThat(terminated.status()).isEqualTo(TaskStatus.TERMINATED);
        assertThat(terminated.terminated()).isNotNull();
    }

    @Test
    void subtasksBelongToTheirParent() {
        Task parent = queued("deploy_nodes");
        Task first = result(tasks.createSubtask(Task.subtask(parent, "deploy_node", null), fence));
        Task second = result(tasks.createSubtask(Task.subtask(parent, "deploy_node", null), fence));

        assertThat(result(tasks.subtasks(parent.id()))).extracting(Task::id).containsExactly(first.id(), second.id());
        Task orphan = Task.subtask(Task.request("x", null, null, "x", null), "y", null);
        assertThat(failureKind(tasks.createSubtask(orphan, fence))).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void aSubtaskKeepsTheNodeItStandsFor() {
        Task parent = queued("deploy_nodes");
        Task sub = result(tasks.createSubtask(Task.nodeSubtask(parent, "deploy_nodes", "n1", null), fence));
        assertThat(sub.node()).isEqualTo("n1");

        Task updated = result(tasks.update(sub.withStatus(TaskStatus.COMPLETE), fence));
        assertThat(updated.node()).isEqualTo("n1");
        assertThat(result(tasks.subtasks(parent.id()))).extracting(Task::node).containsExactly("n1");
        assertThat(result(tasks.find(parent.id())).node()).isNull();
    }

    @Test
    void concurrentClaimsNeverShareATask() {
        String action = "claim_test_" + UUID.randomUUID();
        Set<UUID> queuedIds = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            queuedIds.add(queued(action).id());
        }
        List<Future<Optional<Task>>> claims = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            claims.add(tasks.claimNext(Set.of(action), fence));
        }
        List<UUID> claimed = new ArrayList<>();
        for (Future<Optional<Task>> claim : claims) {
            result(claim).ifPresent(t -> {
                assertThat(t.status()).isEqualTo(TaskStatus.RUNNING);
                claimed.add(t.id());
            });
        }
        assertThat(claimed).hasSize(20).doesNotHaveDuplicates();
        assertThat(new HashSet<>(claimed)).isEqualTo(queuedIds);
        assertThat(result(tasks.claimNext(Set.of(action), fence))).isEmpty();
    }

    @Test
    void claimTakesTheOldestQueuedTaskOfTheAllowedActions() {
        String action = "oldest_" + UUID.randomUUID();
        Task first = queued(action);
        queued(action);
        queued("other_" + UUID.randomUUID());

        Optional<Task> claimed = result(tasks.claimNext(Set.of(action), fence));
        assertThat(claimed).map(Task::id).contains(first.id());
    }

    private static Task queued(String action) {
        Task task = Task.request(action, null, null, "it", null).withStatus(TaskStatus.QUEUED);
        return result(tasks.create(task));
    }
}
