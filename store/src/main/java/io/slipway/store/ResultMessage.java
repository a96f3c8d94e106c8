package io.slipway.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message in a task's result log, kept in full. {@code seq} orders messages within a task and
 * is assigned by the store, as is {@code ts} when left {@code null}; both are zero/null before the
 * message is appended.
 */
public record ResultMessage(
        long seq,
        UUID taskId,
        Instant ts,
        String level,
        String message,
        String contextType,
        String contextId,
        JsonObject extra) {

    public static final String INFO = "info";
    public static final String WARNING = "warning";
    public static final String ERROR = "error";

    public ResultMessage {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }

    public static ResultMessage of(String level, String message) {
        return new ResultMessage(0, null, null, level, message, null, null, null);
    }

    public static ResultMessage info(String message) {
        return of(INFO, message);
    }

    public static ResultMessage error(String message) {
        return of(ERROR, message);
    }

    /** What the message is about, e.g. {@code ("node", "rack1-n01")}. */
    public ResultMessage about(String type, String id) {
        return new ResultMessage(seq, taskId, ts, level, message, type, id, extra);
    }

    public ResultMessage withExtra(JsonObject details) {
        return new ResultMessage(seq, taskId, ts, level, message, contextType, contextId, details);
    }

    public boolean isError() {
        return ERROR.equals(level);
    }
}
