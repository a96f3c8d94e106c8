package io.slipway.store.testing.memory;

import io.slipway.store.Fence;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The state every in-memory store shares: the clock that stamps rows, the leader epoch that fences
 * writes, one sequence for generated ids, and one lock, so an operation is atomic across stores as
 * a Postgres statement is. Faults are injected here: an outage ({@link #unavailable}) fails every
 * call, {@link #failNextWrites} fails the next writes, both with {@code UNAVAILABLE} as Pg does when
 * the database cannot be reached.
 *
 * <p>Thread-safe. Futures are already complete when returned (no Vert.x context needed), so a test
 * runs in the order it is written.
 */
public final class MemoryDatabase {

    private final Clock clock;
    private long epoch;
    private String holder;
    private long sequence;
    private boolean down;
    private int writesToFail;

    MemoryDatabase(Clock clock) {
        this.clock = clock;
    }

    /** While {@code down}, every read and write fails with {@code UNAVAILABLE}. */
    public synchronized void unavailable(boolean down) {
        this.down = down;
    }

    /** The next {@code count} writes (fenced or not) fail with {@code UNAVAILABLE}; reads still work. */
    public synchronized void failNextWrites(int count) {
        this.writesToFail = count;
    }

    /** The instance that advanced the epoch last; null before any leader. */
    public synchronized String holder() {
        return holder;
    }

    synchronized long advance(String instanceId) {
        holder = instanceId;
        return ++epoch;
    }

    synchronized long epoch() {
        return epoch;
    }

    synchronized boolean current(Fence fence) {
        return fence.epoch() == epoch;
    }

    Instant now() {
        return clock.instant();
    }

    synchronized long nextId() {
        return ++sequence;
    }

    /** Runs a read atomically. */
    synchronized <T> Future<T> read(String doing, Supplier<T> op) {
        if (down) {
            return Future.failedFuture(outage(doing));
        }
        return run(op);
    }

    /** Runs an unfenced write atomically. */
    synchronized <T> Future<T> write(String doing, Supplier<T> op) {
        if (down || writesToFail > 0) {
            writesToFail = Math.max(0, writesToFail - 1);
            return Future.failedFuture(outage(doing));
        }
        return run(op);
    }

    /** Runs a write atomically if {@code fence} is current, and fails with {@code FENCED} if not. */
    synchronized <T> Future<T> fenced(Fence fence, String doing, Supplier<T> op) {
        return write(doing, () -> {
            if (!current(fence)) {
                throw StoreException.fenced(fence);
            }
            return op.get();
        });
    }

    private static <T> Future<T> run(Supplier<T> op) {
        try {
            return Future.succeededFuture(op.get());
        } catch (StoreException | IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
    }

    private static StoreException outage(String doing) {
        return StoreException.unavailable(doing + ": database unavailable", new IllegalStateException("outage"));
    }
}
