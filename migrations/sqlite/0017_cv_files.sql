-- The CV a person uploads as a PDF (issue 5): one per profile, the file kept by the media store
-- under `media_key`. The row goes with the profile; the application deletes the file.
CREATE TABLE seeker_cv_files (
    seeker_id INTEGER PRIMARY KEY REFERENCES seekers (id) ON DELETE CASCADE,
    media_key TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    uploaded_at BIGINT NOT NULL
);
