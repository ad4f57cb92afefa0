-- Companies' stands at a job fair (issue 19): the employer of a verified company asks for one,
-- saying what the company offers; the organising centre accepts it or declines it, saying why.
-- One row per company and fair: a company that withdrew or was declined asks again on the same
-- row. Texts are plain text; times are unix seconds.
CREATE TABLE fair_stands (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fair_id BIGINT NOT NULL REFERENCES fairs (id) ON DELETE CASCADE,
    company_id BIGINT NOT NULL REFERENCES companies (id),
    status TEXT NOT NULL CHECK (status IN ('asked', 'accepted', 'declined', 'withdrawn')),
    introduction TEXT NOT NULL CHECK (length(trim(introduction)) > 0),
    asked_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    asked_at BIGINT NOT NULL,
    decided_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    decided_at BIGINT,
    decline_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (fair_id, company_id),
    CHECK (status <> 'declined' OR length(trim(decline_reason)) > 0)
);
CREATE INDEX fair_stands_company ON fair_stands (company_id);
COMMENT ON TABLE fair_stands IS 'Companies'' stands at a fair: asked by a verified company''s employer, accepted or declined (with a reason) by the organising centre; one row per company and fair.';
CREATE TABLE stand_accommodations (
    stand_id BIGINT NOT NULL REFERENCES fair_stands (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES accommodations (code),
    PRIMARY KEY (stand_id, code)
);
