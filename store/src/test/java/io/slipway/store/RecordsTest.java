package io.slipway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecordsTest {

    @Test
    void designHashIsSha256OfTheText() {
        assertThat(DesignRevision.hashOf(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(DesignRevision.hashOf("a")).isNotEqualTo(DesignRevision.hashOf("a\n"));
    }

    @Test
    void bootActionContextKeepsOnlyTheKeyHash() {
        byte[] key = "node-key".getBytes(StandardCharsets.UTF_8);
        BootActionContext context = BootActionContext.forKey("n1", UUID.randomUUID(), key);

        assertThat(context.identityKeyHash()).hasSize(32).isNotEqualTo(key);
        assertThat(context.matches(key)).isTrue();
        assertThat(context.matches("other".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void subtaskInheritsRevisionRequesterAndRetryRound() {
        Task parent = Task.request("deploy_nodes", 7L, null, "shipyard", null).withRetry(2);
        Task sub = Task.subtask(parent, "deploy_node", null);

        assertThat(sub.parentId()).isEqualTo(parent.id());
        assertThat(sub.designRevision()).isEqualTo(7L);
        assertThat(sub.createdBy()).isEqualTo("shipyard");
        assertThat(sub.retry()).isEqualTo(2);
        assertThat(sub.status()).isEqualTo(TaskStatus.REQUESTED);
    }

    @Test
    void pageCursorPointsAtTheLastTaskShown() {
        List<Task> rows = IntStream.range(0, 4).mapToObj(i -> stored(i)).toList();

        TaskPage page = TaskPage.of(rows, 3);
        assertThat(page.tasks()).hasSize(3);
        assertThat(page.next())
                .contains(new TaskPage.Cursor(rows.get(2).created(), rows.get(2).id()));
        assertThat(TaskPage.of(rows, 4).next()).isEmpty();
    }

    @Test
    void onlyUnavailableIsRetryable() {
        assertThat(StoreException.unavailable("x", null).retryable()).isTrue();
        assertThat(StoreException.conflict("x").retryable()).isFalse();
        assertThat(StoreException.fenced(Fence.of(3)).kind()).isEqualTo(StoreException.Kind.FENCED);
    }

    private static Task stored(int i) {
        Task t = Task.request("a", null, null, "u", null);
        return new Task(
                t.id(),
                null,
                "a",
                null,
                null,
                null,
                TaskStatus.QUEUED,
                t.result(),
                0,
                Instant.ofEpochSecond(1_000 - i),
                "u",
                null,
                null,
                null,
                null,
                false,
                0);
    }
}
