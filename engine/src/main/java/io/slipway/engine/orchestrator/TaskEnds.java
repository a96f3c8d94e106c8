package io.slipway.engine.orchestrator;

import io.slipway.store.ResultMessage;
import io.slipway.store.Task;
import io.slipway.store.TaskResult;
import io.slipway.store.TaskStatus;
import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The writes that end a task or subtask, and its log lines. Each goes through the {@link
 * WriteBacklog}, so its failure is handled in one way; the returned futures complete when the write
 * was attempted and never fail. Writes are ordered on the top-level task's chain, so a task's final
 * result is written after everything queued before it. Confined to the orchestrator's context.
 */
final class TaskEnds {
    private final TaskWriter writer;
    private final WriteBacklog backlog;

    TaskEnds(TaskWriter writer, WriteBacklog backlog) {
        this.writer = writer;
        this.backlog = backlog;
    }

    /** The task is complete with {@code result}. */
    Future<Void> finish(UUID task, TaskResult result) {
        return end(
                task, task, "the result", t -> t.withStatus(TaskStatus.COMPLETE).withResult(result));
    }

    /** Whatever went wrong, the task ends: its log says why and it completes with result failure. */
    Future<Void> fail(UUID task, String why) {
        return log(task, List.of(ResultMessage.error(why)))
                .compose(v -> finish(
                        task,
                        TaskResult.of(Voting.FAILURE, List.of(), List.of()).withMessage("task failed", why)));
    }

    /** The task is terminated by {@code by}, with the result its nodes reached so far. */
    Future<Void> terminated(UUID task, String by, TaskResult result) {
        return end(task, task, "the termination", t -> t.markTerminated(by).withResult(result));
    }

    /** Subtask {@code sub} of top-level task {@code task} ends as {@code change} says. */
    Future<Void> subtask(UUID task, UUID sub, UnaryOperator<Task> change) {
        return end(task, sub, "the end of subtask " + sub, change);
    }

    /** Appends log lines to the task. */
    Future<Void> log(UUID task, List<ResultMessage> messages) {
        return backlog.write(task, "a log line", () -> writer.log(task, messages));
    }

    private Future<Void> end(UUID chain, UUID id, String what, UnaryOperator<Task> change) {
        return backlog.write(chain, what, () -> writer.change(chain, id, change));
    }
}
