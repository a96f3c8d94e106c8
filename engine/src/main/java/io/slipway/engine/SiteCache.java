package io.slipway.engine;

import io.slipway.engine.design.SourceText;
import io.slipway.engine.site.SiteModel;
import io.slipway.engine.site.SiteModels;
import io.slipway.store.DesignStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled design revisions, by id: one cache for the whole process, shared by the API (boot-action
 * rendering) and the leader's engine (tasks and node assignments). Compiling runs on a worker thread
 * (it is CPU work); a revision is compiled once and shared by every user of it.
 *
 * <p>Bounded: besides the revisions {@linkplain #pin pinned} by their users (the engine pins every
 * revision a node is assigned to), at most {@code capacity} revisions are kept, least recently used
 * first out. A failed compile is not kept. Thread-safe; never blocks the caller.
 */
public final class SiteCache {
    /** Unpinned revisions kept by default: a few recent designs of a site, each possibly large. */
    public static final int DEFAULT_CAPACITY = 4;

    private final Vertx vertx;
    private final DesignStore designs;
    private final SiteModels models;
    private final int capacity;
    private final Map<Long, Future<SiteModel>> compiled = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Long, Integer> pins = new HashMap<>();

    public SiteCache(Vertx vertx, DesignStore designs, SiteModels models, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.vertx = vertx;
        this.designs = designs;
        this.models = models;
        this.capacity = capacity;
    }

    public SiteCache(Vertx vertx, DesignStore designs, SiteModels models) {
        this(vertx, designs, models, DEFAULT_CAPACITY);
    }

    /** The compiled revision, compiled now (off the caller's thread) unless cached. */
    public synchronized Future<SiteModel> get(long revision) {
        Future<SiteModel> f = compiled.get(revision);
        if (f == null || f.failed()) {
            f = designs.find(revision)
                    .compose(r ->
                            vertx.executeBlocking(() -> models.compile(r.id(), r.sourceRef(), r.documents()), false));
            compiled.put(revision, f);
            f.onFailure(e -> forgetFailed(revision));
            evict();
        }
        return f;
    }

    /** Compiles a design that is not stored (revision 0), on a worker; nothing is cached or written. */
    public Future<SiteModel> compile(SourceText design) {
        return vertx.executeBlocking(
                () -> models.compile(0, design.name(), new String(design.bytes(), StandardCharsets.UTF_8)), false);
    }

    /**
     * Keeps {@code revision} cached until as many {@link #unpin} calls: the same compiled model then
     * serves every later {@link #get}, however many other revisions are asked for meanwhile.
     */
    public synchronized void pin(long revision) {
        pins.merge(revision, 1, Integer::sum);
    }

    /** Undoes one {@link #pin}; the revision becomes evictable when no pin is left. */
    public synchronized void unpin(long revision) {
        pins.computeIfPresent(revision, (r, n) -> n > 1 ? n - 1 : null);
        evict();
    }

    /** Revisions held now (pinned or recent), for status and tests. */
    public synchronized int size() {
        return compiled.size();
    }

    private synchronized void forgetFailed(long revision) {
        Future<SiteModel> f = compiled.get(revision);
        if (f != null && f.failed()) {
            compiled.remove(revision);
        }
    }

    /** Drops least recently used unpinned revisions beyond the capacity. */
    private void evict() {
        int unpinned = (int)
                compiled.keySet().stream().filter(r -> !pins.containsKey(r)).count();
        for (Iterator<Long> it = compiled.keySet().iterator(); it.hasNext() && unpinned > capacity; ) {
            if (!pins.containsKey(it.next())) {
                it.remove();
                unpinned--;
            }
        }
    }
}
