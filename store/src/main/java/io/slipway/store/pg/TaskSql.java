package io.slipway.store.pg;

/**
 * SQL of {@link PgTaskStore} and {@link PgTaskHistory}. Values are always {@code $n} parameters.
 */
final class TaskSql {

    private TaskSql() {}

    /** The fence condition every orchestrator write carries; the epoch is the given parameter. */
    private static final String FENCE = "EXISTS (SELECT 1 FROM leader WHERE epoch = ";

    static final String INSERT_COLUMNS =
            "id, parent_id, action, design_revision, node_filter, status, result_status, result_message,"
                    + " result_reason, successes, failures, retry, created_by, request_context, terminate, node";

    static final String INSERT = "INSERT INTO task ("
            + INSERT_COLUMNS
            + ")"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
            + " RETURNING *";

    /** INSERT ... SELECT needs explicit parameter types; the WHERE makes the insert fenced. */
    static final String INSERT_FENCED = "INSERT INTO task ("
            + INSERT_COLUMNS
            + ")"
            + " SELECT $1::uuid, $2::uuid, $3::text, $4::bigint, $5::jsonb, $6::text, $7::text,"
            + " $8::text, $9::text, $10::text[], $11::text[], $12::integer, $13::text, $14::jsonb,"
            + " $15::boolean, $16::text"
            + " WHERE "
            + FENCE
            + "$17) RETURNING *";

    static final String FIND = "SELECT * FROM task WHERE id = $1";

    static final String SUBTASKS = "SELECT * FROM task WHERE parent_id = $1 ORDER BY created, id";

    static final String UPDATE =
            "UPDATE task SET status = $3, result_status = $4, result_message = $5, result_reason = $6,"
                    + " successes = $7, failures = $8, retry = $9, node_filter = $10,"
                    + " terminated = CASE WHEN $3 = 'terminated' THEN COALESCE(terminated, now())"
                    + " ELSE terminated END,"
                    + " terminated_by = COALESCE($11, terminated_by),"
                    + " updated = now(), version = version + 1"
                    + " WHERE id = $1 AND version = $2 AND "
                    + FENCE
                    + "$12) RETURNING *";

    static final String CLAIM_NEXT = "UPDATE task SET status = 'running', updated = now(), version = version + 1"
            + " WHERE id = (SELECT id FROM task"
            + " WHERE status = 'queued' AND action = ANY($1::text[]) AND "
            + FENCE
            + "$2)"
            + " ORDER BY created, id LIMIT 1 FOR UPDATE SKIP LOCKED)"
            + " RETURNING *";

    /** Setting the flag twice bumps the version only once, so the request is idempotent. */
    static final String REQUEST_TERMINATION =
            "UPDATE task SET version = version + CASE WHEN terminate THEN 0 ELSE 1 END,"
                    + " updated = CASE WHEN terminate THEN updated ELSE now() END,"
                    + " terminate = true, terminated_by = COALESCE(terminated_by, $2)"
                    + " WHERE id = $1 RETURNING *";

    static final String PROBE =
            "SELECT (SELECT epoch FROM leader) AS epoch," + " (SELECT version FROM task WHERE id = $1) AS version";

    static final String EPOCH = "SELECT epoch FROM leader";

    static final String QUERY = "SELECT * FROM task"
            + " WHERE (cardinality($1::text[]) = 0 OR status = ANY($1::text[]))"
            + " AND (cardinality($2::text[]) = 0 OR action = ANY($2::text[]))"
            + " AND (NOT $3::boolean OR parent_id IS NULL)"
            + " AND ($4::timestamptz IS NULL OR created >= $4::timestamptz)"
            + " AND ($5::timestamptz IS NULL OR created < $5::timestamptz)"
            + " AND ($6::timestamptz IS NULL OR (created, id) < ($6::timestamptz, $7::uuid))"
            + " ORDER BY created DESC, id DESC LIMIT $8";

    static final String COUNT_TOP_LEVEL = "SELECT action, status, result_status, count(*) AS n FROM task"
            + " WHERE parent_id IS NULL GROUP BY action, status, result_status ORDER BY action, status, result_status";

    /** Finished, idle for longer than $1 seconds, and no subtask left (children go first). */
    private static final String PURGEABLE = "SELECT t.id FROM task t WHERE t.status IN ('complete', 'terminated')"
            + " AND t.updated < now() - make_interval(secs => $1::double precision)"
            + " AND NOT EXISTS (SELECT 1 FROM task c WHERE c.parent_id = t.id)";

    static final String PURGE_MESSAGES = "DELETE FROM result_message WHERE seq IN (SELECT m.seq FROM result_message m"
            + " WHERE m.task_id IN ("
            + PURGEABLE
            + ") LIMIT $2)";

    static final String PURGE_TASKS = "DELETE FROM task WHERE id IN (" + PURGEABLE + " LIMIT $2)";
}
