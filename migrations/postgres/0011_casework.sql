-- Casework (issue 5): a counsellor's dated notes on a person's case, and the outcomes recorded
-- (a placement, or the case closed with a reason). The newest outcome is the one in force;
-- the older ones stay as history. They go with the profile.
CREATE TABLE case_notes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seeker_id BIGINT NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    -- Kept with the note: it is still signed after the author's account goes.
    author_name TEXT NOT NULL,
    body TEXT NOT NULL CHECK (length(body) > 0),
    at BIGINT NOT NULL
);
CREATE INDEX case_notes_seeker ON case_notes (seeker_id, id);

CREATE TABLE outcomes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seeker_id BIGINT NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    application_id BIGINT REFERENCES applications (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('hired', 'closed')),
    employment TEXT CHECK (employment IN ('formal', 'informal')),
    -- yyyy-mm-dd
    started_on TEXT,
    employer TEXT,
    job_title TEXT,
    hours TEXT CHECK (hours IN ('full_time', 'part_time', 'flexible')),
    wage_band TEXT CHECK (wage_band IN ('below_minimum', 'minimum_to_1500', '1500_to_2500', 'over_2500')),
    reason TEXT CHECK (reason IN ('found_work_alone', 'no_longer_looking', 'moved', 'no_contact', 'other')),
    recorded_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    recorded_by_name TEXT NOT NULL,
    at BIGINT NOT NULL,
    -- A placement says all of it; a closed case says why and nothing else.
    CHECK (
        (kind = 'hired' AND employment IS NOT NULL AND started_on IS NOT NULL AND employer IS NOT NULL
            AND job_title IS NOT NULL AND hours IS NOT NULL AND wage_band IS NOT NULL AND reason IS NULL)
        OR (kind = 'closed' AND reason IS NOT NULL AND employment IS NULL)
    )
);
CREATE INDEX outcomes_seeker ON outcomes (seeker_id, id);
