package io.slipway.engine;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.site.SiteModel;
import io.slipway.engine.site.SiteModels;
import io.slipway.store.DesignRevision;
import io.slipway.store.DesignStore;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The compiled-revision cache: compiled once, bounded, pinned revisions kept, failures not kept. */
class SiteCacheTest {
    private static Vertx vertx;
    private static SiteModels models;
    private final Designs designs = new Designs();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        models = new SiteModels(TestDesigns.rules(), false);
    }

    @AfterAll
    static void stop() {
        result(vertx.close());
    }

    @Test
    void aRevisionIsCompiledOnceAndSharedByEveryCaller() throws Exception {
        SiteCache cache = new SiteCache(vertx, designs, models, 2);
        long r = designs.add();
        SiteModel first = result(cache.get(r));
        assertThat(result(cache.get(r))).isSameAs(first);
        assertThat(designs.finds.get()).isEqualTo(1);
        assertThat(first.revision()).isEqualTo(r);
        assertThat(first.nodeDesigns()).containsKey("ctl01");
    }

    @Test
    void beyondItsCapacityTheLeastRecentlyUsedUnpinnedRevisionGoes() throws Exception {
        SiteCache cache = new SiteCache(vertx, designs, models, 2);
        long r1 = designs.add();
        long r2 = designs.add();
        long r3 = designs.add();
        SiteModel one = result(cache.get(r1));
        result(cache.get(r2));
        result(cache.get(r1)); // r1 is now more recent than r2
        result(cache.get(r3));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(result(cache.get(r1))).as("r1 stayed (r2 was older)").isSameAs(one);
        assertThat(designs.finds.get()).isEqualTo(3);
        result(cache.get(r2));
        assertThat(designs.finds.get()).as("r2 was evicted and compiled again").isEqualTo(4);
    }

    @Test
    void aPinnedRevisionStaysHoweverManyOthersAreAskedForAndGoesOnceUnpinned() throws Exception {
        SiteCache cache = new SiteCache(vertx, designs, models, 1);
        long pinned = designs.add();
        SiteModel held = result(cache.get(pinned));
        cache.pin(pinned);
        cache.pin(pinned);
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(designs.add());
            result(cache.get(others.get(i)));
        }
        assertThat(cache.size()).as("the pinned revision and one recent one").isEqualTo(2);
        assertThat(result(cache.get(pinned))).isSameAs(held);
        cache.unpin(pinned);
        assertThat(result(cache.get(pinned))).as("still pinned once").isSameAs(held);
        cache.unpin(pinned);
        result(cache.get(others.get(0)));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(result(cache.get(pinned))).as("compiled again after it went").isNotSameAs(held);
    }

    @Test
    void aRevisionThatCannotBeFoundIsNotKept() {
        SiteCache cache = new SiteCache(vertx, designs, models, 2);
        assertThat(io.slipway.store.testing.Await.failureKind(cache.get(404))).isEqualTo(StoreException.Kind.NOT_FOUND);
        assertThat(cache.size()).isZero();
    }

    /** Design revisions held in memory, each a copy of the lab site, counting the look-ups. */
    private static final class Designs implements DesignStore {
        private final Map<Long, DesignRevision> revisions = new ConcurrentHashMap<>();
        private final AtomicInteger finds = new AtomicInteger();
        private final String lab;

        Designs() {
            try {
                lab = Files.readString(TestDesigns.repoRoot().resolve("site-examples/lab-site.yaml"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        long add() {
            return result(save("lab-" + (revisions.size() + 1) + ".yaml", lab)).id();
        }

        @Override
        public Future<DesignRevision> save(String sourceRef, String documents) {
            long id = revisions.size() + 1;
            DesignRevision r = new DesignRevision(
                    id, Integer.toHexString(documents.hashCode()), sourceRef, documents, Instant.now());
            revisions.put(id, r);
            return Future.succeededFuture(r);
        }

        @Override
        public Future<DesignRevision> find(long id) {
            finds.incrementAndGet();
            DesignRevision r = revisions.get(id);
            return r == null
                    ? Future.failedFuture(StoreException.notFound("design revision " + id))
                    : Future.succeededFuture(r);
        }

        @Override
        public Future<List<DesignRevision>> recent(int limit) {
            return Future.succeededFuture(List.copyOf(revisions.values()));
        }
    }
}
