-- A sign-language video belongs to a vacancy, a fair or a fair's stand (issue 19): exactly one.
ALTER TABLE sign_videos ADD COLUMN stand_id BIGINT UNIQUE REFERENCES fair_stands (id) ON DELETE CASCADE;
ALTER TABLE sign_videos DROP CONSTRAINT sign_videos_one_owner;
ALTER TABLE sign_videos ADD CONSTRAINT sign_videos_one_owner CHECK (num_nonnulls(vacancy_id, fair_id, stand_id) = 1);
