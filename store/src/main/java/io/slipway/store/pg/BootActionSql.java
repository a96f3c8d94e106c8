package io.slipway.store.pg;

/** SQL of {@link PgBootActionStore}. */
final class BootActionSql {

    private BootActionSql() {}

    /** One live context per node: a redeploy replaces it (and so hides the old actions). */
    static final String UPSERT_CONTEXT = "INSERT INTO boot_action (node_name, task_id, identity_key_hash)"
            + " SELECT $1::text, $2::uuid, $3::bytea"
            + " WHERE EXISTS (SELECT 1 FROM leader WHERE epoch = $4)"
            + " ON CONFLICT (node_name) DO UPDATE SET task_id = EXCLUDED.task_id,"
            + " identity_key_hash = EXCLUDED.identity_key_hash, created = now()";

    static final String INSERT_ACTION = "INSERT INTO boot_action_status"
            + " (action_id, node_name, task_id, identity_key_hash, action_name, status)"
            + " VALUES ($1, $2, $3, $4, $5, $6)";

    static final String CONTEXT = "SELECT * FROM boot_action WHERE node_name = $1";

    /** Only rows created with the live context's key; older contexts' rows are history. */
    static final String ACTIONS = "SELECT s.* FROM boot_action_status s JOIN boot_action c"
            + " ON c.node_name = s.node_name AND c.identity_key_hash = s.identity_key_hash"
            + " WHERE s.node_name = $1 ORDER BY s.action_name, s.action_id";

    // Only an unfinished action (or a repeat of the same status) changes: two different reports
    // racing cannot both win.
    static final String REPORT = "UPDATE boot_action_status SET status = $2, updated = now() WHERE action_id = $1"
            + " AND (status = 'incomplete' OR status = $2) RETURNING *";

    static final String ACTION = "SELECT * FROM boot_action_status WHERE action_id = $1";
}
