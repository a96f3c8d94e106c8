package io.slipway.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a node's append-only timeline. {@code seq} and {@code ts} are assigned by the store
 * when zero/null.
 */
public record NodeEvent(
        long seq,
        String nodeName,
        Instant ts,
        String kind,
        String fromState,
        String toState,
        UUID taskId,
        String detail,
        JsonObject extra) {

    public static final String TRANSITION = "transition";

    public NodeEvent {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(kind, "kind");
    }

    /** A lifecycle state change, optionally caused by a task. */
    public static NodeEvent transition(String nodeName, String from, String to, UUID taskId) {
        return new NodeEvent(0, nodeName, null, TRANSITION, from, to, taskId, null, null);
    }

    /** Anything else worth keeping on the timeline (power change, driver error, operator note). */
    public static NodeEvent of(String nodeName, String kind, String detail) {
        return new NodeEvent(0, nodeName, null, kind, null, null, null, detail, null);
    }

    public NodeEvent withExtra(JsonObject details) {
        return new NodeEvent(seq, nodeName, ts, kind, fromState, toState, taskId, detail, details);
    }
}
