package io.slipway.engine.orchestrator;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.store.SiteLock;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Node reservations and site-lock pinning, on the in-memory store. */
class ReservationsTest {
    private final OrchestratorFixture fx = new OrchestratorFixture();
    private final OrchestratorFixture.Leader leader = fx.lead("leader-1");

    @Test
    void aTaskTakesAllItsNodesOrNone() {
        Reservations r = new Reservations();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        assertThat(r.take(first, List.of("n1", "n2"))).isEmpty();
        assertThat(r.take(second, List.of("n3", "n2"))).contains(first);
        assertThat(r.holder("n3")).isNull();
        assertThat(r.release("n2", second)).isFalse();
        assertThat(r.release("n2", first)).isTrue();
        assertThat(r.take(second, List.of("n3", "n2"))).isEmpty();
        assertThat(r.held()).isEqualTo(3);
    }

    @Test
    void anOverlappingTaskWaitsForTheTaskHoldingItsNodes() {
        Task deploy = fx.submit("deploy_nodes", fx.r1, "n1", "n2");
        Task destroy = fx.submit("destroy_nodes", fx.r1, "n2", "n3");
        leader.poll();

        assertThat(fx.subtasks(deploy.id())).extracting(Task::node).containsExactlyInAnyOrder("n1", "n2");
        assertThat(fx.subtasks(destroy.id())).isEmpty();
        assertThat(fx.log(destroy.id()))
                .containsExactly("waiting for task " + deploy.id() + ", which holds some of its nodes");
        assertThat(leader.nodes().taskOf("n3")).isNull();
        assertThat(leader.nodes().taskOf("n2")).isEqualTo(deploy.id().toString());

        leader.move("n1", LifecycleState.DEPLOYED);
        assertThat(fx.subtasks(destroy.id())).isEmpty();
        leader.move("n2", LifecycleState.DEPLOYED);

        assertThat(fx.task(deploy.id()).status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(fx.task(deploy.id()).result().successes()).containsExactly("n1", "n2");
        assertThat(fx.subtasks(destroy.id())).extracting(Task::node).containsExactlyInAnyOrder("n2", "n3");
        assertThat(leader.nodes().taskOf("n2")).isEqualTo(destroy.id().toString());
    }

    @Test
    void disjointTasksRunSideBySide() {
        Task first = fx.submit("deploy_nodes", fx.r1, "n1");
        Task second = fx.submit("deploy_nodes", fx.r1, "n2", "n3");
        leader.poll();

        assertThat(leader.orchestrator().running()).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(leader.nodes().taskOf("n1")).isEqualTo(first.id().toString());
        assertThat(leader.nodes().taskOf("n3")).isEqualTo(second.id().toString());
    }

    @Test
    void aTaskThatFailsReleasesItsNodesToTheTaskWaitingForThem() {
        Task deploy = fx.submit("deploy_nodes", fx.r1, "n1");
        Task verify = fx.submit("verify_nodes", fx.r1, "n1");
        leader.poll();
        leader.orchestrator().abandon("n1", "deploy aborted by an operator");

        Task failed = fx.task(deploy.id());
        assertThat(failed.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(failed.result().status()).isEqualTo(Voting.FAILURE);
        assertThat(failed.result().failures()).containsExactly("n1");
        assertThat(fx.subtasks(verify.id())).extracting(Task::node).containsExactlyInAnyOrder("n1");
        assertThat(leader.nodes().taskOf("n1")).isEqualTo(verify.id().toString());
    }

    @Test
    void aTaskWhoseSubtaskCannotBeWrittenFailsAndFreesItsNodes() {
        Task deploy = fx.submit("deploy_nodes", fx.r1, "n1", "n2");
        Task claimed = result(fx.stores.tasks().claimNext(Set.of("deploy_nodes"), leader.fence()))
                .orElseThrow();
        fx.stores.database().failNextWrites(1);
        leader.orchestrator().start(claimed);

        Task failed = fx.task(deploy.id());
        assertThat(failed.status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(failed.result().status()).isEqualTo(Voting.FAILURE);
        assertThat(failed.result().reason()).contains("database unavailable");
        assertThat(fx.subtasks(deploy.id())).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(TaskStatus.COMPLETE);
            assertThat(s.result().failures()).containsExactly(s.node());
        });
        assertThat(leader.orchestrator().running()).isEmpty();
        assertThat(leader.nodes().intents).isEmpty();
        assertThat(leader.orchestrator().pendingWrites()).isZero();
    }

    @Test
    void aLockedSiteRunsTasksOnItsLockedRevisionAndRecordsTheNewerOneAsPending() {
        String site = fx.sites.get(fx.r1).site();
        result(fx.stores.siteLocks().lock(site, fx.r1, "operator", leader.fence()));
        Task deploy = fx.submit("deploy_nodes", fx.r2, "n1");
        leader.poll();

        assertThat(leader.nodes().revisions).containsEntry("n1", fx.r1);
        SiteLock lock = result(fx.stores.siteLocks().find(site)).orElseThrow();
        assertThat(lock.revision()).isEqualTo(fx.r1);
        assertThat(lock.pending()).isEqualTo(fx.r2);
        assertThat(fx.log(deploy.id()).get(0))
                .isEqualTo("site " + site + " is locked to design revision " + fx.r1 + "; revision " + fx.r2
                        + " awaits approval, so this task uses " + fx.r1);
    }

    @Test
    void validationUsesItsOwnRevisionOnALockedSite() {
        String site = fx.sites.get(fx.r1).site();
        result(fx.stores.siteLocks().lock(site, fx.r1, "operator", leader.fence()));
        Task validate = fx.submit("validate_design", fx.r2);
        leader.poll();

        assertThat(fx.task(validate.id()).status()).isEqualTo(TaskStatus.COMPLETE);
        assertThat(result(fx.stores.siteLocks().find(site)).orElseThrow().pending())
                .isNull();
    }

    @Test
    void aNodeFilterNamingWhatTheRevisionLacksFailsBeforeAnyNodeIsTaken() {
        Task deploy = fx.submit("deploy_nodes", fx.r1, "n1", "ghost");
        leader.poll();

        Task failed = fx.task(deploy.id());
        assertThat(failed.result().status()).isEqualTo(Voting.FAILURE);
        assertThat(failed.result().reason()).contains("ghost");
        assertThat(fx.subtasks(deploy.id())).isEmpty();
        assertThat(leader.nodes().intents).isEmpty();
    }
}
