-- Per-site calendar feeds: a secret URL that any calendar program can poll without logging in. Only the token's
-- SHA-256 is kept, so a database dump does not leak working feed URLs; rotating or revoking takes effect at once.
CREATE TABLE calendar_feed (
    site_code   citext      PRIMARY KEY REFERENCES site (code) ON DELETE CASCADE,
    token_hash  text        NOT NULL UNIQUE,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL
);
