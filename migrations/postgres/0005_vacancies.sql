-- The accommodations an employer can offer and a job seeker can need: one list, maintained by
-- admins. `code` never changes once used; a retired entry stays for the vacancies that name it.
CREATE TABLE accommodations (
    code TEXT PRIMARY KEY,
    name_es TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position BIGINT NOT NULL,
    retired BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO accommodations (code, name_es, name_en, position) VALUES
    ('sign_interpreter_interview', 'Intérprete de lengua de señas en la entrevista', 'Sign-language interpreter at the interview', 1),
    ('sign_interpreter_work', 'Intérprete de lengua de señas en el trabajo', 'Sign-language interpreter at work', 2),
    ('screen_reader_software', 'Programas compatibles con lector de pantalla', 'Screen-reader compatible software', 3),
    ('step_free_access', 'Acceso sin escalones', 'Step-free access', 4),
    ('accessible_toilet', 'Baño accesible', 'Accessible toilet', 5),
    ('adapted_workstation', 'Puesto de trabajo adaptado', 'Adapted workstation', 6),
    ('flexible_schedule', 'Horario flexible', 'Flexible schedule', 7),
    ('remote_work', 'Trabajo remoto', 'Remote work', 8),
    ('job_coach', 'Preparador laboral o empleo con apoyo', 'Job coach or supported employment', 9),
    ('written_instructions', 'Instrucciones por escrito', 'Written instructions', 10),
    ('quiet_workspace', 'Espacio de trabajo tranquilo', 'Quiet workspace', 11),
    ('easy_read_materials', 'Materiales en lectura fácil', 'Easy-read materials', 12);

-- Vacancies. Texts are plain text (paragraphs and lists by line), never HTML. Times are unix
-- seconds; `closes_at` is the end of the closing day in Lima.
CREATE TABLE vacancies (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id BIGINT NOT NULL REFERENCES companies (id),
    centre_id BIGINT NOT NULL REFERENCES centres (id),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    region TEXT NOT NULL,
    province TEXT NOT NULL DEFAULT '',
    district TEXT NOT NULL DEFAULT '',
    modality TEXT NOT NULL CHECK (modality IN ('on_site', 'hybrid', 'remote')),
    contract TEXT NOT NULL CHECK (contract IN ('indefinite', 'fixed_term', 'internship', 'service')),
    hours TEXT NOT NULL CHECK (hours IN ('full_time', 'part_time', 'flexible')),
    -- Monthly, in soles; both empty means "to be agreed".
    salary_min BIGINT CHECK (salary_min > 0),
    salary_max BIGINT CHECK (salary_max >= salary_min),
    openings BIGINT NOT NULL CHECK (openings >= 1),
    description TEXT NOT NULL,
    requirements TEXT NOT NULL,
    -- Lectura fácil: the same job in short, plain sentences.
    easy_read TEXT NOT NULL,
    workplace_access TEXT NOT NULL DEFAULT '',
    interview TEXT NOT NULL DEFAULT '',
    closes_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'published', 'closed')),
    -- The counsellor's comment when a vacancy is returned to its employer.
    review_comment TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_at BIGINT
);
CREATE INDEX vacancies_company ON vacancies (company_id, status);
CREATE INDEX vacancies_centre_status ON vacancies (centre_id, status);
CREATE INDEX vacancies_published ON vacancies (status, published_at);
CREATE INDEX vacancies_closing ON vacancies (status, closes_at);

CREATE TABLE vacancy_accommodations (
    vacancy_id BIGINT NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    code TEXT NOT NULL REFERENCES accommodations (code),
    PRIMARY KEY (vacancy_id, code)
);
CREATE INDEX vacancy_accommodations_code ON vacancy_accommodations (code, vacancy_id);

CREATE TABLE vacancy_skills (
    vacancy_id BIGINT NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    skill TEXT NOT NULL,
    PRIMARY KEY (vacancy_id, skill)
);

-- Every change of status: who (none when the closing date closed it), when, and the comment.
CREATE TABLE vacancy_events (
    id BIGSERIAL PRIMARY KEY,
    vacancy_id BIGINT NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    actor_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX vacancy_events_vacancy ON vacancy_events (vacancy_id, id);
