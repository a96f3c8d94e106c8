package io.slipway.engine.orchestrator;

import io.slipway.engine.site.SiteModel;
import io.slipway.store.ResultMessage;
import io.slipway.store.Task;
import io.slipway.store.TaskResult;
import io.vertx.core.Future;
import java.util.List;

/**
 * Runs a site action to its end: the action itself, the site lock {@code prepare_site} takes, the
 * action's messages and the task's result. Fails (and the caller fails the task) when the action or
 * the lock fails; the log and result writes handle their own failures. Confined to the
 * orchestrator's context.
 */
final class SiteTasks {
    private final SiteActions actions;
    private final SitePinning pinning;
    private final TaskEnds ends;

    SiteTasks(SiteActions actions, SitePinning pinning, TaskEnds ends) {
        this.actions = actions;
        this.pinning = pinning;
        this.ends = ends;
    }

    Future<Void> run(Task task, SiteModel site) {
        return actions.run(task.action(), site)
                .compose(o -> pinning.lockAfter(task, site).map(o))
                .compose(o -> ends.log(task.id(), o.messages()).compose(v -> ends.finish(task.id(), result(task, o))));
    }

    private static TaskResult result(Task task, SiteActions.Outcome o) {
        boolean ok = o.result().equals(Voting.SUCCESS);
        String reason = o.messages().stream()
                .filter(ResultMessage::isError)
                .findFirst()
                .map(ResultMessage::message)
                .orElse(null);
        return TaskResult.of(o.result(), List.of(), List.of())
                .withMessage(task.action() + (ok ? " succeeded" : " failed"), reason);
    }
}
