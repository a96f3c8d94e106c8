package io.slipway.engine.orchestrator;

import io.slipway.store.Task;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Node reservations: which running task holds each node, and the tasks waiting because a node they
 * select is held. A node is held by at most one task; a task takes all its nodes at once or none.
 * Waiting tasks come back in the order they were parked, so an earlier task keeps its turn. Plain
 * in-memory bookkeeping, no I/O; confined to the orchestrator's context.
 */
final class Reservations {
    private final Map<String, UUID> holders = new HashMap<>();
    private final List<Task> waiting = new ArrayList<>();

    /** The task holding one of {@code nodes} (the first such node's), if any. */
    Optional<UUID> blocker(Collection<String> nodes) {
        return nodes.stream().map(holders::get).filter(Objects::nonNull).findFirst();
    }

    /**
     * Gives every one of {@code nodes} to {@code task}, or none when another task holds one of them.
     * Returns the holder that blocked it, empty when the nodes were taken.
     */
    Optional<UUID> take(UUID task, Collection<String> nodes) {
        Optional<UUID> blocker = nodes.stream()
                .map(holders::get)
                .filter(h -> h != null && !h.equals(task))
                .findFirst();
        if (blocker.isEmpty()) {
            nodes.forEach(n -> holders.put(n, task));
        }
        return blocker;
    }

    /** The task holding {@code node}, or {@code null}. */
    UUID holder(String node) {
        return holders.get(node);
    }

    /** Frees {@code node} if {@code task} holds it; true when it did. */
    boolean release(String node, UUID task) {
        return holders.remove(node, task);
    }

    /** Parks a task until the nodes it waits for are released. */
    void park(Task task) {
        waiting.add(task);
    }

    /** Every parked task, oldest first; none stays parked. */
    List<Task> unpark() {
        List<Task> ready = List.copyOf(waiting);
        waiting.clear();
        return ready;
    }

    /** Nodes held now. */
    int held() {
        return holders.size();
    }

    /** Tasks parked now. */
    int parked() {
        return waiting.size();
    }
}
