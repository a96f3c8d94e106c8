package io.slipway.store;

import java.util.Locale;

/**
 * Where a task is in its life, stored and shown as its label ({@code requested}, ...). A task is
 * created {@code requested}, becomes {@code queued} when its design revision is accepted, {@code
 * running} once claimed, and ends {@code complete}, or {@code terminated} after {@code terminating}
 * when an operator stops it.
 */
public enum TaskStatus {
    REQUESTED,
    QUEUED,
    RUNNING,
    TERMINATING,
    TERMINATED,
    COMPLETE;

    /** The stored and wire label ({@code running}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Finished tasks are the only ones retention may purge; nothing changes them any more. */
    public boolean finished() {
        return this == COMPLETE || this == TERMINATED;
    }

    /** Whether {@code status} is finished (the status of a task read from JSON or the store). */
    public static boolean finished(TaskStatus status) {
        return status != null && status.finished();
    }

    /** Whether the status labelled {@code status} is finished; an unknown label is not. */
    public static boolean finished(String status) {
        for (TaskStatus s : values()) {
            if (s.label().equals(status)) {
                return s.finished();
            }
        }
        return false;
    }

    /** The status labelled {@code label}; an unknown label fails naming it. */
    public static TaskStatus fromLabel(String label) {
        for (TaskStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown task status " + label);
    }

    /** The label, so a status reads as stored wherever it is printed. */
    @Override
    public String toString() {
        return label();
    }
}
