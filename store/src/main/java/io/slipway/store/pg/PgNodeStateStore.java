package io.slipway.store.pg;

import io.slipway.store.Fence;
import io.slipway.store.NodeEvent;
import io.slipway.store.NodeState;
import io.slipway.store.NodeStateStore;
import io.slipway.store.StoreException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link NodeStateStore} on Postgres. */
public final class PgNodeStateStore implements NodeStateStore {

    private final Pool pool;

    public PgNodeStateStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<NodeState> find(String nodeName) {
        return pool.preparedQuery(NodeSql.FIND)
                .execute(Tuple.of(nodeName))
                .recover(PgErrors.recover("loading node " + nodeName))
                .compose(rows -> rows.size() == 1
                        ? Future.succeededFuture(state(rows.iterator().next()))
                        : Future.failedFuture(StoreException.notFound("node " + nodeName + " is unknown")));
    }

    @Override
    public Future<List<NodeState>> list() {
        return pool.query(NodeSql.LIST)
                .execute()
                .map(rows -> Rows.all(rows, PgNodeStateStore::state))
                .recover(PgErrors.recover("listing nodes"));
    }

    @Override
    public Future<Map<String, Long>> countByState() {
        return pool.query(NodeSql.COUNT_BY_STATE)
                .execute()
                .map(rows -> {
                    Map<String, Long> counts = new TreeMap<>();
                    rows.forEach(r -> counts.put(r.getString("lifecycle_state"), r.getLong("n")));
                    return counts;
                })
                .recover(PgErrors.recover("counting nodes by state"));
    }

    @Override
    public Future<NodeState> save(NodeState state, Fence fence) {
        String doing = "saving node " + state.nodeName();
        boolean insert = state.version() == 0;
        Tuple params = insert
                ? Tuple.of(
                                state.nodeName(),
                                state.lifecycleState(),
                                state.power(),
                                state.bootDevice(),
                                state.lastError(),
                                state.retryBudget())
                        .addLong(fence.epoch())
                        .addValue(state.progress())
                : Tuple.of(
                                state.nodeName(),
                                state.version(),
                                state.lifecycleState(),
                                state.power(),
                                state.bootDevice(),
                                state.lastError())
                        .addInteger(state.retryBudget())
                        .addLong(fence.epoch())
                        .addValue(state.progress());
        return pool.preparedQuery(insert ? NodeSql.INSERT : NodeSql.UPDATE)
                .execute(params)
                .recover(PgErrors.recover(doing))
                .compose(rows -> rows.size() == 1
                        ? Future.succeededFuture(state(rows.iterator().next()))
                        : Misses.explain(pool, NodeSql.PROBE, Tuple.of(state.nodeName()), fence, doing));
    }

    @Override
    public Future<NodeEvent> append(NodeEvent event, Fence fence) {
        Tuple params = Tuple.of(
                        event.nodeName(),
                        Rows.timestamp(event.ts()),
                        event.kind(),
                        event.fromState(),
                        event.toState(),
                        event.taskId())
                .addString(event.detail())
                .addValue(event.extra())
                .addLong(fence.epoch());
        return pool.preparedQuery(NodeSql.APPEND_EVENT)
                .execute(params)
                .recover(PgErrors.recover("recording an event of node " + event.nodeName()))
                .compose(rows -> rows.size() == 1
                        ? Future.succeededFuture(event(rows.iterator().next()))
                        : Future.failedFuture(StoreException.fenced(fence)));
    }

    @Override
    public Future<List<NodeEvent>> timeline(String nodeName, long afterSeq, int limit) {
        return pool.preparedQuery(NodeSql.TIMELINE)
                .execute(Tuple.of(nodeName, afterSeq, limit))
                .map(rows -> Rows.all(rows, PgNodeStateStore::event))
                .recover(PgErrors.recover("loading the timeline of node " + nodeName));
    }

    private static NodeState state(Row row) {
        return new NodeState(
                row.getString("node_name"),
                row.getString("lifecycle_state"),
                row.getString("power"),
                row.getString("boot_device"),
                row.getString("last_error"),
                row.getInteger("retry_budget"),
                progress(row.getValue("progress")),
                Rows.instant(row, "updated"),
                row.getLong("version"));
    }

    private static io.vertx.core.json.JsonObject progress(Object value) {
        if (value instanceof io.vertx.core.json.JsonObject j) {
            return j;
        }
        return value == null
                ? new io.vertx.core.json.JsonObject()
                : new io.vertx.core.json.JsonObject(value.toString());
    }

    private static NodeEvent event(Row row) {
        Object extra = row.getValue("extra");
        return new NodeEvent(
                row.getLong("seq"),
                row.getString("node_name"),
                Rows.instant(row, "ts"),
                row.getString("kind"),
                row.getString("from_state"),
                row.getString("to_state"),
                row.getUUID("task_id"),
                row.getString("detail"),
                extra instanceof JsonObject json ? json : null);
    }
}
