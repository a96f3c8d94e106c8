package io.slipway.engine.orchestrator;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.node.LabNodeConfig;
import io.slipway.engine.TestDesigns;
import io.slipway.store.ResultMessage;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import io.slipway.store.testing.PostgresExtension;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task semantics: terminal status on errors, queueing of overlapping tasks, site design locks. */
@ExtendWith(PostgresExtension.class)
class TaskSemanticsIT {

    private static List<String> log(StoreHandle store, Task t) {
        return result(store.messages().list(t.id())).stream()
                .map(ResultMessage::message)
                .toList();
    }

    @Test
    void aTaskWhoseDesignCannotBeCompiledStillEnds(StoreHandle store) {
        try (EngineHarness h = new EngineHarness(store, LabNodeConfig.instant())) {
            h.start(EngineHarness.fastConfig());
            long broken = result(store.designs()
                            .save("broken.yaml", "---\nschema: drydock/Network/v1\nmetadata: [unclosed\n"))
                    .id();
            Task t = h.run(Actions.DEPLOY_NODES, broken, null);
            assertThat(t.status()).isEqualTo(TaskStatus.COMPLETE);
            assertThat(t.result().status()).isEqualTo("failure");
            assertThat(log(store, t))
                    .anySatisfy(m -> assertThat(m).contains("broken.yaml:4").contains("not valid YAML"));
            assertThat(io.slipway.store.testing.Await.failureKind(
                            h.engine.submit(Actions.DEPLOY_NODES, 987_654, null, "it")))
                    .isEqualTo(io.slipway.store.StoreException.Kind.NOT_FOUND);
        }
    }

    @Test
    void overlappingTasksQueueWhileDisjointOnesRunAtOnce(StoreHandle store) throws Exception {
        try (EngineHarness h = new EngineHarness(store, LabNodeConfig.latency(20))) {
            long rev = h.saveLabSite();
            h.start(EngineHarness.fastConfig());
            Task first = result(
                    h.engine.submit(Actions.PREPARE_NODES, rev, NodeFilterJson.names(List.of("ctl01", "cmp04")), "it"));
            Task overlapping =
                    result(h.engine.submit(Actions.VERIFY_NODES, rev, NodeFilterJson.names(List.of("cmp04")), "it"));
            Task disjoint =
                    result(h.engine.submit(Actions.VERIFY_NODES, rev, NodeFilterJson.names(List.of("stor10")), "it"));
            Task d = h.await(disjoint.id(), Duration.ofSeconds(60));
            Task f = h.await(first.id(), Duration.ofSeconds(60));
            Task o = h.await(overlapping.id(), Duration.ofSeconds(60));
            assertThat(List.of(d, f, o))
                    .allSatisfy(t -> assertThat(t.result().status()).isEqualTo("success"));
            assertThat(log(store, o)).anySatisfy(m -> assertThat(m).contains("waiting for task " + first.id()));
            assertThat(log(store, d)).noneSatisfy(m -> assertThat(m).contains("waiting"));
        }
    }

    @Test
    void aLockedSiteRunsNodeTasksOnItsLockedRevision(StoreHandle store) throws Exception {
        try (EngineHarness h = new EngineHarness(store, LabNodeConfig.instant())) {
            long locked = h.saveLabSite();
            h.start(EngineHarness.fastConfig());
            assertThat(h.run(Actions.PREPARE_SITE, locked, null).result().status())
                    .isEqualTo("success");
            String text = Files.readString(TestDesigns.repoRoot().resolve("site-examples/lab-site.yaml"));
            long newer = result(store.designs().save("lab-site-v2.yaml", text + "\n# revision 2\n"))
                    .id();

            Task verify = h.run(Actions.VERIFY_NODES, newer, NodeFilterJson.names(List.of("ctl02")));
            assertThat(verify.result().status()).isEqualTo("success");
            assertThat(log(store, verify))
                    .anySatisfy(m -> assertThat(m)
                            .contains("locked to design revision " + locked)
                            .contains("revision " + newer + " awaits approval"));
            assertThat(result(store.siteLocks().find("lab")).orElseThrow().pending())
                    .isEqualTo(newer);
            Task validate = h.run(Actions.VALIDATE_DESIGN, newer, null);
            assertThat(log(store, validate)).noneSatisfy(m -> assertThat(m).contains("locked"));
        }
    }
}
