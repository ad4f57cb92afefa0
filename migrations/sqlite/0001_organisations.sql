-- Employment centres (Centros de Empleo): the public offices that register job seekers,
-- review vacancies and follow people to a placement.
CREATE TABLE centres (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- A region slug from src/domain/region.rs ("lima-metropolitana", "callao", ...).
    region TEXT NOT NULL,
    address TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    -- UTC, ISO 8601 with milliseconds.
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Companies that post vacancies.
CREATE TABLE companies (
    id INTEGER PRIMARY KEY,
    legal_name TEXT NOT NULL CHECK (length(trim(legal_name)) > 0),
    -- Peruvian taxpayer number: 11 digits; the check digit is validated by the application.
    ruc TEXT NOT NULL CHECK (length(ruc) = 11),
    sector TEXT NOT NULL,
    region TEXT NOT NULL,
    -- Set by a counsellor or admin; an unverified company cannot publish vacancies.
    verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT companies_ruc_key UNIQUE (ruc)
);
