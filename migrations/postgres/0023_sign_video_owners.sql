-- A sign-language video belongs to a vacancy or to a fair (issue 19): exactly one of the two.
ALTER TABLE sign_videos ALTER COLUMN vacancy_id DROP NOT NULL;
ALTER TABLE sign_videos ADD COLUMN fair_id BIGINT UNIQUE REFERENCES fairs (id) ON DELETE CASCADE;
ALTER TABLE sign_videos ADD CONSTRAINT sign_videos_one_owner CHECK (num_nonnulls(vacancy_id, fair_id) = 1);
