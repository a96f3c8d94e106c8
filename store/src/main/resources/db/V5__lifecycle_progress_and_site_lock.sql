-- Lifecycle progress of a node (steps done in its current state, consecutive failures, operator
-- pause, quarantine reason) so a restarted orchestrator resumes exactly where it stopped.
ALTER TABLE node_state ADD COLUMN progress jsonb NOT NULL DEFAULT '{}'::jsonb;

-- A locked site uses its locked design revision for tasks until an operator unlocks or approves a
-- newer one (prepare_site takes the lock).
CREATE TABLE site_lock (
    site        text PRIMARY KEY,
    revision    bigint      NOT NULL REFERENCES design_revision (id),
    locked_by   text,
    locked_at   timestamptz NOT NULL DEFAULT now(),
    pending     bigint REFERENCES design_revision (id)
);
