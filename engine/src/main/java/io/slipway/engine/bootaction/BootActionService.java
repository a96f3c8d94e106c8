package io.slipway.engine.bootaction;

import io.slipway.engine.bootaction.BootActionProblem.Kind;
import io.slipway.engine.site.SiteModel;
import io.slipway.store.BootActionContext;
import io.slipway.store.BootActionStatus;
import io.slipway.store.BootActionStore;
import io.slipway.store.DesignRevision;
import io.slipway.store.DesignStore;
import io.slipway.store.StoreHandle;
import io.slipway.store.TaskStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What nodes call after deployment: fetch their boot-action bundles and report each action's result.
 *
 * <p>A fetch renders from the design revision the node's context is pinned to (the revision of the
 * task that created it), never from the latest design, so a design changed after deployment cannot
 * break or alter what a deployed node receives. Every failure is a {@link BootActionProblem}; its
 * kind says which HTTP status the API answers with. Key checks come first and need no database:
 * missing key → {@code UNAUTHORIZED}, malformed key → {@code FORBIDDEN}; then an unknown node →
 * {@code NOT_FOUND} and a wrong key → {@code FORBIDDEN}.
 *
 * <p>Non-blocking; any thread. Rendering, location fetches and gzip run in {@code executeBlocking}.
 * Fetches are read-only and may be repeated; a report is accepted once per action.
 */
public final class BootActionService {
    private static final Set<String> FINAL = Set.of("success", "failure");
    private final Vertx vertx;
    private final BootActionStore contexts;
    private final TaskStore tasks;
    private final DesignStore designs;
    private final Function<Long, Future<SiteModel>> sites;
    private final NodeRendering rendering;

    private BootActionService(
            Vertx vertx,
            BootActionStore contexts,
            TaskStore tasks,
            DesignStore designs,
            Function<Long, Future<SiteModel>> sites,
            BootActionConfig config) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.designs = Objects.requireNonNull(designs, "designs");
        this.sites = Objects.requireNonNull(sites, "sites");
        this.rendering = new NodeRendering(AssetRenderer.create(config), config.reportUrl());
    }

    /** {@code sites} loads a compiled revision by id (the engine's site cache, typically). */
    public static BootActionService create(
            Vertx vertx, StoreHandle store, Function<Long, Future<SiteModel>> sites, BootActionConfig config) {
        return create(vertx, store.bootActions(), store.tasks(), store.designs(), sites, config);
    }

    public static BootActionService create(
            Vertx vertx,
            BootActionStore contexts,
            TaskStore tasks,
            DesignStore designs,
            Function<Long, Future<SiteModel>> sites,
            BootActionConfig config) {
        return new BootActionService(vertx, contexts, tasks, designs, sites, config);
    }

    /** The node's bundle of {@code kind}, rendered from its context's pinned revision. */
    public Future<BootActionBundle> fetch(String node, String presentedKeyHex, BootActionBundle.Kind kind) {
        return authenticate(node, presentedKeyHex)
                .compose(a -> pinned(a.context(), a.keyHex()))
                .compose(in -> vertx.executeBlocking(() -> rendering.render(in, kind), false))
                .recover(Problems::toProblem);
    }

    /**
     * Records the result {@code status} ({@code success} or {@code failure}, any case) of the action
     * {@code actionId} of {@code node}'s live context. Accepted once: repeating the same status returns
     * the stored row; a different status, or any report for a non-signaling action, is a {@code
     * CONFLICT}. An action id of an older context of the node is {@code NOT_FOUND}.
     */
    public Future<BootActionStatus> report(String node, UUID actionId, String status, String presentedKeyHex) {
        String wanted = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        return authenticate(node, presentedKeyHex)
                .compose(authenticated -> {
                    if (!FINAL.contains(wanted)) {
                        return Future.failedFuture(BootActionProblem.of(
                                Kind.UNPROCESSABLE, "status must be success or failure, not '" + status + "'"));
                    }
                    return contexts.actions(node)
                            .compose(rows -> rows.stream()
                                    .filter(r -> r.actionId().equals(actionId))
                                    .findFirst()
                                    .map(row -> finish(row, wanted))
                                    .orElseGet(() -> Future.failedFuture(BootActionProblem.notFound(
                                            "boot action " + actionId + " is not a live action of node " + node))));
                })
                .recover(Problems::toProblem);
    }

    // Read-then-write: two different reports racing may both pass the check (the store's update is
    // unconditional); the node reports each action once, so the window is accepted for now.
    private Future<BootActionStatus> finish(BootActionStatus row, String wanted) {
        if (row.status().equals(wanted)) {
            return Future.succeededFuture(row);
        }
        if (!row.status().equals("incomplete")) {
            return Future.failedFuture(BootActionProblem.of(
                    Kind.CONFLICT,
                    "boot action " + row.actionName() + " (" + row.actionId() + ") is " + row.status()
                            + " and cannot be reported again"));
        }
        return contexts.report(row.actionId(), wanted);
    }

    /** A node's live context and the key it presented, which the context accepted. */
    private record Authenticated(BootActionContext context, String keyHex) {}

    private Future<Authenticated> authenticate(String node, String presentedKeyHex) {
        try {
            byte[] key = NodeKey.parse(presentedKeyHex);
            if (node == null || node.isBlank()) {
                return Future.failedFuture(BootActionProblem.notFound("no node given"));
            }
            return contexts.context(node)
                    .compose(ctx -> ctx.matches(key)
                            ? Future.succeededFuture(new Authenticated(ctx, NodeKey.hex(key)))
                            : Future.failedFuture(BootActionProblem.of(Kind.FORBIDDEN, "invalid boot action key")));
        } catch (BootActionProblem p) {
            return Future.failedFuture(p);
        }
    }

    private Future<NodeRendering.Input> pinned(BootActionContext ctx, String keyHex) {
        return tasks.find(ctx.taskId()).compose(task -> {
            Long revision = task.designRevision();
            if (revision == null) {
                return Future.failedFuture(BootActionProblem.of(
                        Kind.CONFLICT,
                        "deploy task " + task.id() + " of node " + ctx.nodeName() + " has no design revision"));
            }
            Future<SiteModel> site = Problems.call(() -> sites.apply(revision));
            Future<DesignRevision> design = designs.find(revision);
            return Future.all(site, design)
                    .compose(all -> contexts.actions(ctx.nodeName())
                            .map(rows -> new NodeRendering.Input(
                                    site.result(), designRef(design.result()), ctx, rows, keyHex)));
        });
    }

    private static String designRef(DesignRevision r) {
        return r.sourceRef() == null ? "revision-" + r.id() : r.sourceRef();
    }
}
