package io.slipway.api.http;

import io.slipway.engine.site.SiteModel;
import io.slipway.engine.site.SiteModels;
import io.slipway.store.DesignStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled design revisions for this instance's API (boot-action rendering), compiled on a worker
 * thread and kept for the most recently used revisions. Thread-safe.
 */
public final class RevisionCache {
    private static final int CAPACITY = 16;
    private final Vertx vertx;
    private final DesignStore designs;
    private final SiteModels models;
    private final Map<Long, Future<SiteModel>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Future<SiteModel>> eldest) {
            return size() > CAPACITY;
        }
    };

    public RevisionCache(Vertx vertx, DesignStore designs, SiteModels models) {
        this.vertx = vertx;
        this.designs = designs;
        this.models = models;
    }

    public synchronized Future<SiteModel> get(long revision) {
        Future<SiteModel> f = cache.get(revision);
        if (f == null || f.failed()) {
            f = designs.find(revision)
                    .compose(r ->
                            vertx.executeBlocking(() -> models.compile(r.id(), r.sourceRef(), r.documents()), false));
            cache.put(revision, f);
        }
        return f;
    }
}
