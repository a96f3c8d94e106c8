package io.slipway.store.pg;

/** SQL of {@link PgSiteLockStore}. */
final class SiteLockSql {
    private SiteLockSql() {}

    private static final String FENCE = "EXISTS (SELECT 1 FROM leader WHERE epoch = ";

    static final String FIND = "SELECT * FROM site_lock WHERE site = $1";

    static final String LOCK = "INSERT INTO site_lock (site, revision, locked_by) SELECT $1::text, $2::bigint, $3::text"
            + " WHERE " + FENCE + "$4) ON CONFLICT (site) DO NOTHING";

    static final String PENDING =
            "UPDATE site_lock SET pending = $2 WHERE site = $1 AND revision <> $2 AND " + FENCE + "$3)";

    static final String APPROVE =
            "UPDATE site_lock SET revision = $2, pending = NULL, locked_at = now() WHERE site = $1" + " RETURNING *";

    static final String UNLOCK = "DELETE FROM site_lock WHERE site = $1";
}
