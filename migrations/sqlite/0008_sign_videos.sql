-- Sign-language (LSP) videos. The file itself is in the media store under media_key; the
-- captions (checked WebVTT) and the transcript are small and kept here. One video a vacancy;
-- an upload replaces the row, so its id tells one upload from the next.
CREATE TABLE sign_videos (
    -- AUTOINCREMENT: a replaced video's id is never handed out again (it is the address's version).
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    vacancy_id INTEGER NOT NULL UNIQUE REFERENCES vacancies (id) ON DELETE CASCADE,
    media_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('video/webm', 'video/mp4')),
    bytes BIGINT NOT NULL CHECK (bytes > 0),
    captions TEXT NOT NULL,
    transcript TEXT NOT NULL,
    uploaded_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    uploaded_at BIGINT NOT NULL
);
