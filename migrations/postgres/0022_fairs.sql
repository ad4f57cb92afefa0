CREATE TABLE fairs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    centre_id BIGINT NOT NULL REFERENCES centres (id),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT NOT NULL,
    easy_read TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('virtual', 'in_person', 'hybrid')),
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL CHECK (ends_at > starts_at),
    registration_closes_at BIGINT NOT NULL CHECK (registration_closes_at <= ends_at),
    capacity BIGINT NOT NULL CHECK (capacity >= 1),
    venue_name TEXT NOT NULL DEFAULT '',
    venue_address TEXT NOT NULL DEFAULT '',
    venue_region TEXT NOT NULL DEFAULT '',
    step_free BOOLEAN NOT NULL DEFAULT FALSE,
    accessible_toilets BOOLEAN NOT NULL DEFAULT FALSE,
    quiet_room BOOLEAN NOT NULL DEFAULT FALSE,
    lsp_on_site BOOLEAN NOT NULL DEFAULT FALSE,
    transport TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'cancelled')),
    created_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL DEFAULT 0,
    published_at BIGINT
);
CREATE INDEX fairs_centre ON fairs (centre_id, status);
CREATE INDEX fairs_published ON fairs (status, ends_at);
COMMENT ON TABLE fairs IS 'Job fairs organised by an employment centre (virtual, in person, hybrid). Plain-text texts; unix-second times shown in Lima time; status is the organiser''s decision, upcoming/running/finished follow from the clock.';
