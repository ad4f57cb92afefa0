-- The languages a person speaks or signs, and how well (issue 5). Sign languages are
-- languages here like any other: an employer looking for someone who signs LSP finds them.
CREATE TABLE seeker_languages (
    seeker_id INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('basic', 'intermediate', 'advanced', 'native')),
    PRIMARY KEY (seeker_id, code)
);
