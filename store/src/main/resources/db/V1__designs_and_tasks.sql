-- Designs and tasks.
-- Every text column is unbounded `text`: real node names (253), user names, design references and
-- messages never fail or get cut at an arbitrary width. Vocabulary columns (action, status,
-- result_status) carry no CHECK constraint: the engine owns the vocabulary.

CREATE TABLE design_revision (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_hash text        NOT NULL UNIQUE,          -- SHA-256 (hex) of documents; same content, same revision
    source_ref   text        NOT NULL,
    documents    text        NOT NULL,                 -- the raw multi-document YAML, as ingested
    created      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE task (
    id              uuid PRIMARY KEY,
    parent_id       uuid REFERENCES task (id),
    action          text        NOT NULL,
    design_revision bigint REFERENCES design_revision (id),
    node_filter     jsonb,
    status          text        NOT NULL,
    result_status   text        NOT NULL,
    result_message  text,
    result_reason   text,
    successes       text[]      NOT NULL DEFAULT '{}',
    failures        text[]      NOT NULL DEFAULT '{}',
    retry           integer     NOT NULL DEFAULT 0,
    created         timestamptz NOT NULL DEFAULT now(),
    created_by      text,
    updated         timestamptz NOT NULL DEFAULT now(),
    terminated      timestamptz,
    terminated_by   text,
    request_context jsonb,
    terminate       boolean     NOT NULL DEFAULT false,
    version         bigint      NOT NULL DEFAULT 0     -- optimistic concurrency: bumped by every update
);

-- The claim query walks queued tasks oldest first; a partial index keeps it small.
CREATE INDEX task_queued_idx ON task (created, id) WHERE status = 'queued';
CREATE INDEX task_parent_idx ON task (parent_id);
CREATE INDEX task_created_idx ON task (created DESC, id DESC);
CREATE INDEX task_updated_idx ON task (updated);

CREATE TABLE result_message (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- order of messages within a task
    task_id      uuid        NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    ts           timestamptz NOT NULL DEFAULT now(),
    level        text        NOT NULL,
    message      text        NOT NULL,
    context_type text,
    context_id   text,
    extra        jsonb
);

CREATE INDEX result_message_task_idx ON result_message (task_id, seq);
