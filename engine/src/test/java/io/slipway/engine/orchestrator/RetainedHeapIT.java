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
 * the 12-node lab site, several queued behind each other on the same node, site validations, and a
 * new design revision every few rounds) run through the real engine and Postgres. The heap retained
 * after full collections is sampled every 1,000 tasks from 2,000 on, and the least-squares slope
 * over the samples is the bytes kept per task: whatever the engine keeps per finished task (write
 * chains, subtask bookkeeping, rule facts, compiled revisions) shows up there.
 */
@ExtendWith(PostgresExtension.class)
class RetainedHeapIT {
    private static final int TASKS = 10_000;
    private static final int WARM_UP = 2_000;
    private static final int PER_NODE = 3;
    private static final int WINDOW = 1_000;
    /**
     * Bytes retained per task beyond which the test fails: a leaked map entry per task is above it,
     * and so is an unbounded revision cache (one compiled lab site per {@link #REVISION_EVERY} rounds).
     */
    private static final double MAX_BYTES_PER_TASK = 40;
    /** Rounds between new design revisions: every revision is compiled, used by tasks, then superseded. */
    private static final int REVISION_EVERY = 5;

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
            List<long[]> samples = new ArrayList<>();
            for (int window = WARM_UP; window <= TASKS; window += WINDOW) {
                done += runUntil(h, done, window);
                samples.add(new long[] {done, retainedHeap()});
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double perTask = slope(samples);
            System.out.printf(
                    "retained heap (MiB) by tasks run: %s; %.1f bytes per task (least squares); %d tasks in %.0f s%n",
                    samples.stream()
                            .map(x -> x[0] + "=" + String.format("%.2f", x[1] / 1048576.0))
                            .toList(),
                    perTask,
                    done,
                    seconds);
            assertThat(done).isGreaterThanOrEqualTo(TASKS);
            assertThat(h.engine.sites().size())
                    .as("compiled revisions held: the one the nodes use and the recent ones")
                    .isLessThanOrEqualTo(io.slipway.engine.SiteCache.DEFAULT_CAPACITY + 1);
            assertThat(perTask)
                    .as("bytes retained per task from %d to %d tasks", WARM_UP, done)
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

    /** The least-squares slope of retained bytes over tasks run: one window's noise weighs little. */
    private static double slope(List<long[]> samples) {
        double n = samples.size();
        double mx = samples.stream().mapToDouble(x -> x[0]).sum() / n;
        double my = samples.stream().mapToDouble(x -> x[1]).sum() / n;
        double sxy =
                samples.stream().mapToDouble(x -> (x[0] - mx) * (x[1] - my)).sum();
        double sxx =
                samples.stream().mapToDouble(x -> (x[0] - mx) * (x[0] - mx)).sum();
        return sxy / sxx;
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
