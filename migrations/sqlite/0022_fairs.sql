-- Job fairs (issue 19), organised by an employment centre: virtual, in person or both. Texts
-- are plain text, never HTML; times are unix seconds, entered and shown in Lima time.
-- `status` is what the organiser decided (draft, published, cancelled); whether a published
-- fair is upcoming, running or finished follows from the clock and is never stored.
CREATE TABLE fairs (
    id INTEGER PRIMARY KEY,
    centre_id INTEGER NOT NULL REFERENCES centres (id),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT NOT NULL,
    -- Lectura fácil: the fair in short, plain sentences.
    easy_read TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('virtual', 'in_person', 'hybrid')),
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL CHECK (ends_at > starts_at),
    registration_closes_at BIGINT NOT NULL CHECK (registration_closes_at <= ends_at),
    capacity INTEGER NOT NULL CHECK (capacity >= 1),
    -- The venue, for fairs in person or hybrid; empty for virtual ones.
    venue_name TEXT NOT NULL DEFAULT '',
    venue_address TEXT NOT NULL DEFAULT '',
    venue_region TEXT NOT NULL DEFAULT '',
    step_free BOOLEAN NOT NULL DEFAULT FALSE,
    accessible_toilets BOOLEAN NOT NULL DEFAULT FALSE,
    quiet_room BOOLEAN NOT NULL DEFAULT FALSE,
    lsp_on_site BOOLEAN NOT NULL DEFAULT FALSE,
    -- How to get there by public transport, in words.
    transport TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'cancelled')),
    created_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Grows by one with each change of the text and each change of status: a calendar that
    -- holds the fair takes the copy with the higher number.
    revision BIGINT NOT NULL DEFAULT 0,
    published_at BIGINT
);
CREATE INDEX fairs_centre ON fairs (centre_id, status);
CREATE INDEX fairs_published ON fairs (status, ends_at);
