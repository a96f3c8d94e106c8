package io.slipway.store.pg;

import io.slipway.store.Task;
import io.slipway.store.TaskResult;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/** Maps {@link Task} to parameters and rows back to {@link Task}. */
final class TaskRows {

    private static final String[] NO_NAMES = new String[0];

    private TaskRows() {}

    static Task task(Row row) {
        TaskResult result = new TaskResult(
                row.getString("result_status"),
                row.getString("result_message"),
                row.getString("result_reason"),
                Rows.strings(row, "successes"),
                Rows.strings(row, "failures"));
        return new Task(
                row.getUUID("id"),
                row.getUUID("parent_id"),
                row.getString("action"),
                row.getLong("design_revision"),
                row.getJsonObject("node_filter"),
                row.getString("node"),
                row.getString("status"),
                result,
                row.getInteger("retry"),
                Rows.instant(row, "created"),
                row.getString("created_by"),
                Rows.instant(row, "updated"),
                Rows.instant(row, "terminated"),
                row.getString("terminated_by"),
                row.getJsonObject("request_context"),
                row.getBoolean("terminate"),
                row.getLong("version"));
    }

    /** Parameters $1..$16 of {@link TaskSql#INSERT}. */
    static Tuple insert(Task task) {
        TaskResult result = task.result();
        return Tuple.tuple()
                .addUUID(task.id())
                .addUUID(task.parentId())
                .addString(task.action())
                .addLong(task.designRevision())
                .addValue(task.nodeFilter())
                .addString(task.status())
                .addString(result.status())
                .addString(result.message())
                .addString(result.reason())
                .addArrayOfString(result.successes().toArray(NO_NAMES))
                .addArrayOfString(result.failures().toArray(NO_NAMES))
                .addInteger(task.retry())
                .addString(task.createdBy())
                .addValue(task.requestContext())
                .addBoolean(task.terminate())
                .addString(task.node());
    }

    /** Parameters $1..$11 of {@link TaskSql#UPDATE}; the caller adds the epoch. */
    static Tuple update(Task task) {
        TaskResult result = task.result();
        return Tuple.tuple()
                .addUUID(task.id())
                .addLong(task.version())
                .addString(task.status())
                .addString(result.status())
                .addString(result.message())
                .addString(result.reason())
                .addArrayOfString(result.successes().toArray(NO_NAMES))
                .addArrayOfString(result.failures().toArray(NO_NAMES))
                .addInteger(task.retry())
                .addValue(task.nodeFilter())
                .addString(task.terminatedBy());
    }
}
