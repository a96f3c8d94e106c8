package io.slipway.engine.bootaction;

import io.slipway.engine.design.model.BootAction;
import io.slipway.engine.effective.EffectiveNode;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.BootActionContext;
import io.slipway.store.BootActionStatus;
import io.slipway.store.BootActionStore;
import io.slipway.store.Fence;
import io.slipway.store.Task;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Creates a node's boot action context when the node is deployed.
 *
 * <p>The context is built from the task's <em>pinned</em> {@link SiteModel}: one status row per
 * boot action that targets the node in that revision ({@code incomplete} when the action signals,
 * {@code unreported} when not), each with a fresh action id, and a fresh 32-byte identity key. A
 * context is created even for a node no boot action targets, so every deployed node can fetch
 * (empty) bundles instead of getting a 404.
 *
 * <p>Not idempotent: every call issues a new key and new action ids and replaces the node's live
 * context (the old key stops working). The write is an orchestrator write, fenced by {@code
 * fence}; failures are the store's {@code StoreException}s ({@code FENCED}, {@code UNAVAILABLE}),
 * or {@code IllegalArgumentException} when the task is not pinned to {@code site}'s revision or the
 * node is not in it. Any thread; thread-safe.
 */
public final class BootActionContexts {
    private final BootActionStore store;
    private final SecureRandom random;

    private BootActionContexts(BootActionStore store, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.random = Objects.requireNonNull(random, "random");
    }

    public static BootActionContexts create(BootActionStore store) {
        return new BootActionContexts(store, new SecureRandom());
    }

    /** Creates the context of {@code node} for {@code task}, whose pinned revision is {@code site}. */
    public Future<IssuedContext> create(SiteModel site, Task task, String node, Fence fence) {
        if (task.designRevision() == null || task.designRevision() != site.revision()) {
            return Future.failedFuture(new IllegalArgumentException("task " + task.id() + " is pinned to revision "
                    + task.designRevision() + ", not " + site.revision()));
        }
        EffectiveNode n = site.node(node);
        if (n == null) {
            return Future.failedFuture(
                    new IllegalArgumentException("node " + node + " is not in revision " + site.revision()));
        }
        byte[] key = NodeKey.generate(random);
        List<BootActionStatus> rows = new ArrayList<>();
        Map<String, UUID> ids = new LinkedHashMap<>();
        List<String> packages = new ArrayList<>();
        for (BootAction action : targeting(site, n)) {
            BootActionStatus row = BootActionStatus.create(
                    node, task.id(), action.name(), action.signaling() ? "incomplete" : "unreported");
            rows.add(row);
            ids.put(action.name(), row.actionId());
            action.assets().stream()
                    .filter(a -> "pkg_list".equals(a.type()))
                    .forEach(a -> packages.addAll(AssetRenderer.packages(a)));
        }
        IssuedContext issued = new IssuedContext(node, task.id(), site.revision(), NodeKey.hex(key), ids, packages);
        return store.createContext(BootActionContext.forKey(node, task.id(), key), rows, fence)
                .map(v -> issued);
    }

    /** The boot actions targeting {@code node} in the design, in the node's order. */
    static List<BootAction> targeting(SiteModel site, EffectiveNode node) {
        Map<String, BootAction> byName = new LinkedHashMap<>();
        site.design().bootActions().forEach(b -> byName.putIfAbsent(b.name(), b));
        return node.bootActions().stream()
                .map(byName::get)
                .filter(Objects::nonNull)
                .toList();
    }
}
