package io.slipway.engine.orchestrator;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.Fence;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The one reaction to a failed task write. */
class WriteBacklogTest {
    private final WriteBacklog backlog = new WriteBacklog();
    private final UUID task = UUID.randomUUID();

    /** A write that answers with the queued outcomes in turn (success once they run out) and counts its calls. */
    private static final class Write implements Supplier<Future<?>> {
        final Deque<RuntimeException> failures = new ArrayDeque<>();
        int calls;

        Write failing(RuntimeException... errors) {
            failures.addAll(java.util.List.of(errors));
            return this;
        }

        @Override
        public Future<?> get() {
            calls++;
            RuntimeException e = failures.poll();
            return e == null ? Future.succeededFuture() : Future.failedFuture(e);
        }
    }

    @Test
    void aFencedWriteIsLeftToTheNextLeader() {
        Write write = new Write().failing(StoreException.fenced(Fence.of(1)));
        result(backlog.write(task, "the result", write));
        result(backlog.retry());
        assertThat(write.calls).isEqualTo(1);
        assertThat(backlog.size()).isZero();
    }

    @Test
    void aWriteForATaskThatIsGoneIsDropped() {
        Write write = new Write().failing(StoreException.notFound("task is gone"));
        result(backlog.write(task, "the result", write));
        assertThat(backlog.size()).isZero();
    }

    @Test
    void anyOtherFailureIsWrittenAgainAtTheNextRetryUntilItLands() {
        Write write = new Write().failing(StoreException.conflict("changed"), StoreException.unavailable("full", null));
        result(backlog.write(task, "the result", write));
        assertThat(backlog.size()).isEqualTo(1);
        result(backlog.retry());
        assertThat(backlog.size()).isEqualTo(1);
        result(backlog.retry());
        assertThat(backlog.size()).isZero();
        assertThat(write.calls).isEqualTo(3);
    }

    @Test
    void aWriteThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
        Write write = new Write();
        for (int i = 0; i < WriteBacklog.MAX_ATTEMPTS + 5; i++) {
            write.failing(new IllegalStateException("bad row"));
        }
        result(backlog.write(task, "the result", write));
        for (int i = 0; i < WriteBacklog.MAX_ATTEMPTS + 5; i++) {
            result(backlog.retry());
        }
        assertThat(write.calls).isEqualTo(WriteBacklog.MAX_ATTEMPTS);
        assertThat(backlog.size()).isZero();
    }

    @Test
    void aWriteThatThrowsIsHandledAsAFailedOne() {
        result(backlog.write(task, "the result", () -> {
            throw new IllegalStateException("no");
        }));
        assertThat(backlog.size()).isEqualTo(1);
    }

    @Test
    void afterStopNothingIsKept() {
        result(backlog.write(task, "the result", new Write().failing(StoreException.conflict("changed"))));
        backlog.stop();
        assertThat(backlog.size()).isZero();
        result(backlog.write(task, "the result", new Write().failing(StoreException.conflict("changed"))));
        assertThat(backlog.size()).isZero();
    }
}
