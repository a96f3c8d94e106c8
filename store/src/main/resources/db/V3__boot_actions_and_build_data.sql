-- Boot action contexts and build data.
-- References to task use ON DELETE SET NULL: purging old tasks must not erase a node's history.

CREATE TABLE boot_action (
    node_name         text PRIMARY KEY,                -- one live context per node, replaced on redeploy
    task_id           uuid REFERENCES task (id) ON DELETE SET NULL,
    identity_key_hash bytea       NOT NULL,            -- SHA-256 of the key handed to the node; never the key
    created           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX boot_action_task_idx ON boot_action (task_id);

CREATE TABLE boot_action_status (
    action_id         uuid PRIMARY KEY,
    node_name         text        NOT NULL,
    task_id           uuid REFERENCES task (id) ON DELETE SET NULL,
    identity_key_hash bytea       NOT NULL,            -- ties the row to the context that created it
    action_name       text        NOT NULL,
    status            text        NOT NULL,
    updated           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX boot_action_status_node_idx ON boot_action_status (node_name, identity_key_hash);
CREATE INDEX boot_action_status_task_idx ON boot_action_status (task_id);

CREATE TABLE build_data (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    node_name   text        NOT NULL,
    task_id     uuid REFERENCES task (id) ON DELETE SET NULL,
    collected   timestamptz NOT NULL DEFAULT now(),
    generator   text        NOT NULL,
    data_format text        NOT NULL,
    data        text        NOT NULL
);

CREATE INDEX build_data_node_idx ON build_data (node_name, collected DESC);
CREATE INDEX build_data_task_idx ON build_data (task_id);
