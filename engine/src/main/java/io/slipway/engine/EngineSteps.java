package io.slipway.engine;

import io.slipway.drivers.spi.node.HardwareManifest;
import io.slipway.engine.bootaction.BootActionContexts;
import io.slipway.engine.bootaction.IssuedContext;
import io.slipway.engine.dispatch.StepRunner;
import io.slipway.engine.lifecycle.LifecycleEngine;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.BuildData;
import io.slipway.store.Fence;
import io.slipway.store.StoreHandle;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.UUID;

/**
 * What steps need from the engine besides drivers: a sink for the hardware a node reported (build
 * data, stamped with the node's task and the engine's clock) and the boot-action context a node
 * being deployed is given. Both write fenced. Confined to the engine's context (it reads the rule
 * session for the node's task).
 */
final class EngineSteps implements StepRunner.BuildDataSink, StepRunner.BootActionIssuer {
    private final StoreHandle store;
    private final Fence fence;
    private final LifecycleEngine session;
    private final Clock clock;

    EngineSteps(StoreHandle store, Fence fence, LifecycleEngine session, Clock clock) {
        this.store = store;
        this.fence = fence;
        this.session = session;
        this.clock = clock;
    }

    @Override
    public Future<Void> record(String node, HardwareManifest m) {
        BuildData data = new BuildData(0, node, taskOf(node), clock.instant(), m.generator(), m.format(), m.data());
        return store.buildData().append(data, fence).mapEmpty();
    }

    /**
     * A node being deployed gets a boot-action context from its task's pinned revision, unless it
     * already holds one of this task (a retried deploy must not change the key the node was given).
     */
    @Override
    public Future<IssuedContext> issue(SiteModel site, String node) {
        UUID task = taskOf(node);
        if (task == null) {
            return Future.succeededFuture(null);
        }
        return store.bootActions().context(node).transform(existing -> {
            if (existing.succeeded() && task.equals(existing.result().taskId())) {
                return Future.succeededFuture(null);
            }
            return store.tasks()
                    .find(task)
                    .compose(t -> t.designRevision() != null && t.designRevision() == site.revision()
                            ? BootActionContexts.create(store.bootActions()).create(site, t, node, fence)
                            // A task running on a locked site's other revision: boot actions render from the task's own
                            // revision, so no context is issued rather than a mismatched one.
                            : Future.succeededFuture(null));
        });
    }

    /** The task whose intent the node carries now, or null. */
    UUID taskOf(String node) {
        var intent = session.intent(node);
        try {
            return intent == null ? null : UUID.fromString(intent.taskId());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
