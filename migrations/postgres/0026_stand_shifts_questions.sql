-- Who is on duty at a stand and when (issue 19): the company's employers name which of its
-- representatives keep the stand, within the fair's hours. Times are unix seconds.
CREATE TABLE stand_shifts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stand_id BIGINT NOT NULL REFERENCES fair_stands (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    added_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    added_at BIGINT NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX stand_shifts_stand ON stand_shifts (stand_id, starts_at);
CREATE INDEX stand_shifts_account ON stand_shifts (account_id);
COMMENT ON TABLE stand_shifts IS 'Which of a company''s representatives keep its stand, and when, within the fair''s hours.';
CREATE TABLE stand_questions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stand_id BIGINT NOT NULL REFERENCES fair_stands (id) ON DELETE CASCADE,
    asked_by BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    question TEXT NOT NULL CHECK (length(trim(question)) > 0),
    asked_at BIGINT NOT NULL,
    answer TEXT NOT NULL DEFAULT '',
    answered_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    answered_at BIGINT,
    CHECK ((answered_at IS NULL) = (length(trim(answer)) = 0))
);
CREATE INDEX stand_questions_stand ON stand_questions (stand_id, asked_at);
CREATE INDEX stand_questions_asker ON stand_questions (asked_by);
COMMENT ON TABLE stand_questions IS 'Questions job seekers leave at a stand, answered later by its company; gone with the asker''s account.';
