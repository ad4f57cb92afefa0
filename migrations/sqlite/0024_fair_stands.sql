-- Companies' stands at a job fair (issue 19): the employer of a verified company asks for one,
-- saying what the company offers; the organising centre accepts it or declines it, saying why.
-- One row per company and fair: a company that withdrew or was declined asks again on the same
-- row. Texts are plain text; times are unix seconds.
CREATE TABLE fair_stands (
    id INTEGER PRIMARY KEY,
    fair_id INTEGER NOT NULL REFERENCES fairs (id) ON DELETE CASCADE,
    company_id INTEGER NOT NULL REFERENCES companies (id),
    status TEXT NOT NULL CHECK (status IN ('asked', 'accepted', 'declined', 'withdrawn')),
    -- What the company tells visitors about itself and what it looks for.
    introduction TEXT NOT NULL CHECK (length(trim(introduction)) > 0),
    asked_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    asked_at BIGINT NOT NULL,
    decided_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    decided_at BIGINT,
    -- Said to the company when the organiser declines; required then.
    decline_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (fair_id, company_id),
    CHECK (status <> 'declined' OR length(trim(decline_reason)) > 0)
);
CREATE INDEX fair_stands_company ON fair_stands (company_id);
-- The accommodations a stand offers visitors, from the list vacancies use.
CREATE TABLE stand_accommodations (
    stand_id INTEGER NOT NULL REFERENCES fair_stands (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES accommodations (code),
    PRIMARY KEY (stand_id, code)
);
