CREATE TABLE centres (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    region TEXT NOT NULL,
    address TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON TABLE centres IS 'Employment centres (Centros de Empleo): the public offices that register job seekers, review vacancies and follow people to a placement.';
COMMENT ON COLUMN centres.region IS 'A region slug from src/domain/region.rs (lima-metropolitana, callao, ...).';

CREATE TABLE companies (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_name TEXT NOT NULL CHECK (length(trim(legal_name)) > 0),
    ruc TEXT NOT NULL CHECK (length(ruc) = 11),
    sector TEXT NOT NULL,
    region TEXT NOT NULL,
    verified BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT companies_ruc_key UNIQUE (ruc)
);
COMMENT ON TABLE companies IS 'Companies that post vacancies.';
COMMENT ON COLUMN companies.ruc IS 'Peruvian taxpayer number: 11 digits; the check digit is validated by the application.';
COMMENT ON COLUMN companies.verified IS 'Set by a counsellor or admin; an unverified company cannot publish vacancies.';
