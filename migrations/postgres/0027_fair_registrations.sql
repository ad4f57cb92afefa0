-- Registrations for a job fair (issue 19) and the accommodations each person asks for there.
-- `fairs.registered` counts the registrations in force: the write that registers raises it only
-- while it is under the fair's capacity (the row lock makes concurrent registrations wait and
-- see the new count), so two people taking the last place at once cannot both have it.
ALTER TABLE fairs ADD COLUMN registered INTEGER NOT NULL DEFAULT 0;
CREATE TABLE fair_registrations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fair_id BIGINT NOT NULL REFERENCES fairs (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    registered_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    registered_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('registered', 'cancelled')),
    cancelled_at BIGINT,
    UNIQUE (fair_id, account_id)
);
CREATE INDEX fair_registrations_account ON fair_registrations (account_id);
COMMENT ON TABLE fair_registrations IS 'Job seekers registered for a fair, by themselves or their counsellor; cancelling keeps the row.';
CREATE TABLE fair_needs (
    registration_id BIGINT NOT NULL REFERENCES fair_registrations (id) ON DELETE CASCADE,
    need TEXT NOT NULL CHECK (need IN ('lsp_interpreter', 'live_captions', 'extra_time', 'breaks',
        'step_free', 'companion', 'easy_read', 'other')),
    details TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('asked', 'arranged', 'not_possible')),
    answer TEXT NOT NULL DEFAULT '',
    asked_at BIGINT NOT NULL,
    due_at BIGINT NOT NULL,
    answered_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    answered_at BIGINT,
    PRIMARY KEY (registration_id, need),
    CHECK (need <> 'other' OR length(trim(details)) > 0),
    CHECK (status <> 'not_possible' OR length(trim(answer)) > 0)
);
COMMENT ON TABLE fair_needs IS 'Accommodations a registered person asked for at the fair, and the organiser''s answer (arranged, or not possible and why) due by due_at.';
