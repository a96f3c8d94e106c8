package io.slipway.store.pg;

/** SQL of {@link PgBuildDataStore}. */
final class BuildDataSql {

    private BuildDataSql() {}

    static final String APPEND = "INSERT INTO build_data (node_name, task_id, collected, generator, data_format, data)"
            + " SELECT $1::text, $2::uuid, COALESCE($3::timestamptz, now()), $4::text, $5::text,"
            + " $6::text"
            + " WHERE EXISTS (SELECT 1 FROM leader WHERE epoch = $7) RETURNING *";

    static final String HISTORY = "SELECT * FROM build_data WHERE node_name = $1 ORDER BY collected DESC, id DESC";

    static final String LATEST = "SELECT DISTINCT ON (generator) * FROM build_data WHERE node_name = $1"
            + " ORDER BY generator, collected DESC, id DESC";

    static final String FOR_TASK = "SELECT * FROM build_data WHERE task_id = $1 ORDER BY id";
}
