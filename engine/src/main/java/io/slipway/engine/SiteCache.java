package io.slipway.engine;

import io.slipway.engine.site.SiteModel;
import io.slipway.engine.site.SiteModels;
import io.slipway.store.DesignStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/**
 * Compiled design revisions, by id. Compiling runs on a worker thread (it is CPU work); a revision
 * is compiled once and shared by every task pinned to it. Confined to the engine's context.
 */
final class SiteCache {
    private final Vertx vertx;
    private final DesignStore designs;
    private final SiteModels models;
    private final Map<Long, Future<SiteModel>> cache = new HashMap<>();

    SiteCache(Vertx vertx, DesignStore designs, SiteModels models) {
        this.vertx = vertx;
        this.designs = designs;
        this.models = models;
    }

    Future<SiteModel> get(long revision) {
        Future<SiteModel> f = cache.get(revision);
        if (f == null || f.failed()) {
            f = designs.find(revision)
                    .compose(r ->
                            vertx.executeBlocking(() -> models.compile(r.id(), r.sourceRef(), r.documents()), false));
            cache.put(revision, f);
        }
        return f;
    }

    /** Compiles a design that is not stored (revision 0), on a worker; nothing is cached or written. */
    Future<SiteModel> compile(io.slipway.engine.design.SourceText design) {
        return vertx.executeBlocking(
                () -> models.compile(
                        0, design.name(), new String(design.bytes(), java.nio.charset.StandardCharsets.UTF_8)),
                false);
    }
}
