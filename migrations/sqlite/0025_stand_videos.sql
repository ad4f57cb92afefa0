-- A sign-language video belongs to a vacancy, a fair or a fair's stand (issue 19): exactly one.
-- SQLite changes a table's checks only by rebuilding it.
CREATE TABLE sign_videos_new (
    -- AUTOINCREMENT: a replaced video's id is never handed out again (it is the address's version).
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    vacancy_id INTEGER UNIQUE REFERENCES vacancies (id) ON DELETE CASCADE,
    fair_id INTEGER UNIQUE REFERENCES fairs (id) ON DELETE CASCADE,
    stand_id INTEGER UNIQUE REFERENCES fair_stands (id) ON DELETE CASCADE,
    media_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('video/webm', 'video/mp4')),
    bytes BIGINT NOT NULL CHECK (bytes > 0),
    captions TEXT NOT NULL,
    transcript TEXT NOT NULL,
    uploaded_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    uploaded_at BIGINT NOT NULL,
    CHECK ((vacancy_id IS NOT NULL) + (fair_id IS NOT NULL) + (stand_id IS NOT NULL) = 1)
);
INSERT INTO sign_videos_new (id, vacancy_id, fair_id, media_key, kind, bytes, captions, transcript, uploaded_by,
                             uploaded_at)
    SELECT id, vacancy_id, fair_id, media_key, kind, bytes, captions, transcript, uploaded_by, uploaded_at
    FROM sign_videos;
-- The ids handed out so far stay handed out, those of replaced videos too.
DELETE FROM sqlite_sequence WHERE name = 'sign_videos_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'sign_videos_new', seq FROM sqlite_sequence WHERE name = 'sign_videos';
DROP TABLE sign_videos;
ALTER TABLE sign_videos_new RENAME TO sign_videos;
