package io.slipway.engine.orchestrator;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.node.LabNodeConfig;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import io.slipway.store.testing.PostgresExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A running task can be terminated; its unfinished subtasks end terminated too. */
@ExtendWith(PostgresExtension.class)
class TerminationIT {

    @Test
    void aTerminatedTaskStopsAndEndsTerminated(StoreHandle store) throws Exception {
        try (EngineHarness h = new EngineHarness(store, LabNodeConfig.latency(300))) {
            long rev = h.saveLabSite();
            h.start(EngineHarness.fastConfig());
            Task t = result(h.engine.submit(Actions.DEPLOY_NODES, rev, null, "it"));
            Thread.sleep(500);
            result(store.tasks().requestTermination(t.id(), "operator"));
            Task done = h.await(t.id(), Duration.ofSeconds(30));
            assertThat(done.status()).isEqualTo(TaskStatus.TERMINATED);
            assertThat(done.terminatedBy()).isEqualTo("operator");
            assertThat(result(store.tasks().subtasks(t.id())))
                    .hasSize(12)
                    .allSatisfy(s -> assertThat(s.status()).isIn(TaskStatus.TERMINATED, TaskStatus.COMPLETE));
        }
    }
}
