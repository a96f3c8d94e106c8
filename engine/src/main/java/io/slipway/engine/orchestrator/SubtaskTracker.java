package io.slipway.engine.orchestrator;

import io.slipway.store.ResultMessage;
import io.slipway.store.Task;
import io.slipway.store.TaskResult;
import io.slipway.store.TaskStatus;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subtask tracking: the running node tasks, the one subtask each of their nodes has (with the node
 * stored explicitly), and the writes that record a node settling. The parent's interim result is
 * progress only: when writing it fails, the next interim or the final result (which carries every
 * outcome) supersedes it. Confined to the orchestrator's context.
 */
final class SubtaskTracker {
    private static final Logger LOG = LoggerFactory.getLogger(SubtaskTracker.class);
    private final Map<UUID, NodeTask> active = new LinkedHashMap<>();
    private final TaskWriter writer;
    private final TaskEnds ends;

    SubtaskTracker(TaskWriter writer, TaskEnds ends) {
        this.writer = writer;
        this.ends = ends;
    }

    void add(NodeTask nt) {
        active.put(nt.id(), nt);
    }

    /** The running node task with this id, or {@code null}. */
    NodeTask get(UUID id) {
        return id == null ? null : active.get(id);
    }

    /** Forgets the task (it ended); returns it, or {@code null} when it was not running. */
    NodeTask remove(UUID id) {
        return active.remove(id);
    }

    List<NodeTask> running() {
        return List.copyOf(active.values());
    }

    Set<UUID> ids() {
        return Set.copyOf(active.keySet());
    }

    /**
     * Creates the node's subtask, running, and remembers it. Fails when the write fails. A node that
     * left pending while the write was in flight (it settled, or the task was terminated) gets its
     * subtask ended at once, so no subtask stays running under a finished task.
     */
    Future<Void> create(NodeTask nt, String node) {
        Task sub = Task.nodeSubtask(nt.task, nt.task.action(), node, NodeFilterJson.names(List.of(node)))
                .withStatus(TaskStatus.RUNNING);
        return writer.createSubtask(sub).compose(stored -> {
            nt.subtasks.put(node, stored.id());
            if (nt.pending.contains(node)) {
                return Future.<Void>succeededFuture();
            }
            if (nt.ended != null && !nt.successes.contains(node) && !nt.failures.contains(node)) {
                return ends.subtask(nt.id(), stored.id(), nt.ended.apply(node));
            }
            boolean ok = nt.successes.contains(node);
            return ends.subtask(
                    nt.id(), stored.id(), t -> t.withStatus(TaskStatus.COMPLETE).withResult(outcome(node, ok)));
        });
    }

    private static TaskResult outcome(String node, boolean ok) {
        return TaskResult.of(
                ok ? Voting.SUCCESS : Voting.FAILURE, ok ? List.of(node) : List.of(), ok ? List.of() : List.of(node));
    }

    /**
     * Records the node's outcome: its subtask completes, the task's log says how, and the parent's
     * interim result is written unless this was its last node (then the caller writes the final one).
     */
    void settle(NodeTask nt, String node, boolean ok, String message) {
        nt.pending.remove(node);
        (ok ? nt.successes : nt.failures).add(node);
        UUID sub = nt.subtasks.get(node);
        if (sub != null) {
            TaskResult result = outcome(node, ok);
            ends.subtask(nt.id(), sub, t -> t.withStatus(TaskStatus.COMPLETE).withResult(result));
        }
        ends.log(
                nt.id(),
                List.of((ok ? ResultMessage.info(message) : ResultMessage.error(message)).about("node", node)));
        if (!nt.settled()) {
            TaskResult progress = TaskResult.of(TaskResult.INCOMPLETE, nt.successes, nt.failures);
            writer.change(nt.id(), t -> t.withResult(progress))
                    .onFailure(e -> LOG.warn(
                            "interim result of task {} not written, a later result supersedes it: {}",
                            nt.id(),
                            e.toString()));
        }
    }

    /** The settled task's final result, once every node is decided. */
    Future<Void> complete(NodeTask nt) {
        TaskResult result = TaskResult.of(Voting.result(nt.successes, nt.failures), nt.successes, nt.failures)
                .withMessage(
                        nt.task.action() + ": " + nt.successes.size() + " succeeded, " + nt.failures.size() + " failed",
                        null);
        return ends.finish(nt.id(), result);
    }

    /** Every subtask of a node still pending ends as {@code end} says for its node; the nodes leave pending. */
    Future<Void> endPending(NodeTask nt, Function<String, UnaryOperator<Task>> end) {
        nt.ended = end;
        List<Future<Void>> writes = new ArrayList<>();
        for (String node : List.copyOf(nt.pending)) {
            UUID sub = nt.subtasks.get(node);
            if (sub != null) {
                writes.add(ends.subtask(nt.id(), sub, end.apply(node)));
            }
        }
        nt.pending.clear();
        return Future.join(writes).mapEmpty();
    }
}
