package io.slipway.engine.orchestrator;

import io.slipway.engine.design.model.NodeFilterSet;
import io.slipway.engine.dispatch.Dispatcher;
import io.slipway.engine.dispatch.NodeLedger;
import io.slipway.engine.effective.EffectiveNode;
import io.slipway.engine.effective.NodeFilters;
import io.slipway.engine.lifecycle.Goals;
import io.slipway.engine.lifecycle.LifecycleEngine;
import io.slipway.engine.lifecycle.NodeIntent;
import io.slipway.engine.lifecycle.NodeObservation;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.ResultMessage;
import io.slipway.store.Task;
import io.slipway.store.TaskResult;
import io.slipway.store.TaskStatus;
import io.slipway.store.TaskStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks: claims queued tasks, runs site actions directly, and turns node actions into one
 * subtask and one intent per selected node, which the {@link Dispatcher} then drives. A task's
 * result comes from its nodes' final outcomes; every task reaches a terminal status, whatever
 * throws. Tasks whose nodes overlap a running task wait for it. Confined to the dispatcher's context.
 */
public final class Orchestrator {
    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
    private final TaskStore tasks;
    private final boolean kubernetes;
    private final io.slipway.store.SiteLockStore locks;
    private final TaskWriter writer;
    private final Dispatcher dispatcher;
    private final NodeLedger ledger;
    private final Function<Long, Future<SiteModel>> sites;
    private final SiteActions siteActions;
    private final int budget;
    private final java.util.function.BiConsumer<String, SiteModel> assign;
    private final Map<UUID, NodeTask> active = new LinkedHashMap<>();
    private final Map<String, UUID> owners = new HashMap<>();
    private final List<Task> waiting = new ArrayList<>();
    private Future<Void> starting = Future.succeededFuture();
    private Future<Void> polling = Future.succeededFuture();

    public Orchestrator(
            TaskStore tasks,
            io.slipway.store.ResultMessageStore messages,
            io.slipway.store.SiteLockStore locks,
            Dispatcher dispatcher,
            NodeLedger ledger,
            Function<Long, Future<SiteModel>> sites,
            io.slipway.drivers.spi.node.NodeDriver nodeDriver,
            boolean kubernetes,
            int budget,
            java.util.function.BiConsumer<String, SiteModel> assign) {
        this.tasks = tasks;
        this.kubernetes = kubernetes;
        this.locks = locks;
        this.writer = new TaskWriter(tasks, messages, ledger.fence());
        this.dispatcher = dispatcher;
        this.ledger = ledger;
        this.sites = sites;
        this.siteActions = new SiteActions(nodeDriver);
        this.budget = budget;
        this.assign = assign;
    }

    private LifecycleEngine engine() {
        return dispatcher.engine();
    }

    /**
     * Claims and starts every queued task; call on a timer and after a task is submitted. Polls run
     * one after another: two claims in flight at once could come back out of order (different pool
     * connections), and a later task would then start before an earlier one it overlaps.
     */
    public Future<Void> poll() {
        polling = polling.transform(previous -> claimAll());
        return polling;
    }

    private Future<Void> claimAll() {
        return tasks.claimNext(Set.copyOf(Actions.ALL), writer.fence()).compose(claimed -> {
            if (claimed.isEmpty()) {
                return Future.succeededFuture();
            }
            start(claimed.get());
            return claimAll();
        });
    }

    /** Checks termination requests of running tasks. */
    public Future<Void> checkTerminations() {
        List<Future<Void>> checks = new ArrayList<>();
        for (NodeTask nt : List.copyOf(active.values())) {
            checks.add(tasks.find(nt.id())
                    .compose(t -> t.terminate() ? terminate(nt, t.terminatedBy()) : Future.succeededFuture()));
        }
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
        Future<SiteModel> site;
        try {
            site = task.designRevision() == null
                    ? Future.failedFuture(new IllegalArgumentException("the task names no design revision"))
                    : pinned(task);
        } catch (RuntimeException e) {
            site = Future.failedFuture(e);
        }
        return site.transform(ar -> {
            if (ar.failed()) {
                fail(task.id(), ar.cause());
                return Future.succeededFuture();
            }
            if (Actions.isNodeAction(task.action())) {
                return startNodes(task, ar.result()).recover(e -> {
                    fail(task.id(), e);
                    return Future.succeededFuture();
                });
            }
            runSite(task, ar.result()).onFailure(e -> fail(task.id(), e));
            return Future.succeededFuture();
        });
    }

