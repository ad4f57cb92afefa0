-- Ability-based interview templates (issue 20). A template lives in one library (the national
-- one, a centre's or a company's) and has numbered versions; a version an interview has used
-- never changes again (an edit then makes the next version), so each record keeps the questions
-- it was held with. Templates and their versions are never deleted: records point at them.
CREATE TABLE interview_templates (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    library TEXT NOT NULL CHECK (library IN ('national', 'centre', 'company')),
    centre_id BIGINT REFERENCES centres (id),
    company_id BIGINT REFERENCES companies (id),
    -- The version this template was copied from, to adapt it: where it came from.
    copied_from BIGINT,
    created_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    CHECK ((library = 'national' AND centre_id IS NULL AND company_id IS NULL)
        OR (library = 'centre' AND centre_id IS NOT NULL AND company_id IS NULL)
        OR (library = 'company' AND company_id IS NOT NULL AND centre_id IS NULL))
);
CREATE INDEX interview_templates_library ON interview_templates (library, centre_id, company_id);

-- One version of a template: its name and the skills it fits; the highest number is current.
CREATE TABLE interview_template_versions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    template_id BIGINT NOT NULL REFERENCES interview_templates (id),
    number BIGINT NOT NULL CHECK (number > 0),
    name TEXT NOT NULL,
    written_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    written_at BIGINT NOT NULL,
    UNIQUE (template_id, number)
);
ALTER TABLE interview_templates ADD CONSTRAINT interview_templates_copied_from_fkey
    FOREIGN KEY (copied_from) REFERENCES interview_template_versions (id);

-- The skill words a version fits, as vacancies and profiles write them.
CREATE TABLE interview_template_skills (
    version_id BIGINT NOT NULL REFERENCES interview_template_versions (id) ON DELETE CASCADE,
    skill TEXT NOT NULL,
    PRIMARY KEY (version_id, skill)
);

-- A version's sections of competences, numbered from 1 in the order they are asked.
CREATE TABLE interview_sections (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id BIGINT NOT NULL REFERENCES interview_template_versions (id) ON DELETE CASCADE,
    position BIGINT NOT NULL CHECK (position > 0),
    title TEXT NOT NULL
);
CREATE INDEX interview_sections_version ON interview_sections (version_id, position);

-- A section's questions, numbered from 1: in plain language and easy read, what a good answer
-- shows and the scoring guide, one description per level (1 lowest).
CREATE TABLE interview_questions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    section_id BIGINT NOT NULL REFERENCES interview_sections (id) ON DELETE CASCADE,
    position BIGINT NOT NULL CHECK (position > 0),
    question TEXT NOT NULL,
    easy_read TEXT NOT NULL,
    good_answer TEXT NOT NULL,
    level_1 TEXT NOT NULL,
    level_2 TEXT NOT NULL,
    level_3 TEXT NOT NULL,
    level_4 TEXT NOT NULL
);
CREATE INDEX interview_questions_section ON interview_questions (section_id, position);

-- The adjustments the interviewer should offer with a question.
CREATE TABLE interview_question_adjustments (
    question_id BIGINT NOT NULL REFERENCES interview_questions (id) ON DELETE CASCADE,
    code TEXT NOT NULL CHECK (code IN ('extra_time', 'written_questions', 'lsp_interpreter', 'breaks',
                                       'demonstration', 'support_person')),
    PRIMARY KEY (question_id, code)
);

-- The template a vacancy's interviews follow, chosen by its employer or its centre.
CREATE TABLE vacancy_interview_templates (
    vacancy_id BIGINT PRIMARY KEY REFERENCES vacancies (id) ON DELETE CASCADE,
    template_id BIGINT NOT NULL REFERENCES interview_templates (id),
    attached_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    attached_at BIGINT NOT NULL
);

-- The record of one applicant's interview, kept against the version it was opened with. It is
-- about the person, so it goes when they leave the register and when the employer's sight of
-- the application ends (the applicant-retention rule).
CREATE TABLE interview_records (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id BIGINT NOT NULL UNIQUE REFERENCES applications (id) ON DELETE CASCADE,
    version_id BIGINT NOT NULL REFERENCES interview_template_versions (id),
    summary TEXT NOT NULL DEFAULT '',
    opened_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    opened_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- When the candidate asked to read it; the company is told.
    asked_at BIGINT
);
CREATE INDEX interview_records_version ON interview_records (version_id);

-- Per question of the record's version: a score on the guide (blank until given) and a note.
CREATE TABLE interview_answers (
    record_id BIGINT NOT NULL REFERENCES interview_records (id) ON DELETE CASCADE,
    question_id BIGINT NOT NULL REFERENCES interview_questions (id),
    score BIGINT CHECK (score BETWEEN 1 AND 4),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (record_id, question_id)
);

-- The adjustments the interviewer actually gave.
CREATE TABLE interview_record_adjustments (
    record_id BIGINT NOT NULL REFERENCES interview_records (id) ON DELETE CASCADE,
    code TEXT NOT NULL CHECK (code IN ('extra_time', 'written_questions', 'lsp_interpreter', 'breaks',
                                       'demonstration', 'support_person')),
    PRIMARY KEY (record_id, code)
);
