-- The fencing epoch. One row; every leader change advances it, and orchestrator writes carry the
-- epoch they were issued under, so a deposed leader's late writes are rejected.

CREATE TABLE leader (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    epoch       bigint NOT NULL,
    holder      text,
    advanced_at timestamptz
);

INSERT INTO leader (singleton, epoch) VALUES (true, 0);
