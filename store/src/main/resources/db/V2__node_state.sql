-- Observed state per node and its append-only timeline.

CREATE TABLE node_state (
    node_name       text PRIMARY KEY,
    lifecycle_state text        NOT NULL,
    power           text,
    boot_device     text,
    last_error      text,
    retry_budget    integer     NOT NULL,
    updated         timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0
);

-- No foreign key to node_state: the timeline outlives a node's state row and may start before it.
CREATE TABLE node_event (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    node_name  text        NOT NULL,
    ts         timestamptz NOT NULL DEFAULT now(),
    kind       text        NOT NULL,
    from_state text,
    to_state   text,
    task_id    uuid,
    detail     text,
    extra      jsonb
);

CREATE INDEX node_event_node_idx ON node_event (node_name, seq);
