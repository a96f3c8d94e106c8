package io.slipway.store;

import java.util.List;

/**
 * The outcome recorded on a task. {@code status} is the label of a {@link TaskResultStatus} ({@code
 * success, partial_success, failure, incomplete}); successes and failures are node names.
 */
public record TaskResult(String status, String message, String reason, List<String> successes, List<String> failures) {

    public static final String INCOMPLETE = TaskResultStatus.INCOMPLETE.label();

    public TaskResult {
        successes = List.copyOf(successes);
        failures = List.copyOf(failures);
    }

    /** The result of a task nothing has reported on yet. */
    public static TaskResult incomplete() {
        return new TaskResult(INCOMPLETE, null, null, List.of(), List.of());
    }

    public static TaskResult of(String status, List<String> successes, List<String> failures) {
        return new TaskResult(status, null, null, successes, failures);
    }

    /** The result status, typed; an unknown label fails naming it. */
    public TaskResultStatus resultStatus() {
        return TaskResultStatus.fromLabel(status);
    }

    public static TaskResult of(TaskResultStatus status, List<String> successes, List<String> failures) {
        return of(status.label(), successes, failures);
    }

    public TaskResult withMessage(String message, String reason) {
        return new TaskResult(status, message, reason, successes, failures);
    }
}
