package io.slipway.engine.orchestrator;

import io.slipway.store.TaskResultStatus;
import java.util.Collection;

/**
 * A task's result from its nodes' final outcomes (after retries): all succeeded → success, none →
 * failure, some → partial_success. Order does not matter (Drydock voted in arrival order).
 */
public final class Voting {
    public static final String SUCCESS = TaskResultStatus.SUCCESS.label();
    public static final String PARTIAL = TaskResultStatus.PARTIAL_SUCCESS.label();
    public static final String FAILURE = TaskResultStatus.FAILURE.label();

    private Voting() {}

    public static String result(Collection<String> successes, Collection<String> failures) {
        if (failures.isEmpty()) {
            return SUCCESS;
        }
        return successes.isEmpty() ? FAILURE : PARTIAL;
    }
}
