package io.slipway.drivers.netboot;

import io.slipway.drivers.spi.state.DriverStateStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The netboot driver's durable records on a {@link DriverStateStore}: per node its registration
 * ({@code netboot/node}), current job ({@code netboot/job}), inventory, plan and deployment record; per
 * boot MAC the node ({@code netboot/mac}); per token hash its scope ({@code netboot/token}); unknown MACs.
 *
 * <p>Changes of one node's job are serialised ({@link #update}), so agent calls and engine calls never
 * lose each other's writes. Call from one Vert.x context (the driver's).
 */
final class NetbootState {
    static final String NODE = "netboot/node";
    static final String MAC = "netboot/mac";
    static final String JOB = "netboot/job";
    static final String TOKEN = "netboot/token";
    static final String INVENTORY = "netboot/inventory";
    static final String PLAN = "netboot/plan";
    static final String DEPLOYED = "netboot/deployed";
    static final String UNKNOWN_MAC = "netboot/unknown-mac";
    static final String SITE = "netboot/site";
    /** The node's boot-action key and action ids: secrets for its first boot, kept until it is redeployed. */
    static final String BOOT_ACTIONS = "netboot/boot-actions";

    private final DriverStateStore store;
    private final Map<String, Future<?>> tails = new HashMap<>();

    NetbootState(DriverStateStore store) {
        this.store = store;
    }

    Future<JsonObject> get(String scope, String key) {
        return store.get(scope, key).map(e -> e == null ? null : new JsonObject(e.value()));
    }

    Future<Void> put(String scope, String key, JsonObject value) {
        return store.put(scope, key, value.encode()).mapEmpty();
    }

    Future<Boolean> delete(String scope, String key) {
        return store.delete(scope, key);
    }

    Future<Job> job(String node) {
        return get(JOB, node).map(o -> o == null ? null : Job.fromJson(o));
    }

    /**
     * Applies {@code change} to the node's current job (null when none) after every earlier change of
     * the node; stores the result unless it is the same object, deletes the job when it is null;
     * completes with it.
     */
    Future<Job> update(String node, Function<Job, Job> change) {
        Future<?> tail = tails.getOrDefault(node, Future.succeededFuture());
        Future<Job> next = tail.transform(ignored -> job(node)).compose(current -> {
            Job changed = change.apply(current);
            if (changed == current) {
                return Future.succeededFuture(current);
            }
            if (changed == null) {
                return delete(JOB, node).map((Job) null);
            }
            return put(JOB, node, changed.toJson()).map(changed);
        });
        tails.put(node, next);
        next.onComplete(r -> tails.remove(node, next));
        return next;
    }

    /** Stores a token's scope: node, purpose ({@code agent} or {@code os}) and expiry. */
    Future<Void> putToken(String hash, String node, String purpose, long expires) {
        return put(
                TOKEN,
                hash,
                new JsonObject().put("node", node).put("purpose", purpose).put("expires", expires));
    }

    DriverStateStore store() {
        return store;
    }

    /** Records on the node why its last job failed (shown by status until cleared). */
    Future<Void> markFailed(String node, String error) {
        return get(NODE, node)
                .compose(rec -> put(NODE, node, (rec == null ? new JsonObject() : rec).put("failed", error)));
    }

    /** Forgets the node's last failure, if any. */
    Future<Void> clearFailure(String node) {
        return get(NODE, node)
                .compose(rec -> rec == null || rec.getString("failed") == null
                        ? Future.succeededFuture()
                        : put(NODE, node, rec.copy().putNull("failed")));
    }
}
