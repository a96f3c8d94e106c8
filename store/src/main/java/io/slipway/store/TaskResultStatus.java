package io.slipway.store;

import java.util.Locale;

/**
 * A task's result, stored and shown as its label: {@code success} (every node reached the goal),
 * {@code partial_success} (some did), {@code failure} (none did, or the task itself failed) and
 * {@code incomplete} (nothing is decided yet).
 */
public enum TaskResultStatus {
    SUCCESS,
    PARTIAL_SUCCESS,
    FAILURE,
    INCOMPLETE;

    /** The stored and wire label ({@code partial_success}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The result labelled {@code label}; an unknown label fails naming it. */
    public static TaskResultStatus fromLabel(String label) {
        for (TaskResultStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown task result " + label);
    }

    @Override
    public String toString() {
        return label();
    }
}
