package io.slipway.engine.orchestrator;

import io.slipway.engine.site.SiteModel;
import io.slipway.store.Task;
import io.slipway.store.TaskHistory;
import io.slipway.store.TaskPage;
import io.slipway.store.TaskQuery;
import io.slipway.store.TaskStatus;
import io.slipway.store.TaskStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Failover recovery: picks up the tasks a previous leader left running. A node task comes back with
 * its subtasks as stored, each naming its node explicitly: settled nodes count as they ended, the
 * others go back to the lifecycle with their intent and continue from the steps already recorded as
 * done. A task claimed but never started (no subtask yet) and a site action start afresh. Tasks are
 * resumed oldest first, one after another, so an earlier task takes its nodes before a later one it
 * overlaps. A task that cannot be resumed fails, saying why. Confined to the orchestrator's context.
 */
final class Recovery {
    static final int PAGE = 500;
    private final TaskStore tasks;
    private final Function<Long, Future<SiteModel>> sites;
    private final Resumer resumer;

    /** What the orchestrator does with each task found running. */
    interface Resumer {
        /** Starts the task afresh, as if just claimed. */
        void start(Task task);

        /** Takes over a node task rebuilt from its subtasks; fails when its nodes cannot be taken. */
        Future<Void> adopt(NodeTask nt);

        /** Ends the task as failed with the reason. */
        void fail(UUID task, Throwable why);
    }

    Recovery(TaskStore tasks, Function<Long, Future<SiteModel>> sites, Resumer resumer) {
        this.tasks = tasks;
        this.sites = sites;
        this.resumer = resumer;
    }

    /** Resumes every running top-level task; fails only when they cannot be listed. */
    Future<Void> recover(TaskHistory history) {
        return running(history, null, new ArrayList<>()).compose(found -> {
            List<Task> oldestFirst = new ArrayList<>(found);
            oldestFirst.sort(Comparator.comparing(Task::created).thenComparing(t -> t.id().toString()));
            Future<Void> chain = Future.succeededFuture();
            for (Task t : oldestFirst) {
                chain = chain.compose(v -> resume(t).recover(e -> {
                    resumer.fail(t.id(), e);
                    return Future.succeededFuture();
                }));
            }
            return chain;
        });
    }

    /** Every running top-level task, page after page. */
    private Future<List<Task>> running(TaskHistory history, TaskPage.Cursor from, List<Task> found) {
        TaskQuery query =
                TaskQuery.all().withStatuses(TaskStatus.RUNNING).topLevel().page(from, PAGE);
        return history.query(query).compose(page -> {
            found.addAll(page.tasks());
            return page.next().isPresent() ? running(history, page.next().get(), found) : Future.succeededFuture(found);
        });
    }

    private Future<Void> resume(Task task) {
        if (!Actions.isNodeAction(task.action())) {
            resumer.start(task);
            return Future.succeededFuture();
        }
        return tasks.subtasks(task.id()).compose(subs -> {
            if (subs.isEmpty()) {
                resumer.start(task);
                return Future.succeededFuture();
            }
            return sites.apply(task.designRevision()).compose(site -> resumer.adopt(rebuild(task, site, subs)));
        });
    }

    /** The node task as its subtasks record it; a subtask naming no node makes it unrecoverable. */
    static NodeTask rebuild(Task task, SiteModel site, List<Task> subs) {
        List<String> nodes = new ArrayList<>();
        for (Task s : subs) {
            if (s.node() == null) {
                throw new IllegalStateException("subtask " + s.id() + " names no node, so task " + task.id()
                        + " cannot be resumed; run it again");
            }
            nodes.add(s.node());
        }
        NodeTask nt = new NodeTask(task, site, nodes);
        for (Task s : subs) {
            nt.adopt(s);
        }
        return nt;
    }
}
