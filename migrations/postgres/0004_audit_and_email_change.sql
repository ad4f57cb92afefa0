CREATE TABLE audit_events (
    id BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    action TEXT NOT NULL,
    actor_id BIGINT,
    subject_id BIGINT,
    detail TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT ''
);
COMMENT ON TABLE audit_events IS 'What an auditor needs to see: sign-ins and failed ones, changes to passwords, emails, roles and memberships, company verification, data exports and account deletions. Append-only: the application only inserts and a trigger refuses any change. No foreign keys: a record outlives the account it names.';
COMMENT ON COLUMN audit_events.actor_id IS 'The account that acted (none for a failed sign-in).';
COMMENT ON COLUMN audit_events.subject_id IS 'The account acted upon, where there is one.';
COMMENT ON COLUMN audit_events.detail IS 'What else identifies the event (a role, a company). Never a password or a typed email.';
CREATE INDEX audit_events_action ON audit_events (action, id);
CREATE INDEX audit_events_actor ON audit_events (actor_id, id);
CREATE INDEX audit_events_subject ON audit_events (subject_id, id);
CREATE INDEX audit_events_at ON audit_events (at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_check;
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check
    CHECK (purpose IN ('verify_email', 'reset_password', 'change_email'));
ALTER TABLE account_tokens ADD COLUMN new_email TEXT;
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_new_email_check
    CHECK ((purpose = 'change_email') = (new_email IS NOT NULL));
COMMENT ON COLUMN account_tokens.new_email IS 'For change_email: the address the link was sent to, which becomes the account''s.';
