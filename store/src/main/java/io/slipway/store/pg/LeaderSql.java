package io.slipway.store.pg;

/** SQL of {@link PgLeaderEpochStore}. */
final class LeaderSql {

    private LeaderSql() {}

    static final String ADVANCE =
            "UPDATE leader SET epoch = epoch + 1, holder = $1, advanced_at = now() RETURNING epoch";

    static final String CURRENT = "SELECT epoch FROM leader";
}