    /**
     * The revision a task runs against: its own, unless the site is locked to another one (then the
     * locked revision, and the task's revision is recorded as pending approval). Validation always
     * uses the task's own revision: new designs may be validated while a site is locked.
     */
    private Future<SiteModel> pinned(Task task) {
        return sites.apply(task.designRevision()).compose(site -> {
            if (Actions.VALIDATE_DESIGN.equals(task.action())) {
                return Future.succeededFuture(site);
            }
            return locks.find(site.site()).compose(lock -> {
                if (lock.isEmpty() || lock.get().revision() == site.revision()) {
                    return Future.succeededFuture(site);
                }
                long locked = lock.get().revision();
                return locks.pending(site.site(), site.revision(), writer.fence())
                        .compose(v -> writer.log(
                                task.id(),
                                List.of(ResultMessage.info("site " + site.site() + " is locked to design" + " revision "
                                        + locked + "; revision " + site.revision()
                                        + " awaits approval, so this task uses " + locked))))
                        .compose(v -> sites.apply(locked));
            });
        });
    }

    private Future<Void> runSite(Task task, SiteModel site) {
        Future<SiteActions.Outcome> outcome = siteActions.run(task.action(), site);
        if (Actions.PREPARE_SITE.equals(task.action())) {
            outcome = outcome.compose(o -> locks.lock(site.site(), site.revision(), task.createdBy(), writer.fence())
                    .map(o));
        }
        return outcome.compose(o -> writer.log(task.id(), o.messages())
                .compose(n -> finish(
                        task.id(),
                        TaskResult.of(o.result(), List.of(), List.of())
                                .withMessage(
                                        o.result().equals(Voting.SUCCESS)
                                                ? task.action() + " succeeded"
                                                : task.action() + " failed",
                                        o.messages().stream()
                                                .filter(ResultMessage::isError)
                                                .findFirst()
                                                .map(ResultMessage::message)
                                                .orElse(null)))));
    }

    private Future<Void> startNodes(Task task, SiteModel site) {
        if (Actions.RELABEL_NODES.equals(task.action()) && !kubernetes) {
            // A site without a cluster driver is a configuration matter: no node is touched or blamed.
            return Future.failedFuture(
                    new IllegalStateException("relabel_nodes needs a kubernetes driver, and none is configured"));
        }
        NodeFilterSet filter = NodeFilterJson.parse(task.nodeFilter());
        List<String> unknown = NodeFilters.unknownNames(filter, site.design().nodes());
        if (!unknown.isEmpty()) {
            return Future.failedFuture(new IllegalArgumentException("the node filter names what design revision "
                    + site.revision() + " does not have: " + String.join(", ", unknown)));
        }
        List<String> nodes = NodeFilters.select(filter, site.design().nodes(), Map.of()).stream()
                .map(EffectiveNode::name)
                .toList();
        NodeTask nt = new NodeTask(task, site, nodes);
        if (nodes.isEmpty()) {
            // A selection of nothing is a mistake, never a success: the task fails and says so.
            return Future.failedFuture(new IllegalArgumentException(
                    "the node filter selects no node of design revision " + site.revision()));
        }
        Optional<UUID> blocker =
                nodes.stream().map(owners::get).filter(o -> o != null).findFirst();
        if (blocker.isPresent()) {
            waiting.add(task);
            return writer.log(
                            task.id(),
                            List.of(ResultMessage.info(
                                    "waiting for task " + blocker.get() + ", which holds some of its nodes")))
                    .mapEmpty();
        }
        active.put(nt.id(), nt);
        nodes.forEach(n -> owners.put(n, nt.id()));
        List<Future<Void>> subtasks = new ArrayList<>();
        for (String node : nodes) {
            subtasks.add(enlist(nt, node));
        }
        return Future.all(subtasks)
                .compose(v -> writer.log(
                        task.id(),
                        List.of(ResultMessage.info(task.action() + " on " + nodes.size()
                                + " node(s) of design revision " + site.revision()))))
                .map(v -> {
                    nodes.forEach(n -> settleIfDone(nt, engine().observation(n)));
                    dispatcher.evaluate();
                    return null;
                });
    }

    /** Creates the node's subtask and hands the node to the lifecycle rules with the task's intent. */
    private Future<Void> enlist(NodeTask nt, String node) {
        Task sub = Task.subtask(nt.task, nt.task.action(), NodeFilterJson.names(List.of(node)))
                .withStatus(TaskStatus.RUNNING);
        return writer.createSubtask(sub).compose(stored -> {
            nt.subtasks.put(node, stored.id());
            return prepareNode(nt, node);
        });
    }

