-- The register of job seekers (issue 5). A person a counsellor registers has no account until
-- they sign in; one document, one person.
CREATE TABLE seekers (
    id INTEGER PRIMARY KEY,
    account_id INTEGER UNIQUE REFERENCES accounts (id) ON DELETE SET NULL,
    centre_id INTEGER REFERENCES centres (id),
    full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
    document_type TEXT NOT NULL CHECK (document_type IN ('dni', 'ce', 'passport')),
    document_number TEXT NOT NULL,
    -- yyyy-mm-dd
    birth_date TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'unstated')),
    region TEXT NOT NULL,
    province TEXT NOT NULL DEFAULT '',
    district TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL CHECK (channel IN ('phone_call', 'sms', 'whatsapp', 'email', 'sign_video_call')),
    education TEXT CHECK (education IN ('none', 'primary', 'secondary', 'technical', 'university', 'postgraduate')),
    registered_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT seekers_document_key UNIQUE (document_type, document_number)
);
CREATE INDEX seekers_centre ON seekers (centre_id, id);

CREATE TABLE seeker_skills (
    seeker_id INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    skill TEXT NOT NULL,
    PRIMARY KEY (seeker_id, skill)
);

-- The kinds of disability the register records; admins may extend it like the
-- accommodations list.
CREATE TABLE disability_types (
    code TEXT PRIMARY KEY,
    name_es TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position INTEGER NOT NULL,
    retired BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO disability_types (code, name_es, name_en, position) VALUES
    ('physical', 'Física', 'Physical', 1),
    ('visual', 'Visual', 'Visual', 2),
    ('hearing', 'Auditiva', 'Hearing', 3),
    ('intellectual', 'Intelectual', 'Intellectual', 4),
    ('psychosocial', 'Psicosocial', 'Psychosocial', 5),
    ('multiple', 'Múltiple', 'Multiple', 6);

-- Disability data exists only while consent to process it stands: revoking it deletes the row,
-- and the types and needs go with it.
CREATE TABLE seeker_disability (
    seeker_id INTEGER PRIMARY KEY REFERENCES seekers (id) ON DELETE CASCADE,
    conadis_number TEXT
);
CREATE TABLE seeker_disability_types (
    seeker_id INTEGER NOT NULL REFERENCES seeker_disability (seeker_id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES disability_types (code),
    PRIMARY KEY (seeker_id, code)
);
CREATE TABLE seeker_needs (
    seeker_id INTEGER NOT NULL REFERENCES seeker_disability (seeker_id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES accommodations (code),
    moment TEXT NOT NULL CHECK (moment IN ('interview', 'work')),
    PRIMARY KEY (seeker_id, code, moment)
);

-- Every consent given, with the version of the words agreed to and who recorded it; a
-- revocation ends it (revoked_at) and a new consent is a new row, so the history stays.
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    seeker_id INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL
        CHECK (kind IN ('register', 'disability_data', 'share_with_employers', 'counsellor_acts', 'statistics')),
    text_version TEXT NOT NULL,
    given_at BIGINT NOT NULL,
    recorded_by TEXT NOT NULL CHECK (recorded_by IN ('self', 'counsellor')),
    recorder_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    -- For a consent a counsellor recorded: when the person confirmed it themselves.
    confirmed_at BIGINT,
    revoked_at BIGINT
);
CREATE UNIQUE INDEX consents_in_force ON consents (seeker_id, kind) WHERE revoked_at IS NULL;

-- Every look at a person's disability data by someone else, for the person to read.
CREATE TABLE sensitive_access (
    id INTEGER PRIMARY KEY,
    seeker_id INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    viewer_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    -- Kept with the record: the person knows who looked even after that account is gone.
    viewer_name TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('profile', 'application')),
    at BIGINT NOT NULL
);
CREATE INDEX sensitive_access_seeker ON sensitive_access (seeker_id, at);
