package io.slipway.engine.orchestrator;

import io.slipway.store.StoreException;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reaction to a task write that failed for good ({@link TaskWriter} has already waited out
 * an unavailable database):
 *
 * <ul>
 *   <li>fenced (or this instance stopped leading): nothing more here; the task stays as stored and
 *       the next leader resumes it;
 *   <li>the task no longer exists: dropped, with a warning;
 *   <li>anything else (a conflict that outlasted the re-reads, a full write queue): kept and written
 *       again at the next {@link #retry()}, up to {@link #MAX_ATTEMPTS} attempts; then dropped with an
 *       error, and the task is left as stored for the next leader to resume.
 * </ul>
 *
 * <p>Confined to the orchestrator's context.
 */
final class WriteBacklog {
    static final int MAX_ATTEMPTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(WriteBacklog.class);
    private final List<Item> items = new ArrayList<>();
    private boolean stopped;

    private record Item(UUID task, String what, Supplier<Future<?>> write, int attempts) {}

    /**
     * Runs {@code write} now. The returned future completes when this attempt is over and never
     * fails: a failure is handled here as described above.
     */
    Future<Void> write(UUID task, String what, Supplier<Future<?>> write) {
        return attempt(new Item(task, what, write, 1));
    }

    /** Writes kept after a failure are attempted again, oldest first, each once. */
    Future<Void> retry() {
        List<Item> again = List.copyOf(items);
        items.clear();
        Future<Void> chain = Future.succeededFuture();
        for (Item item : again) {
            chain = chain.compose(v -> attempt(new Item(item.task, item.what, item.write, item.attempts + 1)));
        }
        return chain;
    }

    /** Writes waiting for a retry. */
    int size() {
        return items.size();
    }

    /** This instance no longer leads: kept writes are dropped, new failures are not kept. */
    void stop() {
        stopped = true;
        items.clear();
    }

    private Future<Void> attempt(Item item) {
        Future<?> write;
        try {
            write = item.write.get();
        } catch (RuntimeException e) {
            write = Future.failedFuture(e);
        }
        return write.transform(ar -> {
            if (ar.failed()) {
                failed(item, ar.cause());
            }
            return Future.<Void>succeededFuture();
        });
    }

    private void failed(Item item, Throwable e) {
        StoreException.Kind kind = e instanceof StoreException se ? se.kind() : null;
        if (stopped || kind == StoreException.Kind.FENCED) {
            LOG.info(
                    "{} of task {} not written: this instance no longer leads, the next leader resumes the task",
                    item.what,
                    item.task);
        } else if (kind == StoreException.Kind.NOT_FOUND) {
            LOG.warn("{} of task {} not written: the task no longer exists ({})", item.what, item.task, e.getMessage());
        } else if (item.attempts >= MAX_ATTEMPTS) {
            LOG.error(
                    "{} of task {} failed {} times, giving up; the next leader resumes the task: {}",
                    item.what,
                    item.task,
                    item.attempts,
                    e.toString());
        } else {
            LOG.warn(
                    "{} of task {} failed (attempt {}), trying again at the next poll: {}",
                    item.what,
                    item.task,
                    item.attempts,
                    e.toString());
            items.add(item);
        }
    }
}
