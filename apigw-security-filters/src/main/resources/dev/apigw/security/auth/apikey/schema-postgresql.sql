-- The API key table of apigw-security's JdbcApiKeyStore (PostgreSQL 12 or later).
-- The columns mirror the key file (CONTRACT section 3); the plain key is never stored, only its SHA-256.
-- The store runs: SELECT id, hash, plan, principal, scopes, expires_at, revoked FROM apigw_api_keys WHERE hash = ?
CREATE TABLE IF NOT EXISTS apigw_api_keys (
    id         text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$'),
    -- the 32 bytes of the SHA-256 of the key; unique, so a hash can never name two keys
    hash       bytea       NOT NULL UNIQUE CHECK (octet_length(hash) = 32),
    plan       text        NOT NULL,
    principal  text        NOT NULL CHECK (principal <> ''),
    -- space-separated scope tokens, as OAuth writes them (RFC 6749 section 3.3); '' for none
    scopes     text        NOT NULL DEFAULT '',
    -- NULL: never expires
    expires_at timestamptz,
    revoked    boolean     NOT NULL DEFAULT false
);
