-- A person's working life (issue 5): the jobs they have done and the competences certified to
-- them, each dated to the month as `yyyy-mm` (which sorts as time does). They go with the
-- profile.
CREATE TABLE seeker_experience (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seeker_id BIGINT NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    job_title TEXT NOT NULL CHECK (length(job_title) > 0),
    employer TEXT NOT NULL,
    started TEXT NOT NULL CHECK (length(started) = 7),
    -- NULL while the person still works there.
    ended TEXT CHECK (ended IS NULL OR (length(ended) = 7 AND ended >= started)),
    duties TEXT NOT NULL
);
CREATE INDEX seeker_experience_seeker ON seeker_experience (seeker_id);

CREATE TABLE seeker_certificates (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seeker_id BIGINT NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) > 0),
    issuer TEXT NOT NULL CHECK (length(issuer) > 0),
    issued TEXT NOT NULL CHECK (length(issued) = 7),
    number TEXT NOT NULL
);
CREATE INDEX seeker_certificates_seeker ON seeker_certificates (seeker_id);
