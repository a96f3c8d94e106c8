package io.slipway.engine.orchestrator;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Failover recovery and the handling of failed writes, on the in-memory store. */
class RecoveryTest {
    private final OrchestratorFixture fx = new OrchestratorFixture();

    @Test
    void aNewLeaderResumesUnsettledNodesAndCountsTheSettledOnes() {
        OrchestratorFixture.Leader first = fx.lead("leader-1");
        Task deploy = fx.submit("deploy_nodes", fx.r1, "n1", "n2");
        first.poll();
        first.move("n1", LifecycleState.DEPLOYED);
        NodeObservation n1 = first.nodes().observation("n1");
        NodeObservation n2 = first.nodes().observation("n2");

        OrchestratorFixture.Leader second = fx.lead("leader-2", new SessionNodes().restoring(n1, n2));
        result(second.orchestrator().recover(fx.stores.history()));

        assertThat(second.orchestrator().running()).containsExactly(deploy.id());
        assertThat(second.nodes().taskOf("n2")).isEqualTo(deploy.id().toString());
        assertThat(second.nodes().taskOf("n1")).isNull();
        second.move("n2", LifecycleState.DEPLOYED);

        Task done = fx.task(deploy.id());
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(done.result().status()).isEqualTo(Voting.SUCCESS);
        assertThat(done.result().successes()).containsExactlyInAnyOrder("n1", "n2");
        assertThat(fx.subtasks(deploy.id()))
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(TaskStatus.COMPLETE));
    }

    @Test
    void theNodeComesFromTheSubtaskRecordNotItsFilter() {
        OrchestratorFixture.Leader first = fx.lead("leader-1");
        Task deploy = claimed(first, fx.submit("deploy_nodes", fx.r1, "n1", "n2"));
        // A filter naming another node than the one the subtask stands for: only the record counts.
        Task sub = Task.nodeSubtask(deploy, "deploy_nodes", "n3", NodeFilterJson.names(java.util.List.of("n1")))
                .withStatus(TaskStatus.RUNNING);
        result(fx.stores.tasks().createSubtask(sub, first.fence()));

        OrchestratorFixture.Leader second = fx.lead("leader-2");
        result(second.orchestrator().recover(fx.stores.history()));

        assertThat(second.nodes().intents).containsOnlyKeys("n3");
        assertThat(second.nodes().taskOf("n3")).isEqualTo(deploy.id().toString());
    }

    @Test
    void aSubtaskThatNamesNoNodeFailsItsTaskSayingWhich() {
        OrchestratorFixture.Leader first = fx.lead("leader-1");
        Task deploy = claimed(first, fx.submit("deploy_nodes", fx.r1, "n1"));
        Task anonymous = result(fx.stores
                .tasks()
                .createSubtask(
                        Task.subtask(deploy, "deploy_nodes", null).withStatus(TaskStatus.RUNNING), first.fence()));

        OrchestratorFixture.Leader second = fx.lead("leader-2");
        result(second.orchestrator().recover(fx.stores.history()));

        Task failed = fx.task(deploy.id());
        assertThat(failed.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(failed.result().status()).isEqualTo(Voting.FAILURE);
        assertThat(failed.result().reason()).contains("subtask " + anonymous.id() + " names no node");
        assertThat(second.orchestrator().running()).isEmpty();
        assertThat(second.nodes().intents).isEmpty();
    }

    @Test
    void aTaskClaimedButNeverStartedStartsAfresh() {
        OrchestratorFixture.Leader first = fx.lead("leader-1");
        Task deploy = claimed(first, fx.submit("deploy_nodes", fx.r1, "n1", "n2"));

        OrchestratorFixture.Leader second = fx.lead("leader-2");
        result(second.orchestrator().recover(fx.stores.history()));

        assertThat(fx.subtasks(deploy.id())).extracting(Task::node).containsExactlyInAnyOrder("n1", "n2");
        assertThat(second.nodes().taskOf("n1")).isEqualTo(deploy.id().toString());
    }

    @Test
    void aTaskWhoseNodesAllSettledBeforeTheCrashCompletesOnRecovery() {
        OrchestratorFixture.Leader first = fx.lead("leader-1");
        Task deploy = fx.submit("deploy_nodes", fx.r1, "n1");
        first.poll();
        Task sub = fx.subtasks(deploy.id()).get(0);
        // The subtask's end was written; the parent's final result was not (the leader died in between).
        result(fx.stores
                .tasks()
                .update(
                        sub.withStatus(TaskStatus.COMPLETE)
                                .withResult(io.slipway.store.TaskResult.of(
                                        Voting.SUCCESS, java.util.List.of("n1"), java.util.List.of())),
                        first.fence()));

        OrchestratorFixture.Leader second = fx.lead("leader-2");
        result(second.orchestrator().recover(fx.stores.history()));

        Task done = fx.task(deploy.id());
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(done.result().successes()).containsExactly("n1");
        assertThat(second.nodes().intents).isEmpty();
    }

    @Test
    void everyRunningTaskIsResumedBeyondOnePageOfThem() {
        OrchestratorFixture.Leader first = fx.lead("leader-1");
        java.util.List<Task> left = new java.util.ArrayList<>();
        for (int i = 0; i <= Recovery.PAGE; i++) {
            left.add(claimed(first, fx.submit("validate_design", fx.r1)));
        }

        OrchestratorFixture.Leader second = fx.lead("leader-2");
        result(second.orchestrator().recover(fx.stores.history()));

        assertThat(left).allSatisfy(t -> assertThat(fx.task(t.id()).status()).isEqualTo(TaskStatus.COMPLETE));
    }

    @Test
    void theOldLeadersWritesAreFencedAndNotKept() {
        OrchestratorFixture.Leader first = fx.lead("leader-1");
        Task deploy = fx.submit("deploy_nodes", fx.r1, "n1");
        first.poll();
        fx.lead("leader-2");

        first.move("n1", LifecycleState.DEPLOYED);

        assertThat(fx.task(deploy.id()).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(first.orchestrator().pendingWrites()).isZero();
    }

    @Test
    void aResultThatCannotBeWrittenIsWrittenAgainAtTheNextPoll() {
        OrchestratorFixture.Leader leader = fx.lead("leader-1");
        Task deploy = fx.submit("deploy_nodes", fx.r1, "n1");
        leader.poll();
        fx.stores.database().failNextWrites(1);
        leader.move("n1", LifecycleState.DEPLOYED);

        assertThat(fx.subtasks(deploy.id()).get(0).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(leader.orchestrator().pendingWrites()).isEqualTo(1);
        leader.poll();

        assertThat(fx.subtasks(deploy.id()).get(0).status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(fx.task(deploy.id()).result().status()).isEqualTo(Voting.SUCCESS);
        assertThat(leader.orchestrator().pendingWrites()).isZero();
    }

    private Task claimed(OrchestratorFixture.Leader leader, Task queued) {
        Task t = result(fx.stores.tasks().claimNext(Set.of(queued.action()), leader.fence()))
                .orElseThrow();
        assertThat(t.id()).isEqualTo(queued.id());
        return t;
    }
}
