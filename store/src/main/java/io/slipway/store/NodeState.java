package io.slipway.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * What Slipway last observed about a node. {@code version} is the optimistic-concurrency token:
 * zero for a node never stored, then whatever the store returned.
 */
public record NodeState(
        String nodeName,
        String lifecycleState,
        String power,
        String bootDevice,
        String lastError,
        int retryBudget,
        JsonObject progress,
        Instant updated,
        long version) {

    public NodeState {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(lifecycleState, "lifecycleState");
        progress = progress == null ? new JsonObject() : progress;
    }

    /** The pre-progress shape, for callers that do not track lifecycle progress. */
    public NodeState(
            String nodeName,
            String lifecycleState,
            String power,
            String bootDevice,
            String lastError,
            int retryBudget,
            Instant updated,
            long version) {
        this(nodeName, lifecycleState, power, bootDevice, lastError, retryBudget, null, updated, version);
    }

    /** The engine's lifecycle progress document (steps done, failures, pause, reason). */
    public NodeState withProgress(JsonObject p) {
        return new NodeState(nodeName, lifecycleState, power, bootDevice, lastError, retryBudget, p, updated, version);
    }

    /** A node seen for the first time. */
    public static NodeState initial(String nodeName, String lifecycleState, int retryBudget) {
        return new NodeState(nodeName, lifecycleState, null, null, null, retryBudget, null, 0);
    }

    public NodeState withLifecycleState(String state) {
        return new NodeState(nodeName, state, power, bootDevice, lastError, retryBudget, progress, updated, version);
    }

    public NodeState withPower(String newPower) {
        return new NodeState(
                nodeName, lifecycleState, newPower, bootDevice, lastError, retryBudget, progress, updated, version);
    }

    public NodeState withBootDevice(String device) {
        return new NodeState(
                nodeName, lifecycleState, power, device, lastError, retryBudget, progress, updated, version);
    }

    public NodeState withLastError(String error) {
        return new NodeState(
                nodeName, lifecycleState, power, bootDevice, error, retryBudget, progress, updated, version);
    }

    public NodeState withRetryBudget(int budget) {
        return new NodeState(
                nodeName, lifecycleState, power, bootDevice, lastError, budget, progress, updated, version);
    }
}
