package io.slipway.engine.orchestrator;

import io.slipway.engine.site.SiteModel;
import io.slipway.store.Task;
import io.slipway.store.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A running node action: its nodes, their subtasks, and which have settled how. */
final class NodeTask {
    final Task task;
    final SiteModel site;
    final List<String> nodes;
    final Map<String, UUID> subtasks = new LinkedHashMap<>();
    final Set<String> pending = new LinkedHashSet<>();
    final List<String> successes = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    /** How the subtasks of nodes still pending were ended (termination); null while the task runs. */
    java.util.function.Function<String, java.util.function.UnaryOperator<Task>> ended;

    NodeTask(Task task, SiteModel site, List<String> nodes) {
        this.task = task;
        this.site = site;
        this.nodes = List.copyOf(nodes);
        this.pending.addAll(nodes);
    }

    UUID id() {
        return task.id();
    }

    /** A subtask read back from the store: a finished one counts as it ended, others stay pending. */
    void adopt(Task sub) {
        subtasks.put(sub.node(), sub.id());
        if (TaskStatus.finished(sub.status())) {
            pending.remove(sub.node());
            (Voting.SUCCESS.equals(sub.result().status()) ? successes : failures).add(sub.node());
        }
    }

    boolean settled() {
        return pending.isEmpty();
    }
}
