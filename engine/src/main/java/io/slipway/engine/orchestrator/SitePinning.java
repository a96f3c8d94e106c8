package io.slipway.engine.orchestrator;

import io.slipway.engine.site.SiteModel;
import io.slipway.store.ResultMessage;
import io.slipway.store.SiteLock;
import io.slipway.store.SiteLockStore;
import io.slipway.store.Task;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Site-lock pinning: which design revision a task runs against, and the lock {@code prepare_site}
 * takes. Every write is fenced and its failure is the failure of the returned future (the caller
 * fails the task). Confined to the orchestrator's context.
 */
final class SitePinning {
    private final SiteLockStore locks;
    private final Function<Long, Future<SiteModel>> sites;
    private final TaskWriter writer;

    SitePinning(SiteLockStore locks, Function<Long, Future<SiteModel>> sites, TaskWriter writer) {
        this.locks = locks;
        this.sites = sites;
        this.writer = writer;
    }

    /**
     * The revision a task runs against: its own, unless the site is locked to another one (then the
     * locked revision, and the task's revision is recorded as pending approval). Validation always
     * uses the task's own revision: new designs may be validated while a site is locked. Fails when
     * the task names no revision or a lookup or write fails.
     */
    Future<SiteModel> pinned(Task task) {
        if (task.designRevision() == null) {
            return Future.failedFuture(new IllegalArgumentException("the task names no design revision"));
        }
        Future<SiteModel> own;
        try {
            own = sites.apply(task.designRevision());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return own.compose(site -> Actions.VALIDATE_DESIGN.equals(task.action())
                ? Future.succeededFuture(site)
                : locks.find(site.site()).compose(lock -> underLock(task, site, lock)));
    }

    private Future<SiteModel> underLock(Task task, SiteModel site, Optional<SiteLock> lock) {
        if (lock.isEmpty() || lock.get().revision() == site.revision()) {
            return Future.succeededFuture(site);
        }
        long locked = lock.get().revision();
        String why = "site " + site.site() + " is locked to design revision " + locked + "; revision " + site.revision()
                + " awaits approval, so this task uses " + locked;
        return locks.pending(site.site(), site.revision(), writer.fence())
                .compose(v -> writer.log(task.id(), List.of(ResultMessage.info(why))))
                .compose(v -> sites.apply(locked));
    }

    /** {@code prepare_site} locks the site to the revision it ran against (kept when already locked). */
    Future<Void> lockAfter(Task task, SiteModel site) {
        if (!Actions.PREPARE_SITE.equals(task.action())) {
            return Future.succeededFuture();
        }
        return locks.lock(site.site(), site.revision(), task.createdBy(), writer.fence())
                .mapEmpty();
    }
}
