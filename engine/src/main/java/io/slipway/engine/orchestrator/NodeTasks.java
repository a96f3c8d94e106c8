package io.slipway.engine.orchestrator;

import io.slipway.engine.site.SiteModel;
import io.slipway.store.ResultMessage;
import io.slipway.store.Task;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starting node tasks: the selected nodes are reserved all at once (or the task is parked behind the
 * task holding one of them), each gets its subtask and then its task's intent in the lifecycle. A
 * task rebuilt by {@link Recovery} takes its unsettled nodes back the same way. Fails when a write
 * fails; the caller fails the task. Confined to the orchestrator's context.
 */
final class NodeTasks {
    private final Reservations reservations;
    private final SubtaskTracker tracker;
    private final Settlement settlement;
    private final TaskNodes nodes;
    private final TaskEnds ends;
    private final boolean kubernetes;
    private final Consumer<NodeTask> onSettled;

    NodeTasks(
            Reservations reservations,
            SubtaskTracker tracker,
            Settlement settlement,
            TaskNodes nodes,
            TaskEnds ends,
            boolean kubernetes,
            Consumer<NodeTask> onSettled) {
        this.reservations = reservations;
        this.tracker = tracker;
        this.settlement = settlement;
        this.nodes = nodes;
        this.ends = ends;
        this.kubernetes = kubernetes;
        this.onSettled = onSettled;
    }

    /** Starts a claimed node task on its pinned revision, or parks it behind the task holding its nodes. */
    Future<Void> start(Task task, SiteModel site) {
        return NodeSelection.of(task, site, kubernetes).compose(selected -> {
            NodeTask nt = new NodeTask(task, site, selected);
            var blocker = reservations.take(nt.id(), selected);
            if (blocker.isPresent()) {
                reservations.park(task);
                String why = "waiting for task " + blocker.get() + ", which holds some of its nodes";
                return ends.log(task.id(), List.of(ResultMessage.info(why)));
            }
            tracker.add(nt);
            List<Future<Void>> enlisted = selected.stream()
                    .map(node -> tracker.create(nt, node).compose(v -> hand(nt, node)))
                    .toList();
            String started =
                    task.action() + " on " + selected.size() + " node(s) of design revision " + site.revision();
            return Future.all(enlisted)
                    .compose(v -> ends.log(task.id(), List.of(ResultMessage.info(started))))
                    .map(v -> {
                        selected.forEach(n -> settlement.settleIfDone(nt, n));
                        nodes.evaluate();
                        return null;
                    });
        });
    }

    /** A node task rebuilt by recovery: its unsettled nodes are reserved again and handed back. */
    Future<Void> adopt(NodeTask nt) {
        List<String> unsettled = List.copyOf(nt.pending);
        var blocker = reservations.take(nt.id(), unsettled);
        if (blocker.isPresent()) {
            return Future.failedFuture(new IllegalStateException("task " + blocker.get() + " holds its nodes"));
        }
        tracker.add(nt);
        return Future.all(unsettled.stream().map(n -> hand(nt, n)).toList()).map(v -> {
            unsettled.forEach(n -> settlement.settleIfDone(nt, n));
            if (nt.settled() && tracker.get(nt.id()) == nt) {
                onSettled.accept(nt);
            }
            return null;
        });
    }

    /** Hands the node to the lifecycle with its task's intent, unless the task ended meanwhile. */
    private Future<Void> hand(NodeTask nt, String node) {
        if (tracker.get(nt.id()) != nt) {
            return Future.succeededFuture();
        }
        return nodes.take(
                nt.site, Actions.intent(nt.task.action(), node, nt.id().toString()));
    }
}
