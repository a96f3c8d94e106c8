-- Durable driver state (netboot jobs, hashed agent tokens, boot-MAC registrations, plans, unknown-MAC
-- events): text values under a scope and a key. Tokens are stored as SHA-256 hashes, never in clear.

CREATE TABLE driver_state (
    scope    text        NOT NULL,
    key      text        NOT NULL,
    value    text        NOT NULL,
    version  bigint      NOT NULL DEFAULT 1,
    updated  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
