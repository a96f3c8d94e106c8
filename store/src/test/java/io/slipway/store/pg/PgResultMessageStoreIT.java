package io.slipway.store.pg;

import static io.slipway.store.testing.Await.failureKind;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.Fence;
import io.slipway.store.ResultMessage;
import io.slipway.store.ResultMessageStore;
import io.slipway.store.StoreException.Kind;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.testing.PostgresExtension;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PgResultMessageStoreIT {

    private static StoreHandle store;
    private static ResultMessageStore messages;
    private static Fence fence;

    @BeforeAll
    static void open(StoreHandle handle) {
        store = handle;
        messages = handle.messages();
        fence = result(handle.leaderEpoch().advance("it"));
    }

    @Test
    void batchKeepsOrderAndEveryField() {
        UUID task = newTask();
        JsonObject extra = new JsonObject().put("ipmi", new JsonObject().put("code", 193));
        List<ResultMessage> batch = List.of(
                ResultMessage.info("powering on").about("node", "n01"),
                ResultMessage.error("BMC did not answer").about("node", "n02").withExtra(extra),
                ResultMessage.of(ResultMessage.WARNING, "slow"));

        assertThat(result(messages.append(task, batch, fence))).isEqualTo(3);
        List<ResultMessage> stored = result(messages.list(task));

        assertThat(stored)
                .extracting(ResultMessage::message)
                .containsExactly("powering on", "BMC did not answer", "slow");
        assertThat(stored).extracting(ResultMessage::seq).isSorted().doesNotHaveDuplicates();
        ResultMessage error = stored.get(1);
        assertThat(error.isError()).isTrue();
        assertThat(error.contextType()).isEqualTo("node");
        assertThat(error.contextId()).isEqualTo("n02");
        assertThat(error.extra()).isEqualTo(extra);
        assertThat(error.taskId()).isEqualTo(task);
        assertThat(error.ts()).isNotNull();
        assertThat(stored.get(0).extra()).isNull();
    }

    @Test
    void appendsAccumulateAndPage() {
        UUID task = newTask();
        for (int round = 0; round < 3; round++) {
            int base = round * 100;
            List<ResultMessage> batch = IntStream.range(base, base + 100)
                    .mapToObj(i -> ResultMessage.info("m" + i))
                    .toList();
            result(messages.append(task, batch, fence));
        }
        List<ResultMessage> first = result(messages.page(task, 0, 120));
        List<ResultMessage> rest = result(messages.page(task, first.get(119).seq(), 1000));

        assertThat(first).hasSize(120);
        assertThat(rest).hasSize(180);
        assertThat(rest.get(0).message()).isEqualTo("m120");
        assertThat(rest.get(179).message()).isEqualTo("m299");
    }

    @Test
    void unknownTaskIsNotFoundAndEmptyBatchIsANoop() {
        assertThat(failureKind(messages.append(UUID.randomUUID(), List.of(ResultMessage.info("x")), fence)))
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(result(messages.append(UUID.randomUUID(), List.of(), fence))).isZero();
    }

    @Test
    void staleEpochAppendsNothing() {
        UUID task = newTask();
        Fence stale = Fence.of(fence.epoch() - 1);
        assertThat(failureKind(messages.append(task, List.of(ResultMessage.info("late")), stale)))
                .isEqualTo(Kind.FENCED);
        assertThat(result(messages.list(task))).isEmpty();
    }

    private static UUID newTask() {
        return result(store.tasks().create(Task.request("verify_nodes", null, null, "it", null)))
                .id();
    }
}
