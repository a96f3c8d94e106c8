package io.slipway.store.pg;

/** SQL of {@link PgNodeStateStore}. */
final class NodeSql {

    private NodeSql() {}

    private static final String FENCE = "EXISTS (SELECT 1 FROM leader WHERE epoch = ";

    static final String FIND = "SELECT * FROM node_state WHERE node_name = $1";

    static final String LIST = "SELECT * FROM node_state ORDER BY node_name";

    static final String COUNT_BY_STATE =
            "SELECT lifecycle_state, count(*) AS n FROM node_state GROUP BY lifecycle_state ORDER BY lifecycle_state";

    static final String INSERT = "INSERT INTO node_state (node_name, lifecycle_state, power, boot_device, last_error,"
            + " retry_budget, progress, version)"
            + " SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::integer, $8::jsonb, 1"
            + " WHERE "
            + FENCE
            + "$7)"
            + " ON CONFLICT (node_name) DO NOTHING RETURNING *";

    static final String UPDATE =
            "UPDATE node_state SET lifecycle_state = $3, power = $4, boot_device = $5, last_error = $6,"
                    + " retry_budget = $7, progress = $9::jsonb, updated = now(), version = version + 1"
                    + " WHERE node_name = $1 AND version = $2 AND "
                    + FENCE
                    + "$8) RETURNING *";

    static final String PROBE = "SELECT (SELECT epoch FROM leader) AS epoch,"
            + " (SELECT version FROM node_state WHERE node_name = $1) AS version";

    static final String APPEND_EVENT =
            "INSERT INTO node_event (node_name, ts, kind, from_state, to_state, task_id, detail, extra)"
                    + " SELECT $1::text, COALESCE($2::timestamptz, now()), $3::text, $4::text, $5::text,"
                    + " $6::uuid, $7::text, $8::jsonb"
                    + " WHERE "
                    + FENCE
                    + "$9) RETURNING *";

    static final String TIMELINE = "SELECT * FROM node_event WHERE node_name = $1 AND seq > $2 ORDER BY seq LIMIT $3";
}
