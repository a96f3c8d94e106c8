package io.slipway.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StaggeredTest {

    @Test
    void operationsStartSpreadOverTheSpanNotTogether() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            List<Long> starts = new CopyOnWriteArrayList<>();
            List<Supplier<Future<Integer>>> ops = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                ops.add(() -> {
                    starts.add(System.nanoTime());
                    return Future.succeededFuture(n);
                });
            }
            long t0 = System.nanoTime();
            List<Future<Integer>> futures = Staggered.start(vertx, ops, 400);
            Future.all(futures).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(futures).extracting(Future::result).containsExactly(0, 1, 2, 3, 4);
            // the first starts at once, the last about 4 gaps of 80 ms later
            assertThat((starts.get(0) - t0) / 1_000_000).isLessThan(200);
            assertThat((starts.get(4) - starts.get(0)) / 1_000_000).isGreaterThanOrEqualTo(300);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    @Test
    void noSpanStartsEverythingAtOnce() {
        List<Supplier<Future<Integer>>> ops = List.of(() -> Future.succeededFuture(1), () -> Future.succeededFuture(2));
        assertThat(Staggered.start(null, ops, 0)).allMatch(Future::succeeded);
    }
}
