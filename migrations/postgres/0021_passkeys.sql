CREATE TABLE passkey_users (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    user_handle TEXT NOT NULL UNIQUE
);
COMMENT ON TABLE passkey_users IS 'The random handle an account is known by to authenticators; how a passkey-first sign-in finds its account.';

CREATE TABLE passkeys (
    id BIGSERIAL PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    credential_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    passkey TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX passkeys_account ON passkeys (account_id);
COMMENT ON TABLE passkeys IS 'Passkeys (WebAuthn) by the name their owner gave; passkey is the library''s record (public key, counter, flags) as JSON; credential_id (base64url) is unique across accounts.';

CREATE TABLE passkey_ceremonies (
    id TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts (id) ON DELETE CASCADE,
    session_hash TEXT,
    state TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX passkey_ceremonies_expiry ON passkey_ceremonies (expires_at);
COMMENT ON TABLE passkey_ceremonies IS 'WebAuthn ceremonies under way (challenge and library state), so any app server can finish one; taken and deleted by the post that finishes it, bound to its session and account.';
