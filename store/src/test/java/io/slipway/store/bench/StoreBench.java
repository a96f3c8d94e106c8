package io.slipway.store.bench;

import static io.slipway.store.testing.Await.result;

import io.slipway.store.Fence;
import io.slipway.store.ResultMessage;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.testing.TestDatabase;
import io.slipway.store.testing.TestServer;
import io.slipway.store.testing.TestServers;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Result-message throughput and the cost of loading a big task, against the same Postgres the
 * integration tests use ({@link TestServers#choose()}). Not part of {@code mvn verify}; run:
 *
 * <pre>
 * mvn -B -q -f store/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.slipway.store.bench.StoreBench
 * </pre>
 *
 * Add {@code -Dslipway.bench.durable=true} to measure an embedded server with fsync and synchronous
 * commit on, as the product's embedded default runs (the test server turns both off).
 */
public final class StoreBench {

    private static final int LOAD_MESSAGES = 10_000;
    private static final int LOAD_RUNS = 15;

    private final StoreHandle store;
    private final Fence fence;

    private StoreBench(StoreHandle store) {
        this.store = store;
        this.fence = result(store.leaderEpoch().advance("bench"));
    }

    public static void main(String[] args) {
        boolean durable = Boolean.getBoolean("slipway.bench.durable");
        try (TestServer server = durable ? TestServers.embedded(true) : TestServers.choose();
                TestDatabase db = TestDatabase.create(server, "bench")) {
            System.out.printf(
                    "server: %s; %d cores; Java %s%n",
                    server.description(), Runtime.getRuntime().availableProcessors(), Runtime.version());
            StoreBench bench = new StoreBench(db.store());
            bench.append(1, 2_000, true);
            for (int batch : new int[] {1, 100, 1_000}) {
                bench.append(batch, batch == 1 ? 5_000 : 100_000, false);
            }
            bench.load();
        }
    }

    /** Appends {@code total} messages in batches of {@code batch}, one batch in flight at a time. */
    private void append(int batch, int total, boolean warmup) {
        UUID task = newTask();
        List<ResultMessage> messages = messages(batch);
        long start = System.nanoTime();
        for (int sent = 0; sent < total; sent += batch) {
            result(store.messages().append(task, messages, fence));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!warmup) {
            System.out.printf(
                    "append, batch %5d: %7d messages in %6.2f s = %8.0f inserts/s%n",
                    batch, total, seconds, total / seconds);
        }
    }

    /** Loads a task and its whole log, as the task API does. */
    private void load() {
        UUID task = newTask();
        List<ResultMessage> chunk = messages(1_000);
        for (int i = 0; i < LOAD_MESSAGES / chunk.size(); i++) {
            result(store.messages().append(task, chunk, fence));
        }
        double[] millis = new double[LOAD_RUNS];
        for (int run = -3; run < LOAD_RUNS; run++) {
            long start = System.nanoTime();
            result(store.tasks().find(task));
            int count = result(store.messages().list(task)).size();
            if (count != LOAD_MESSAGES) {
                throw new IllegalStateException("loaded " + count + " messages");
            }
            if (run >= 0) {
                millis[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        System.out.printf(
                "load task + %d messages: median %.1f ms, min %.1f ms, max %.1f ms" + " (%d runs after 3 warm-up)%n",
                LOAD_MESSAGES, millis[LOAD_RUNS / 2], millis[0], millis[LOAD_RUNS - 1], LOAD_RUNS);
    }

    private UUID newTask() {
        return result(store.tasks().create(Task.request("deploy_nodes", null, null, "bench", null)))
                .id();
    }

    /** Realistic rows: a sentence, a node context, a small JSON detail. */
    private static List<ResultMessage> messages(int count) {
        List<ResultMessage> batch = new ArrayList<>(count);
        IntStream.range(0, count)
                .forEach(i -> batch.add(ResultMessage.info("Node rack04-node"
                                + (i % 48)
                                + " power state is on after set_boot_device pxe; waiting for deploy"
                                + " to finish (attempt 1 of 3)")
                        .about("node", "rack04-node" + (i % 48) + ".site.example.com")
                        .withExtra(new JsonObject().put("attempt", 1).put("driver", "ipmi"))));
        return batch;
    }
}
