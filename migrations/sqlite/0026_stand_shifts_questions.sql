-- Who is on duty at a stand and when (issue 19): the company's employers name which of its
-- representatives keep the stand, within the fair's hours. Times are unix seconds.
CREATE TABLE stand_shifts (
    id INTEGER PRIMARY KEY,
    stand_id INTEGER NOT NULL REFERENCES fair_stands (id) ON DELETE CASCADE,
    -- The representative: an employer account of the stand's company.
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    added_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    added_at BIGINT NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX stand_shifts_stand ON stand_shifts (stand_id, starts_at);
CREATE INDEX stand_shifts_account ON stand_shifts (account_id);
-- Questions job seekers leave at a stand, answered later by its company (the asynchronous
-- stand). A question goes with its asker's account. Texts are plain text.
CREATE TABLE stand_questions (
    id INTEGER PRIMARY KEY,
    stand_id INTEGER NOT NULL REFERENCES fair_stands (id) ON DELETE CASCADE,
    asked_by INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    question TEXT NOT NULL CHECK (length(trim(question)) > 0),
    asked_at BIGINT NOT NULL,
    -- Empty until answered; answered exactly when it has a time.
    answer TEXT NOT NULL DEFAULT '',
    answered_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    answered_at BIGINT,
    CHECK ((answered_at IS NULL) = (length(trim(answer)) = 0))
);
CREATE INDEX stand_questions_stand ON stand_questions (stand_id, asked_at);
CREATE INDEX stand_questions_asker ON stand_questions (asked_by);