    private Future<Void> prepareNode(NodeTask nt, String node) {
        assign.accept(node, nt.site);
        engine().put(nt.site.nodeDesigns().get(node));
        engine().put(Actions.intent(nt.task.action(), node, nt.id().toString()));
        if (engine().observation(node) != null) {
            return Future.succeededFuture();
        }
        NodeObservation fresh = NodeObservation.enrolled(node, budget);
        engine().put(fresh);
        return ledger.save(
                fresh,
                io.slipway.store.NodeEvent.transition(node, null, fresh.state().label(), nt.id()));
    }

    /** Called with every changed observation: settles the node in its task when its goal is decided. */
    public void nodeChanged(NodeObservation o) {
        UUID owner = owners.get(o.node());
        NodeTask nt = owner == null ? null : active.get(owner);
        if (nt != null) {
            settleIfDone(nt, o);
        }
    }

    /**
     * An operator took the node out of its task (its step was aborted): the node settles as failed
     * with {@code why} and loses its intent, so nothing retries it. No-op when no task holds it.
     */
    public void abandon(String node, String why) {
        UUID owner = owners.get(node);
        NodeTask nt = owner == null ? null : active.get(owner);
        if (nt != null && nt.pending.contains(node)) {
            settle(nt, node, false, node + ": " + why);
        } else {
            engine().clearIntent(node);
        }
    }

    private void settleIfDone(NodeTask nt, NodeObservation o) {
        if (o == null) {
            return;
        }
        NodeIntent intent = engine().intent(o.node());
        if (intent == null || !nt.pending.contains(o.node())) {
            return;
        }
        if (Goals.reached(o, intent)) {
            settle(nt, o.node(), true, o.node() + ": " + o.state().label());
        } else if (Goals.unreachable(o)) {
            settle(nt, o.node(), false, o.node() + ": " + Goals.blocker(o));
        }
    }

    private void settle(NodeTask nt, String node, boolean ok, String message) {
        nt.pending.remove(node);
        (ok ? nt.successes : nt.failures).add(node);
        release(nt, node);
        String result = ok ? Voting.SUCCESS : Voting.FAILURE;
        ResultMessage msg = (ok ? ResultMessage.info(message) : ResultMessage.error(message)).about("node", node);
        UUID sub = nt.subtasks.get(node);
        if (sub != null) {
            writer.change(
                            nt.id(),
                            sub,
                            t -> t.withStatus(TaskStatus.COMPLETE)
                                    .withResult(TaskResult.of(
                                            result, ok ? List.of(node) : List.of(), ok ? List.of() : List.of(node))))
                    .onFailure(e ->
                            LOG.error("recording subtask of {} in task {} failed: {}", node, nt.id(), e.toString()));
        }
        writer.log(nt.id(), List.of(msg));
        // Queued now (not after the subtask write) so the parent's final result is always written last.
        List<String> succeeded = List.copyOf(nt.successes);
        List<String> failed = List.copyOf(nt.failures);
        if (!nt.settled()) {
            writer.change(nt.id(), t -> t.withResult(TaskResult.of(TaskResult.INCOMPLETE, succeeded, failed)))
                    .onFailure(e -> LOG.error(
                            "recording the outcome of {} in task {} failed: {}", node, nt.id(), e.toString()));
        }
        if (nt.settled()) {
            complete(nt);
        }
    }

    private void release(NodeTask nt, String node) {
        owners.remove(node, nt.id());
        NodeIntent intent = engine().intent(node);
        if (intent != null && intent.taskId().equals(nt.id().toString())) {
            engine().clearIntent(node);
        }
    }

    private void complete(NodeTask nt) {
        active.remove(nt.id());
        String result = Voting.result(nt.successes, nt.failures);
        finish(
                        nt.id(),
                        TaskResult.of(result, nt.successes, nt.failures)
                                .withMessage(
                                        nt.task.action() + ": " + nt.successes.size() + " succeeded, "
                                                + nt.failures.size() + " failed",
                                        null))
                .onComplete(r -> startWaiting());
    }

    private Future<Void> terminate(NodeTask nt, String by) {
        active.remove(nt.id());
        List<Future<?>> subs = new ArrayList<>();
        for (String node : List.copyOf(nt.pending)) {
            release(nt, node);
            UUID sub = nt.subtasks.get(node);
            if (sub != null) {
                subs.add(writer.change(nt.id(), sub, t -> t.markTerminated(by)));
            }
        }
        nt.pending.clear();
        return Future.join(subs)
                .compose(v -> writer.change(
                        nt.id(),
                        t -> t.markTerminated(by)
                                .withResult(TaskResult.of(
                                                Voting.result(nt.successes, nt.failures), nt.successes, nt.failures)
                                        .withMessage("terminated by " + by, null))))
                .map(t -> {
                    startWaiting();
                    return null;
                });
    }

