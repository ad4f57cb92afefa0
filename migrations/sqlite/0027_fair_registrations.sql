-- Registrations for a job fair (issue 19) and the accommodations each person asks for there.
-- A job seeker registers (or their counsellor registers them); registering again after
-- cancelling reuses the row. `fairs.registered` counts the registrations in force: the write
-- that registers raises it only while it is under the fair's capacity, so two people taking the
-- last place at once cannot both have it. Times are unix seconds.
ALTER TABLE fairs ADD COLUMN registered INTEGER NOT NULL DEFAULT 0;
CREATE TABLE fair_registrations (
    id INTEGER PRIMARY KEY,
    fair_id INTEGER NOT NULL REFERENCES fairs (id) ON DELETE CASCADE,
    -- The job seeker's account.
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- Themselves, or the counsellor who registered them.
    registered_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    registered_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('registered', 'cancelled')),
    cancelled_at BIGINT,
    UNIQUE (fair_id, account_id)
);
CREATE INDEX fair_registrations_account ON fair_registrations (account_id);
-- An accommodation asked for at the fair, answered by the organiser by `due_at`: arranged, or
-- not possible saying why. `details` says it in the person's words (required for 'other').
CREATE TABLE fair_needs (
    registration_id INTEGER NOT NULL REFERENCES fair_registrations (id) ON DELETE CASCADE,
    need TEXT NOT NULL CHECK (need IN ('lsp_interpreter', 'live_captions', 'extra_time', 'breaks',
        'step_free', 'companion', 'easy_read', 'other')),
    details TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('asked', 'arranged', 'not_possible')),
    answer TEXT NOT NULL DEFAULT '',
    asked_at BIGINT NOT NULL,
    due_at BIGINT NOT NULL,
    answered_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    answered_at BIGINT,
    PRIMARY KEY (registration_id, need),
    CHECK (need <> 'other' OR length(trim(details)) > 0),
    CHECK (status <> 'not_possible' OR length(trim(answer)) > 0)
);
