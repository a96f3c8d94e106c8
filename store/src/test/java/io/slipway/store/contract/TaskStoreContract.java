package io.slipway.store.contract;

import static io.slipway.store.testing.Await.failureKind;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.Fence;
import io.slipway.store.ResultMessage;
import io.slipway.store.StoreException.Kind;
import io.slipway.store.Task;
import io.slipway.store.TaskPage;
import io.slipway.store.TaskQuery;
import io.slipway.store.TaskResult;
import io.slipway.store.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tasks, their messages and their history: versions, fencing, claiming, termination, purging. */
public abstract class TaskStoreContract extends StoreContract {

    @Test
    void createdTasksStartAtVersionZeroAndEveryUpdateBumpsTheVersion() {
        Fence fence = lead();
        Task task = queued(unique("act"));
        assertThat(task.version()).isZero();
        assertThat(task.created()).isNotNull();

        Task saved = result(
                store().tasks().update(task.withResult(TaskResult.of("success", List.of("n1"), List.of())), fence));
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.result().successes()).containsExactly("n1");
        assertThat(result(store().tasks().find(task.id()))).isEqualTo(saved);
    }

    @Test
    void staleVersionsConflictAndUnknownTasksAreNotFound() {
        Fence fence = lead();
        Task task = queued(unique("act"));
        result(store().tasks().update(task.withRetry(1), fence));

        assertThat(failureKind(store().tasks().update(task.withRetry(2), fence)))
                .isEqualTo(Kind.CONFLICT);
        assertThat(failureKind(store().tasks().create(task))).isEqualTo(Kind.CONFLICT);
        Task ghost = Task.request("x", null, null, "api", null);
        assertThat(failureKind(store().tasks().update(ghost, fence))).isEqualTo(Kind.NOT_FOUND);
        assertThat(failureKind(store().tasks().find(ghost.id()))).isEqualTo(Kind.NOT_FOUND);
        assertThat(failureKind(store().tasks().createSubtask(Task.subtask(ghost, "y", null), fence)))
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(failureKind(store().tasks().create(Task.request("x", Long.MAX_VALUE, null, "api", null))))
                .isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void aDeposedLeaderCanWriteNothing() {
        Fence old = lead();
        String action = unique("act");
        Task task = queued(action);
        Fence current = lead();

        assertThat(failureKind(store().tasks().claimNext(Set.of(action), old))).isEqualTo(Kind.FENCED);
        assertThat(failureKind(store().tasks().update(task.withRetry(1), old))).isEqualTo(Kind.FENCED);
        assertThat(failureKind(store().tasks().createSubtask(Task.subtask(task, "sub", null), old)))
                .isEqualTo(Kind.FENCED);
        assertThat(failureKind(store().messages().append(task.id(), List.of(ResultMessage.info("x")), old)))
                .isEqualTo(Kind.FENCED);
        assertThat(result(store().tasks().find(task.id()))).isEqualTo(task);
        assertThat(result(store().tasks().claimNext(Set.of(action), current)))
                .map(Task::id)
                .contains(task.id());
    }

    @Test
    void claimingTakesTheOldestQueuedTaskOfTheActionsOnce() {
        Fence fence = lead();
        String action = unique("act");
        Task first = queued(action);
        letTimePass();
        Task second = queued(action);
        queued(unique("other"));

        Task claimed = result(store().tasks().claimNext(Set.of(action), fence)).orElseThrow();
        assertThat(claimed.id()).isEqualTo(first.id());
        assertThat(claimed.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(claimed.version()).isEqualTo(1);
        assertThat(result(store().tasks().claimNext(Set.of(action), fence)))
                .map(Task::id)
                .contains(second.id());
        assertThat(result(store().tasks().claimNext(Set.of(action), fence))).isEmpty();
    }

    @Test
    void terminationIsRequestedOnceAndAnOlderCopyCannotSaveOverIt() {
        Fence fence = lead();
        Task task = queued(unique("act"));
        Task flagged = result(store().tasks().requestTermination(task.id(), "alice"));
        Task again = result(store().tasks().requestTermination(task.id(), "bob"));

        assertThat(flagged.terminate()).isTrue();
        assertThat(flagged.version()).isEqualTo(1);
        assertThat(again.version()).isEqualTo(1);
        assertThat(again.terminatedBy()).isEqualTo("alice");
        assertThat(failureKind(store().tasks().update(task.withRetry(1), fence)))
                .isEqualTo(Kind.CONFLICT);
        assertThat(failureKind(store().tasks().requestTermination(UUID.randomUUID(), "x")))
                .isEqualTo(Kind.NOT_FOUND);

        Task ended = result(store().tasks().update(again.markTerminated("orchestrator"), fence));
        assertThat(ended.status()).isEqualTo(TaskStatus.TERMINATED);
        assertThat(ended.terminated()).isNotNull();
        assertThat(ended.terminate()).isTrue();
        assertThat(ended.terminatedBy()).isEqualTo("orchestrator");
    }

    @Test
    void aSubtaskKeepsTheNodeItStandsFor() {
        Fence fence = lead();
        Task parent = queued(unique("act"));
        Task sub = result(store().tasks().createSubtask(Task.nodeSubtask(parent, "a", "n1", null), fence));
        assertThat(sub.node()).isEqualTo("n1");
        Task done = result(store().tasks().update(sub.withStatus(TaskStatus.COMPLETE), fence));
        assertThat(done.node()).isEqualTo("n1");
        assertThat(result(store().tasks().subtasks(parent.id())))
                .extracting(Task::node)
                .containsExactly("n1");
        assertThat(result(store().tasks().find(parent.id())).node()).isNull();
    }

    @Test
    void subtasksAndMessagesComeBackInOrder() {
        Fence fence = lead();
        Task parent = queued(unique("act"));
        Task a = result(store().tasks().createSubtask(Task.subtask(parent, "a", null), fence));
        letTimePass();
        Task b = result(store().tasks().createSubtask(Task.subtask(parent, "b", null), fence));
        assertThat(result(store().tasks().subtasks(parent.id()))).containsExactly(a, b);

        assertThat(result(store().messages().append(parent.id(), List.of(), fence)))
                .isZero();
        assertThat(result(store().messages()
                        .append(parent.id(), List.of(ResultMessage.info("one"), ResultMessage.error("two")), fence)))
                .isEqualTo(2);
        List<ResultMessage> all = result(store().messages().list(parent.id()));
        assertThat(all).extracting(ResultMessage::message).containsExactly("one", "two");
        assertThat(result(store().messages().page(parent.id(), all.get(0).seq(), 10)))
                .extracting(ResultMessage::message)
                .containsExactly("two");
        assertThat(failureKind(store().messages().append(UUID.randomUUID(), List.of(ResultMessage.info("x")), fence)))
                .isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void theHistoryFiltersAndPagesNewestFirst() {
        Fence fence = lead();
        String action = unique("act");
        Task older = queued(action);
        letTimePass();
        Task newer = queued(action);
        letTimePass();
        Task running = result(store().tasks().update(queued(action).withStatus(TaskStatus.RUNNING), fence));

        TaskQuery queuedOnly = TaskQuery.all().withActions(action).withStatuses(TaskStatus.QUEUED);
        TaskPage first = result(store().history().query(queuedOnly.page(null, 1)));
        assertThat(first.tasks()).extracting(Task::id).containsExactly(newer.id());
        TaskPage second =
                result(store().history().query(queuedOnly.page(first.next().orElseThrow(), 1)));
        assertThat(second.tasks()).extracting(Task::id).containsExactly(older.id());
        assertThat(second.next()).isEmpty();
        assertThat(result(store().history().query(TaskQuery.all().withActions(action)))
                        .tasks())
                .extracting(Task::id)
                .containsExactly(running.id(), newer.id(), older.id());
    }

    @Test
    void purgingRemovesFinishedTasksChildrenFirstAndKeepsUnfinishedOnes() {
        Fence fence = lead();
        Task parent = queued(unique("act"));
        Task child = result(store().tasks().createSubtask(Task.subtask(parent, "c", null), fence));
        Task running = queued(unique("act"));
        result(store().messages().append(parent.id(), List.of(ResultMessage.info("x")), fence));
        result(store().tasks().update(child.withStatus(TaskStatus.COMPLETE), fence));
        result(store().tasks().update(parent.withStatus(TaskStatus.COMPLETE), fence));
        result(store().tasks().update(running.withStatus(TaskStatus.RUNNING), fence));
        letTimePass();

        result(store().history().purge(Duration.ZERO));

        assertThat(failureKind(store().tasks().find(parent.id()))).isEqualTo(Kind.NOT_FOUND);
        assertThat(failureKind(store().tasks().find(child.id()))).isEqualTo(Kind.NOT_FOUND);
        assertThat(result(store().messages().list(parent.id()))).isEmpty();
        assertThat(result(store().tasks().find(running.id())).status()).isEqualTo(TaskStatus.RUNNING);
    }
}
