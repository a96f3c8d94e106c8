package io.slipway.engine.orchestrator;

import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.Fence;
import io.slipway.store.Task;
import io.slipway.store.TaskHistory;
import io.slipway.store.TaskResult;
import io.slipway.store.TaskStatus;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks, coordinating {@link TaskClaims claiming}, {@link SitePinning site-lock pinning}, node
 * {@link Reservations}, {@link SubtaskTracker subtask tracking} and failover {@link Recovery}: site
 * actions run directly; a node action becomes one subtask and one intent per selected node, which
 * the lifecycle ({@link TaskNodes}) then drives. A task's result comes from its nodes' final
 * outcomes; every task reaches a terminal status, whatever throws, and every failed write is handled
 * by the {@link WriteBacklog}. Tasks whose nodes overlap a running task wait for it. Confined to the
 * dispatcher's context.
 */
public final class Orchestrator {
    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
    private final TaskStores stores;
    private final TaskWriter writer;
    private final WriteBacklog backlog = new WriteBacklog();
    private final TaskEnds ends;
    private final TaskClaims claims;
    private final SitePinning pinning;
    private final Reservations reservations = new Reservations();
    private final SubtaskTracker tracker;
    private final Settlement settlement;
    private final Recovery recovery;
    private final SiteTasks siteTasks;
    private final NodeTasks nodeTasks;
    private Future<Void> starting = Future.succeededFuture();

    public Orchestrator(
            TaskStores stores,
            Fence fence,
            Function<Long, Future<SiteModel>> sites,
            TaskNodes nodes,
            NodeDriver nodeDriver,
            boolean kubernetes) {
        this.stores = stores;
        this.writer = new TaskWriter(stores.tasks(), stores.messages(), fence);
        this.ends = new TaskEnds(writer, backlog);
        this.claims = new TaskClaims(stores.tasks(), fence, this::start);
        this.pinning = new SitePinning(stores.locks(), sites, writer);
        this.tracker = new SubtaskTracker(writer, ends);
        this.settlement = new Settlement(tracker, reservations, nodes, this::complete);
        this.nodeTasks = new NodeTasks(reservations, tracker, settlement, nodes, ends, kubernetes, this::complete);
        this.recovery = new Recovery(stores.tasks(), sites, resumer());
        this.siteTasks = new SiteTasks(new SiteActions(nodeDriver), pinning, ends);
    }

    /**
     * Claims and starts every queued task (call on a timer and after a task is submitted), after
     * writing again what failed before. A failed claim is logged; the next poll claims again.
     */
    public Future<Void> poll() {
        return backlog.retry()
                .compose(v -> claims.poll())
                .onFailure(e -> LOG.warn("claiming tasks failed: {}", e.toString()));
    }

    /** Checks termination requests of running tasks; a task that cannot be read now is checked next time. */
    public Future<Void> checkTerminations() {
        List<Future<Void>> checks = tracker.running().stream()
                .map(nt -> stores.tasks()
                        .find(nt.id())
                        .compose(t -> t.terminate() ? terminate(nt, t.terminatedBy()) : Future.<Void>succeededFuture())
                        .onFailure(e -> LOG.warn("termination check of task {} failed: {}", nt.id(), e.toString())))
                .toList();
        return Future.join(checks).mapEmpty();
    }

    /**
     * Starts tasks in claim order: a task is registered (its nodes taken) before the next one is
     * looked at, so an earlier task always wins an overlap.
     */
    void start(Task task) {
        starting = starting.transform(previous -> begin(task));
    }

    private Future<Void> begin(Task task) {
        return pinning.pinned(task)
                .compose(site -> {
                    if (Actions.isNodeAction(task.action())) {
                        return nodeTasks.start(task, site);
                    }
                    // A site action may take long: the next task starts without waiting for it.
                    siteTasks.run(task, site).onFailure(e -> fail(task.id(), e));
                    return Future.<Void>succeededFuture();
                })
                .recover(e -> {
                    fail(task.id(), e);
                    return Future.succeededFuture();
                });
    }

    /** Called with every changed observation: settles the node in its task when its goal is decided. */
    public void nodeChanged(NodeObservation o) {
        settlement.changed(o);
    }

    /**
     * An operator took the node out of its task (its step was aborted): the node settles as failed
     * with {@code why} and loses its intent, so nothing retries it. No-op when no task holds it.
     */
    public void abandon(String node, String why) {
        settlement.abandon(node, why);
    }

    private void complete(NodeTask nt) {
        tracker.remove(nt.id());
        tracker.complete(nt).onComplete(r -> startWaiting());
    }

    private Future<Void> terminate(NodeTask nt, String by) {
        tracker.remove(nt.id());
        List.copyOf(nt.pending).forEach(n -> settlement.release(nt, n));
        TaskResult result = TaskResult.of(Voting.result(nt.successes, nt.failures), nt.successes, nt.failures)
                .withMessage("terminated by " + by, null);
        return tracker.endPending(nt, node -> t -> t.markTerminated(by))
                .compose(v -> ends.terminated(nt.id(), by, result))
                .map(v -> {
                    startWaiting();
                    return null;
                });
    }

    private void startWaiting() {
        reservations.unpark().forEach(this::start);
    }

    /** Whatever went wrong, the task ends: its unsettled nodes are released and it fails, saying why. */
    private void fail(UUID id, Throwable e) {
        LOG.warn("task {} failed: {}", id, e.toString());
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        NodeTask nt = tracker.remove(id);
        Future<Void> subtasks = Future.succeededFuture();
        if (nt != null) {
            List.copyOf(nt.pending).forEach(n -> settlement.release(nt, n));
            subtasks = tracker.endPending(
                    nt,
                    node -> t -> t.withStatus(TaskStatus.COMPLETE)
                            .withResult(TaskResult.of(Voting.FAILURE, List.of(), List.of(node))
                                    .withMessage("task failed", why)));
        }
        subtasks.compose(v -> ends.fail(id, why)).onComplete(r -> startWaiting());
    }

    private Recovery.Resumer resumer() {
        return new Recovery.Resumer() {
            @Override
            public void start(Task task) {
                Orchestrator.this.start(task);
            }

            @Override
            public Future<Void> adopt(NodeTask nt) {
                return nodeTasks.adopt(nt);
            }

            @Override
            public void fail(UUID task, Throwable why) {
                Orchestrator.this.fail(task, why);
            }
        };
    }

    /**
     * Picks up tasks a previous leader left running: their unsettled nodes get their intents back and
     * continue from the steps already recorded as done.
     */
    public Future<Void> recover(TaskHistory history) {
        return recovery.recover(history);
    }

    /** This instance stops leading: writes still waiting for the database give up (the next leader resumes). */
    public void stop() {
        backlog.stop();
        writer.stop();
    }

    /** Task writes waiting for the database now, or kept to be written again. */
    public int pendingWrites() {
        return writer.pending() + backlog.size();
    }

    /** Tasks running now, for status and recovery. */
    public Set<UUID> running() {
        return tracker.ids();
    }
}
