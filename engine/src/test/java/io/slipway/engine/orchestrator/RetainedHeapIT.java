package io.slipway.engine.orchestrator;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.drivers.lab.node.LabNodeConfig;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import io.slipway.store.testing.PostgresExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The leader's memory stays flat over many short tasks: 10,000 tasks (one-node verifications of
 * the 12-node lab site, several queued behind each other on the same node, and site validations)
 * run through the real engine and Postgres, and the heap retained after full collections is compared
 * between an early and a late window. Whatever the engine keeps per finished task (write chains,
 * subtask bookkeeping, rule facts, compiled revisions) shows up as growth proportional to the tasks
 * run between the two windows.
 */
@ExtendWith(PostgresExtension.class)
class RetainedHeapIT {
    private static final int TASKS = 10_000;
    private static final int WARM_UP = 2_000;
    private static final int PER_NODE = 3;
    /** Bytes retained per task beyond which the test fails: a leaked map entry per task is well above it. */
    private static final long MAX_BYTES_PER_TASK = 20;
    /** Rounds between new design revisions: every revision is compiled, used by tasks, then superseded. */
    private static final int REVISION_EVERY = 10;

    private static final List<String> NODES = List.of(
            "ctl01", "ctl02", "ctl03", "cmp04", "cmp05", "cmp06", "cmp07", "cmp08", "cmp09", "stor10", "stor11",
            "stor12");

    private long rev;
    private String labSite;

    @Test
    void retainedHeapStaysFlatOverTenThousandTasks(StoreHandle store) throws Exception {
        try (EngineHarness h = new EngineHarness(store, LabNodeConfig.instant())) {
            labSite = java.nio.file.Files.readString(
                    io.slipway.engine.TestDesigns.repoRoot().resolve("site-examples/lab-site.yaml"));
            rev = h.saveLabSite();
            h.start(EngineHarness.fastConfig());
            assertThat(h.run(Actions.VERIFY_NODES, rev, null).result().status()).isEqualTo("success");
            int done = 1;
            long started = System.nanoTime();
            done += runUntil(h, done, WARM_UP);
            long early = retainedHeap();
            long earlyAt = done;
            done += runUntil(h, done, (WARM_UP + TASKS) / 2);
            long middle = retainedHeap();
            done += runUntil(h, done, TASKS);
            long late = retainedHeap();
            double seconds = (System.nanoTime() - started) / 1e9;
            long perTask = (late - early) / (done - earlyAt);
            System.out.printf("retained bytes: %d, %d, %d%n", early, middle, late);
            System.out.printf(
                    "retained heap after %d tasks: %.2f MiB, after %d: %.2f MiB, after %d: %.2f MiB;"
                            + " %d bytes per task between the windows; %d tasks in %.0f s%n",
                    earlyAt,
                    early / 1048576.0,
                    (WARM_UP + TASKS) / 2,
                    middle / 1048576.0,
                    done,
                    late / 1048576.0,
                    perTask,
                    done,
                    seconds);
            assertThat(done).isGreaterThanOrEqualTo(TASKS);
            assertThat(perTask)
                    .as("bytes retained per task between %d and %d tasks", earlyAt, done)
                    .isLessThan(MAX_BYTES_PER_TASK);
        }
    }

    /** Runs rounds of tasks until {@code total} have run; returns how many ran. */
    private int runUntil(EngineHarness h, int done, int total) {
        int ran = 0;
        int round = 0;
        while (done + ran < total) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < PER_NODE; i++) {
                for (String node : NODES) {
                    ids.add(result(h.engine.submit(
                                    Actions.VERIFY_NODES, rev, NodeFilterJson.names(List.of(node)), "it"))
                            .id());
                }
            }
            if (round % 4 == 0) {
                ids.add(result(h.engine.submit(Actions.VALIDATE_DESIGN, rev, null, "it"))
                        .id());
            }
            if (++round % REVISION_EVERY == 0) {
                rev = result(h.store
                                .designs()
                                .save("lab-site-r" + round + ".yaml", labSite + "\n# round " + round + "\n"))
                        .id();
            }
            for (UUID id : ids) {
                Task t = h.await(id, java.time.Duration.ofSeconds(60));
                assertThat(t.status()).isEqualTo(TaskStatus.COMPLETE);
                assertThat(t.result().status()).as(t.toString()).isEqualTo("success");
            }
            ran += ids.size();
        }
        return ran;
    }

    /** Heap in use after full collections, once two in a row agree within 1%. */
    private static long retainedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            System.gc();
            Thread.sleep(200);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < used / 100) {
                return Math.min(previous, used);
            }
            previous = used;
        }
        return previous;
    }
}
