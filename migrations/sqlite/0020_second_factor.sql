-- A second factor for signing in (issue 18). An authenticator app's secret (TOTP, RFC 6238),
-- kept once confirmed by a code from the app; `last_step` is the newest 30-second step whose
-- code was accepted, so no code works twice.
CREATE TABLE totp_factors (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    last_step BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Single-use recovery codes, given once when a second factor is set up. Only the SHA-256 of
-- each is kept (80 random bits each, and tries are rate-limited per account).
CREATE TABLE recovery_codes (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (account_id, code_hash)
);

-- When the session last passed the second factor (NIST SP 800-63B AAL2); NULL when it signed
-- in with a password alone. The most sensitive actions ask again after 15 minutes.
ALTER TABLE sessions ADD COLUMN second_factor_at BIGINT;
