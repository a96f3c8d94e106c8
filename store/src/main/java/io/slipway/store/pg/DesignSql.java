package io.slipway.store.pg;

/** SQL of {@link PgDesignStore}. */
final class DesignSql {

    private DesignSql() {}

    /** Returns the new row, or nothing when the content is already stored. */
    static final String INSERT = "INSERT INTO design_revision (content_hash, source_ref, documents) VALUES ($1, $2, $3)"
            + " ON CONFLICT (content_hash) DO NOTHING RETURNING *";

    static final String FIND_BY_HASH = "SELECT * FROM design_revision WHERE content_hash = $1";

    static final String FIND = "SELECT * FROM design_revision WHERE id = $1";

    static final String RECENT = "SELECT * FROM design_revision ORDER BY id DESC LIMIT $1";
}
