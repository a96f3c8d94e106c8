package io.slipway.engine.orchestrator;

import io.slipway.engine.site.SiteModel;
import io.slipway.store.Task;
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

    NodeTask(Task task, SiteModel site, List<String> nodes) {
        this.task = task;
        this.site = site;
        this.nodes = List.copyOf(nodes);
        this.pending.addAll(nodes);
    }

    UUID id() {
        return task.id();
    }

    boolean settled() {
        return pending.isEmpty();
    }
}
