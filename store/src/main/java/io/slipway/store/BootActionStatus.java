package io.slipway.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The reported status of one boot action on one node, within one context. {@code status} is engine
 * vocabulary ({@code incomplete, success, failure, unreported}).
 */
public record BootActionStatus(
        UUID actionId, String nodeName, UUID taskId, String actionName, String status, Instant updated) {

    public BootActionStatus {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(actionName, "actionName");
        Objects.requireNonNull(status, "status");
    }

    /** A new action row with a fresh id, to be stored with its context. */
    public static BootActionStatus create(String nodeName, UUID taskId, String actionName, String status) {
        return new BootActionStatus(UUID.randomUUID(), nodeName, taskId, actionName, status, null);
    }
}
