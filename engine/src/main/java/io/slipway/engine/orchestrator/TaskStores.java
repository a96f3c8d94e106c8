package io.slipway.engine.orchestrator;

import io.slipway.store.ResultMessageStore;
import io.slipway.store.SiteLockStore;
import io.slipway.store.TaskStore;

/** The stores the orchestrator writes: tasks, their result logs and the site locks. */
public record TaskStores(TaskStore tasks, ResultMessageStore messages, SiteLockStore locks) {

    public static TaskStores of(TaskStore tasks, ResultMessageStore messages, SiteLockStore locks) {
        return new TaskStores(tasks, messages, locks);
    }
}
