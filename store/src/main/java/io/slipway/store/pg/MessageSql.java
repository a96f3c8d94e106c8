package io.slipway.store.pg;

/** SQL of {@link PgResultMessageStore}. */
final class MessageSql {

    private MessageSql() {}

    /**
     * A whole batch as one statement: parallel arrays unnested in order. One round trip and one fence
     * check for the batch, so it lands all or nothing.
     */
    static final String APPEND =
            "INSERT INTO result_message (task_id, ts, level, message, context_type, context_id, extra)"
                    + " SELECT $1::uuid, COALESCE(m.ts, now()), m.level, m.message, m.context_type,"
                    + " m.context_id, m.extra::jsonb"
                    + " FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],"
                    + " $7::text[]) WITH ORDINALITY"
                    + " AS m(ts, level, message, context_type, context_id, extra, ord)"
                    + " WHERE EXISTS (SELECT 1 FROM leader WHERE epoch = $8)"
                    + " ORDER BY m.ord";

    static final String PAGE = "SELECT seq, task_id, ts, level, message, context_type, context_id, extra"
            + " FROM result_message WHERE task_id = $1 AND seq > $2 ORDER BY seq LIMIT $3";
}
