-- "Report this vacancy": anyone may say a published vacancy is wrong (discriminatory, a scam,
-- false); the report waits in the responsible centre's queue until a counsellor has looked.
CREATE TABLE vacancy_reports (
    id INTEGER PRIMARY KEY,
    vacancy_id INTEGER NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    reason TEXT NOT NULL CHECK (reason IN ('discrimination', 'scam', 'false_information', 'other')),
    details TEXT NOT NULL DEFAULT '',
    -- None for a visitor who was not signed in, or an account deleted since.
    reporter_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    resolved_at BIGINT,
    resolved_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX vacancy_reports_vacancy ON vacancy_reports (vacancy_id, resolved_at);
