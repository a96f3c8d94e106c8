package io.slipway.engine.orchestrator;

import static io.slipway.store.testing.Await.result;

import io.slipway.engine.TestDesigns;
import io.slipway.engine.lifecycle.LifecycleState;
import io.slipway.engine.site.SiteModel;
import io.slipway.engine.site.SiteModels;
import io.slipway.store.Fence;
import io.slipway.store.ResultMessage;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import io.slipway.store.testing.TestClock;
import io.slipway.store.testing.memory.MemoryStores;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Orchestrators over the in-memory stores (fencing and versions as on Postgres) and a deterministic
 * clock; three nodes n1..n3 in two saved revisions of one small site. No database, no network, no
 * Vert.x: every store future is complete when returned, so a test runs in the order it is written.
 */
final class OrchestratorFixture {
    private static SiteModels models;
    final TestClock clock = TestClock.start();
    final MemoryStores stores = MemoryStores.create(clock);
    final Map<Long, SiteModel> sites = new HashMap<>();
    final long r1 = save("");
    final long r2 = save("# the second revision\n");

    /** One leader: its orchestrator, its session and its fence. */
    record Leader(Orchestrator orchestrator, SessionNodes nodes, Fence fence) {
        /** The node's steps took it to {@code to}; the orchestrator hears of it as from the engine. */
        void move(String node, LifecycleState to) {
            nodes.move(orchestrator, node, to);
        }

        /** Claims and starts what is queued. */
        void poll() {
            result(orchestrator.poll());
        }
    }

    private static synchronized SiteModels models() {
        if (models == null) {
            models = new SiteModels(TestDesigns.rules(), false);
        }
        return models;
    }

    static String siteText() {
        return TestDesigns.site(TestDesigns.node("n1", "base", "10.0.0.11")
                + TestDesigns.node("n2", "base", "10.0.0.12")
                + TestDesigns.node("n3", "base", "10.0.0.13"));
    }

    private long save(String comment) {
        String text = siteText() + comment;
        long id = result(stores.designs().save("test://site", text)).id();
        sites.put(id, models().compile(id, "test://site", text));
        return id;
    }

    /** A new leader: it advances the epoch, so every earlier leader's writes are fenced from now on. */
    Leader lead(String instance, SessionNodes session) {
        Fence fence = result(stores.leaderEpoch().advance(instance));
        Orchestrator o = new Orchestrator(
                TaskStores.of(stores.tasks(), stores.messages(), stores.siteLocks()),
                fence,
                this::site,
                session,
                null,
                false);
        return new Leader(o, session, fence);
    }

    Leader lead(String instance) {
        return lead(instance, new SessionNodes());
    }

    private Future<SiteModel> site(long revision) {
        SiteModel s = sites.get(revision);
        return s == null
                ? Future.failedFuture(new IllegalArgumentException("no revision " + revision))
                : Future.succeededFuture(s);
    }

    /** A queued task as the API stores it; the clock moves on so tasks are ordered by creation. */
    Task submit(String action, long revision, String... nodes) {
        Task t = Task.request(action, revision, NodeFilterJson.names(List.of(nodes)), "test", null)
                .withStatus(TaskStatus.QUEUED);
        Task stored = result(stores.tasks().create(t));
        clock.advance(Duration.ofSeconds(1));
        return stored;
    }

    Task task(UUID id) {
        return result(stores.tasks().find(id));
    }

    List<Task> subtasks(UUID id) {
        return result(stores.tasks().subtasks(id));
    }

    List<String> log(UUID id) {
        return result(stores.messages().list(id)).stream()
                .map(ResultMessage::message)
                .toList();
    }
}
