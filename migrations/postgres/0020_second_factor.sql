CREATE TABLE totp_factors (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    last_step BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
COMMENT ON TABLE totp_factors IS 'An authenticator app''s secret (TOTP, RFC 6238), kept once confirmed by a code from the app.';
COMMENT ON COLUMN totp_factors.last_step IS 'The newest 30-second step whose code was accepted: no code works twice.';

CREATE TABLE recovery_codes (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (account_id, code_hash)
);
COMMENT ON TABLE recovery_codes IS 'Single-use recovery codes given once when a second factor is set up; only the SHA-256 of each (80 random bits; tries rate-limited per account).';

ALTER TABLE sessions ADD COLUMN second_factor_at BIGINT;
COMMENT ON COLUMN sessions.second_factor_at IS 'When the session last passed the second factor (AAL2); NULL after a password alone. The most sensitive actions ask again after 15 minutes.';
