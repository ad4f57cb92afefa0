-- Applications (issue 5). One per person and vacancy; a vacancy that has applications is never
-- deleted. When a person deletes their profile, their applications stay for the employer as
-- "withdrawn", with nothing left that says who they were.
CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    vacancy_id INTEGER NOT NULL REFERENCES vacancies (id),
    seeker_id INTEGER REFERENCES seekers (id) ON DELETE SET NULL,
    status TEXT NOT NULL
        CHECK (status IN ('submitted', 'seen', 'interview', 'offer', 'hired', 'not_selected', 'withdrawn')),
    message TEXT NOT NULL DEFAULT '',
    -- Whether the person chose to tell this employer the kind of their disability.
    disclose BOOLEAN NOT NULL DEFAULT FALSE,
    -- The counsellor who applied for the person; the name stays if that account goes.
    applied_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    applied_by_name TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
-- Anonymised rows (no seeker) do not collide: NULLs are distinct in a unique index.
CREATE UNIQUE INDEX applications_once ON applications (vacancy_id, seeker_id);
CREATE INDEX applications_seeker ON applications (seeker_id, id);

-- The accommodations wanted at the interview: disability data, so they go when consent to
-- process it is withdrawn, like the profile's.
CREATE TABLE application_needs (
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES accommodations (code),
    PRIMARY KEY (application_id, code)
);

-- Every change of status, with the side that made it and the note the person reads.
CREATE TABLE application_events (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    status TEXT NOT NULL
        CHECK (status IN ('submitted', 'seen', 'interview', 'offer', 'hired', 'not_selected', 'withdrawn')),
    side TEXT NOT NULL CHECK (side IN ('applicant', 'counsellor', 'employer')),
    by_account INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT '',
    at BIGINT NOT NULL
);
CREATE INDEX application_events_application ON application_events (application_id, id);

-- Matches pick the newest open vacancies in a person's region, and the newest remote ones.
CREATE INDEX vacancies_region_published ON vacancies (status, region, published_at);
CREATE INDEX vacancies_modality_published ON vacancies (status, modality, published_at);
