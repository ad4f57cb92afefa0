-- Passkeys (WebAuthn), the first choice of second factor (issue 18). The handle an account is
-- known by to authenticators: random, so it says nothing about the person, and the one way a
-- passkey-first sign-in finds its account.
CREATE TABLE passkey_users (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    user_handle TEXT NOT NULL UNIQUE
);

-- Each passkey an account registered, by the name its owner gave it. `passkey` is the
-- library's record of it (public key, counter, flags) as JSON; `credential_id` (base64url) is
-- unique across accounts, so a key never signs for two people.
CREATE TABLE passkeys (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    credential_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    passkey TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX passkeys_account ON passkeys (account_id);

-- A ceremony under way: the challenge the browser signs and what the library needs to check
-- it, kept here rather than in one server's memory so any app server can finish it. Taken (and
-- deleted) by the post that finishes it; `session_hash` binds it to the session it began in,
-- `account_id` to the account it is for (none for a passkey-first sign-in).
CREATE TABLE passkey_ceremonies (
    id TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    session_hash TEXT,
    state TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX passkey_ceremonies_expiry ON passkey_ceremonies (expires_at);
