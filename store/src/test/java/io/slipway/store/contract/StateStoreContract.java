package io.slipway.store.contract;

import static io.slipway.store.testing.Await.failureKind;
import static io.slipway.store.testing.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.BootActionContext;
import io.slipway.store.BootActionStatus;
import io.slipway.store.BuildData;
import io.slipway.store.DesignRevision;
import io.slipway.store.Fence;
import io.slipway.store.NodeEvent;
import io.slipway.store.NodeState;
import io.slipway.store.SiteLock;
import io.slipway.store.StoreException.Kind;
import io.slipway.store.Task;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node state, site locks, designs, the epoch, boot actions and build data. */
public abstract class StateStoreContract extends StoreContract {

    @Test
    void theEpochOnlyMovesForward() {
        Fence a = lead();
        Fence b = lead();
        assertThat(b.epoch()).isEqualTo(a.epoch() + 1);
        assertThat(result(store().leaderEpoch().current())).isEqualTo(b);
    }

    @Test
    void nodeStateIsInsertedAtVersionOneAndSavedOnlyOverTheStoredVersion() {
        Fence fence = lead();
        String node = unique("node");
        NodeState first = result(store().nodes()
                .save(NodeState.initial(node, "available", 3).withProgress(new JsonObject().put("done", 1)), fence));
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.updated()).isNotNull();
        assertThat(first.progress().getInteger("done")).isEqualTo(1);

        NodeState second = result(store().nodes().save(first.withPower("on"), fence));
        assertThat(second.version()).isEqualTo(2);
        assertThat(result(store().nodes().find(node))).isEqualTo(second);
        assertThat(result(store().nodes().list())).contains(second);

        assertThat(failureKind(store().nodes().save(first.withPower("off"), fence)))
                .isEqualTo(Kind.CONFLICT);
        assertThat(failureKind(store().nodes().save(NodeState.initial(node, "available", 3), fence)))
                .isEqualTo(Kind.CONFLICT);
        NodeState ghost = new NodeState(unique("ghost"), "available", null, null, null, 3, null, 4);
        assertThat(failureKind(store().nodes().save(ghost, fence))).isEqualTo(Kind.NOT_FOUND);
        assertThat(failureKind(store().nodes().find(ghost.nodeName()))).isEqualTo(Kind.NOT_FOUND);

        lead();
        assertThat(failureKind(store().nodes().save(second.withPower("off"), fence)))
                .isEqualTo(Kind.FENCED);
        assertThat(failureKind(store().nodes().append(NodeEvent.of(node, "power", "off"), fence)))
                .isEqualTo(Kind.FENCED);
        assertThat(result(store().nodes().find(node))).isEqualTo(second);
    }

    @Test
    void theTimelineIsAppendOnlyAndPaged() {
        Fence fence = lead();
        String node = unique("node");
        NodeEvent on = result(store().nodes().append(NodeEvent.of(node, "power", "on"), fence));
        result(store().nodes().append(NodeEvent.transition(node, "available", "deploying", null), fence));
        assertThat(on.seq()).isPositive();
        assertThat(on.ts()).isNotNull();

        List<NodeEvent> all = result(store().nodes().timeline(node, 0, 10));
        assertThat(all).extracting(NodeEvent::kind).containsExactly("power", NodeEvent.TRANSITION);
        assertThat(result(store().nodes().timeline(node, on.seq(), 10))).containsExactly(all.get(1));
        assertThat(result(store().nodes().timeline(node, 0, 1))).containsExactly(on);
    }

    @Test
    void aSiteLockIsKeptUntilApprovedOrUnlocked() {
        Fence fence = lead();
        String site = unique("site");
        DesignRevision one = design();
        DesignRevision two = design();
        SiteLock lock = result(store().siteLocks().lock(site, one.id(), "prepare", fence));
        assertThat(lock.revision()).isEqualTo(one.id());
        assertThat(result(store().siteLocks().lock(site, two.id(), "again", fence)))
                .isEqualTo(lock);

        result(store().siteLocks().pending(site, two.id(), fence));
        assertThat(result(store().siteLocks().find(site)).orElseThrow().pending())
                .isEqualTo(two.id());
        SiteLock approved = result(store().siteLocks().approve(site, two.id()));
        assertThat(approved.revision()).isEqualTo(two.id());
        assertThat(approved.pending()).isNull();

        result(store().siteLocks().unlock(site));
        result(store().siteLocks().unlock(site));
        assertThat(result(store().siteLocks().find(site))).isEmpty();
        assertThat(failureKind(store().siteLocks().approve(site, two.id()))).isEqualTo(Kind.NOT_FOUND);
        lead();
        assertThat(failureKind(store().siteLocks().lock(site, one.id(), "stale", fence)))
                .isEqualTo(Kind.FENCED);
    }

    @Test
    void designsAreStoredOncePerContent() {
        String text = "# " + unique("design");
        DesignRevision first = result(store().designs().save("a", text));
        DesignRevision again = result(store().designs().save("b", text));
        assertThat(again).isEqualTo(first);
        assertThat(again.sourceRef()).isEqualTo("a");
        assertThat(result(store().designs().find(first.id()))).isEqualTo(first);
        assertThat(result(store().designs().recent(1)))
                .extracting(DesignRevision::id)
                .containsExactly(first.id());
        assertThat(failureKind(store().designs().find(Long.MAX_VALUE))).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void aFinishedBootActionCannotChangeAndANewContextHidesTheOldActions() {
        Fence fence = lead();
        String node = unique("node");
        Task task = queued(unique("deploy"));
        BootActionStatus a = BootActionStatus.create(node, task.id(), "a", "incomplete");
        result(store().bootActions()
                .createContext(BootActionContext.forKey(node, task.id(), new byte[] {1}), List.of(a), fence));
        assertThat(result(store().bootActions().context(node)).matches(new byte[] {1}))
                .isTrue();

        assertThat(result(store().bootActions().report(a.actionId(), "success")).status())
                .isEqualTo("success");
        assertThat(result(store().bootActions().report(a.actionId(), "success")).status())
                .isEqualTo("success");
        assertThat(failureKind(store().bootActions().report(a.actionId(), "failure")))
                .isEqualTo(Kind.CONFLICT);

        BootActionStatus b = BootActionStatus.create(node, task.id(), "b", "incomplete");
        result(store().bootActions()
                .createContext(BootActionContext.forKey(node, task.id(), new byte[] {2}), List.of(b), fence));
        assertThat(result(store().bootActions().actions(node)))
                .extracting(BootActionStatus::actionId)
                .containsExactly(b.actionId());
        assertThat(result(store().bootActions().action(a.actionId())).status()).isEqualTo("success");
    }

    @Test
    void buildDataIsKeptPerNodeNewestFirst() {
        Fence fence = lead();
        String node = unique("node");
        Task task = queued(unique("deploy"));
        BuildData first = result(store().buildData().append(BuildData.of(node, task.id(), "lshw", "text", "1"), fence));
        letTimePass();
        BuildData second =
                result(store().buildData().append(BuildData.of(node, task.id(), "lshw", "text", "2"), fence));

        assertThat(result(store().buildData().history(node))).containsExactly(second, first);
        assertThat(result(store().buildData().latest(node))).containsExactly(second);
        assertThat(result(store().buildData().forTask(task.id()))).containsExactly(first, second);
        lead();
        assertThat(failureKind(store().buildData().append(BuildData.of(node, null, "x", "text", "3"), fence)))
                .isEqualTo(Kind.FENCED);
    }
}
