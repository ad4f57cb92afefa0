-- Accounts made by signing up are confirmed by a link sent to their email; until then they
-- cannot sign in. Accounts made before this migration were made by an admin: confirmed.
ALTER TABLE accounts ADD COLUMN email_verified_at BIGINT;
UPDATE accounts SET email_verified_at = created_at;

-- Single-use links sent by email (confirm an email, reset a password). Only the SHA-256 of
-- the token is kept, as for sessions.
CREATE TABLE account_tokens (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX account_tokens_account_id ON account_tokens (account_id);

-- Mail waiting to go out, and what went. Written in the same transaction as the change it
-- tells about, so a message is never lost nor sent for a change that was rolled back.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- A sender claims a message by moving this into the future; if it dies, the claim lapses.
    next_attempt_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    sent_at BIGINT,
    -- How it went out: 'smtp', or 'log' where no SMTP server is configured.
    sent_via TEXT
);
CREATE INDEX outbox_unsent ON outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX outbox_to_address ON outbox (to_address);

-- Attempt counters for rate limits, shared by every app server. One row per bucket (the
-- SHA-256 of what is limited and its key, so no email or IP address is kept here) and
-- fixed window.
CREATE TABLE rate_limits (
    bucket TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    hits INTEGER NOT NULL
);

-- Who verified a company, and when (unix seconds).
ALTER TABLE companies ADD COLUMN verified_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE companies ADD COLUMN verified_at BIGINT;

-- People who signed up to act for a company already registered. They have no role until a
-- counsellor or admin approves; one request per account.
CREATE TABLE company_join_requests (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    requested_at BIGINT NOT NULL
);

-- The person's accessibility preferences (the cookie's own format) and language, so they
-- follow them to every device they sign in on.
ALTER TABLE accounts ADD COLUMN preferences TEXT;
ALTER TABLE accounts ADD COLUMN language TEXT;
