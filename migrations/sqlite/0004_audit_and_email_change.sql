-- What an auditor needs to see: sign-ins and failed ones, changes to passwords, emails, roles
-- and memberships, company verification, data exports and account deletions. Append-only:
-- the application only inserts, and the triggers below refuse any change or removal. No
-- foreign keys: a record outlives the account it names, which is then known by its number.
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY,
    at BIGINT NOT NULL,
    action TEXT NOT NULL,
    -- The account that acted (none for a failed sign-in).
    actor_id BIGINT,
    -- The account acted upon, where there is one.
    subject_id BIGINT,
    -- What else identifies the event (a role, a company). Never a password or a typed email.
    detail TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_action ON audit_events (action, id);
CREATE INDEX audit_events_actor ON audit_events (actor_id, id);
CREATE INDEX audit_events_subject ON audit_events (subject_id, id);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

-- A link confirming a new email carries the address it confirms. SQLite cannot change a
-- CHECK constraint in place, so the table is made again with the new purpose.
CREATE TABLE account_tokens_new (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'change_email')),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    -- For 'change_email': the address the link was sent to, which becomes the account's.
    new_email TEXT,
    CHECK ((purpose = 'change_email') = (new_email IS NOT NULL))
);
INSERT INTO account_tokens_new (token_hash, account_id, purpose, created_at, expires_at, used_at)
    SELECT token_hash, account_id, purpose, created_at, expires_at, used_at FROM account_tokens;
DROP TABLE account_tokens;
ALTER TABLE account_tokens_new RENAME TO account_tokens;
CREATE INDEX account_tokens_account_id ON account_tokens (account_id);
