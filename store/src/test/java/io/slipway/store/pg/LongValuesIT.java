package io.slipway.store.pg;

import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.BootActionContext;
import io.slipway.store.BootActionStatus;
import io.slipway.store.BuildData;
import io.slipway.store.DesignRevision;
import io.slipway.store.Fence;
import io.slipway.store.NodeEvent;
import io.slipway.store.NodeState;
import io.slipway.store.ResultMessage;
import io.slipway.store.StoreHandle;
import io.slipway.store.Task;
import io.slipway.store.TaskResult;
import io.slipway.store.TaskStatus;
import io.slipway.store.testing.PostgresExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Values that broke fixed-width columns elsewhere (127-char messages, 32-char node names, 128-char
 * design references) round-trip unchanged, multi-byte characters included.
 */
@ExtendWith(PostgresExtension.class)
class LongValuesIT {

    /** 253 characters: the longest DNS name, and so the longest node name. */
    static final String NODE = longName();

    static final String MESSAGE = text("Ünïcode mëssage ✓ ", 2_000);
    static final String DESIGN_REF = designRef();

    private static StoreHandle store;
    private static Fence fence;

    @BeforeAll
    static void open(StoreHandle handle) {
        store = handle;
        fence = result(handle.leaderEpoch().advance("it"));
    }

    @Test
    void fixturesHaveTheAdvertisedSizes() {
        assertThat(NODE).hasSize(253);
        assertThat(MESSAGE).hasSize(2_000);
        assertThat(DESIGN_REF).hasSize(2_048);
    }

    @Test
    void twoThousandCharacterMessage() {
        Task task = result(store.tasks().create(Task.request("deploy_nodes", null, null, "it", null)));
        result(store.messages()
                .append(task.id(), List.of(ResultMessage.error(MESSAGE).about("node", NODE)), fence));

        ResultMessage stored = result(store.messages().list(task.id())).get(0);
        assertThat(stored.message()).isEqualTo(MESSAGE);
        assertThat(stored.contextId()).isEqualTo(NODE);
    }

    @Test
    void twoKilobyteDesignReference() {
        DesignRevision revision = result(store.designs().save(DESIGN_REF, "--- {}\n"));
        assertThat(result(store.designs().find(revision.id())).sourceRef()).isEqualTo(DESIGN_REF);
    }

    @Test
    void longNodeNameEverywhere() {
        String user = text("operator@", 300);
        Task task = result(store.tasks()
                .create(Task.request("deploy_nodes", null, null, user, null).withStatus(TaskStatus.QUEUED)));
        Task done = result(store.tasks()
                .update(
                        task.withStatus(TaskStatus.COMPLETE)
                                .withResult(TaskResult.of("partial_success", List.of(NODE), List.of(NODE + "x"))
                                        .withMessage(MESSAGE, MESSAGE)),
                        fence));

        Task reloaded = result(store.tasks().find(task.id()));
        assertThat(reloaded).isEqualTo(done);
        assertThat(reloaded.createdBy()).isEqualTo(user);
        assertThat(reloaded.result().successes()).containsExactly(NODE);
        assertThat(reloaded.result().message()).isEqualTo(MESSAGE);

        NodeState state = result(
                store.nodes().save(NodeState.initial(NODE, "available", 3).withLastError(MESSAGE), fence));
        assertThat(result(store.nodes().find(NODE))).isEqualTo(state);
        assertThat(result(store.nodes().append(NodeEvent.of(NODE, "note", MESSAGE), fence))
                        .detail())
                .isEqualTo(MESSAGE);
        result(store.buildData().append(BuildData.of(NODE, task.id(), "g", "text/plain", "d"), fence));
        assertThat(result(store.buildData().history(NODE))).hasSize(1);
        result(store.bootActions()
                .createContext(
                        BootActionContext.forKey(NODE, task.id(), new byte[] {1}),
                        List.of(BootActionStatus.create(NODE, task.id(), "a", "x")),
                        fence));
        assertThat(result(store.bootActions().actions(NODE)))
                .extracting(BootActionStatus::nodeName)
                .containsExactly(NODE);
    }

    private static String longName() {
        StringBuilder name = new StringBuilder("rack01-node01");
        while (name.length() < 253) {
            name.append(".example");
        }
        return name.substring(0, 252) + "z";
    }

    private static String designRef() {
        String prefix = "deckhand+https://deckhand.example/api/v1.0/revisions/";
        return prefix + text("a/", 2_048 - prefix.length() - 4) + "?x=1";
    }

    private static String text(String unit, int length) {
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }
}