    private void startWaiting() {
        List<Task> ready = List.copyOf(waiting);
        waiting.clear();
        ready.forEach(this::start);
    }

    private Future<Void> finish(UUID id, TaskResult result) {
        return writer.change(id, t -> t.withStatus(TaskStatus.COMPLETE).withResult(result))
                .mapEmpty();
    }

    /** Whatever went wrong, the task ends: complete with result failure and the reason in its log. */
    private void fail(UUID id, Throwable e) {
        LOG.warn("task {} failed: {}", id, e.toString());
        NodeTask nt = active.remove(id);
        if (nt != null) {
            List.copyOf(nt.pending).forEach(n -> release(nt, n));
        }
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        writer.log(id, List.of(ResultMessage.error(why)))
                .transform(x -> finish(
                        id, TaskResult.of(Voting.FAILURE, List.of(), List.of()).withMessage("task failed", why)))
                .onFailure(x -> LOG.error("task {} could not be marked failed: {}", id, x.toString()));
    }

    /**
     * Picks up tasks a previous leader left running: their unsettled nodes get their intents back and
     * continue from the steps already recorded as done.
     */
    public Future<Void> recover(io.slipway.store.TaskHistory history) {
        return history.query(io.slipway.store.TaskQuery.all()
                        .withStatuses(TaskStatus.RUNNING)
                        .topLevel()
                        .page(null, 1000))
                .compose(page -> {
                    // Oldest first, one after another: an earlier task takes its nodes before a later one it overlaps.
                    List<Task> oldestFirst = new ArrayList<>(page.tasks());
                    oldestFirst.sort(
                            java.util.Comparator.comparing(Task::created).thenComparing(t -> t.id().toString()));
                    Future<Void> chain = Future.succeededFuture();
                    for (Task t : oldestFirst) {
                        chain = chain.compose(v -> resume(t).recover(e -> {
                            fail(t.id(), e);
                            return Future.succeededFuture();
                        }));
                    }
                    return chain;
                });
    }

    private Future<Void> resume(Task task) {
        if (!Actions.isNodeAction(task.action())) {
            start(task);
            return Future.succeededFuture();
        }
        return sites.apply(task.designRevision())
                .compose(site -> tasks.subtasks(task.id()).compose(subs -> {
                    if (subs.isEmpty()) {
                        // Claimed but never started (it waited behind an earlier task): start it afresh, in claim
                        // order.
                        start(task);
                        return Future.succeededFuture();
                    }
                    List<String> nodes = new ArrayList<>();
                    subs.forEach(s -> nodes.addAll(names(s)));
                    NodeTask nt = new NodeTask(task, site, nodes);
                    active.put(nt.id(), nt);
                    List<Future<Void>> prepared = new ArrayList<>();
                    for (Task s : subs) {
                        for (String node : names(s)) {
                            nt.subtasks.put(node, s.id());
                            if (TaskStatus.finished(s.status())) {
                                nt.pending.remove(node);
                                (Voting.SUCCESS.equals(s.result().status()) ? nt.successes : nt.failures).add(node);
                            } else {
                                owners.put(node, nt.id());
                                prepared.add(prepareNode(nt, node));
                            }
                        }
                    }
                    return Future.all(prepared).map(v -> {
                        List.copyOf(nt.pending).forEach(n -> settleIfDone(nt, engine().observation(n)));
                        if (nt.settled()) {
                            complete(nt);
                        }
                        return null;
                    });
                }));
    }

    private static List<String> names(Task subtask) {
        var filter = subtask.nodeFilter();
        if (filter == null) {
            return List.of();
        }
        var set = filter.getJsonArray("filter_set");
        return set == null || set.isEmpty()
                ? List.of()
                : set.getJsonObject(0).getJsonArray("node_names", new io.vertx.core.json.JsonArray()).stream()
                        .map(String::valueOf)
                        .toList();
    }

    /** This instance stops leading: writes still waiting for the database give up (the next leader resumes). */
    public void stop() {
        writer.stop();
    }

    /** Task writes waiting for the database now. */
    public int pendingWrites() {
        return writer.pending();
    }

    /** Tasks running now, for status and recovery. */
    public Set<UUID> running() {
        return Set.copyOf(active.keySet());
    }
}
