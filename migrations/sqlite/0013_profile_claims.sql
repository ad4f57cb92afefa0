-- A person a counsellor registered joins their profile to the account they make, with their
-- document number and the code printed on their consent sheet. Only the code's SHA-256 is
-- kept, until it is used or runs out; a new sheet's code replaces the last one.
ALTER TABLE seekers ADD COLUMN claim_hash TEXT;
ALTER TABLE seekers ADD COLUMN claim_expires_at BIGINT;
