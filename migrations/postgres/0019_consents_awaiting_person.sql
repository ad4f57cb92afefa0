-- A consent a counsellor records on the person's behalf without a signed consent sheet waits
-- for the person: it is not in force until they confirm it (Ley 29733: consent comes from the
-- person). One recorded in person on a signed sheet stands at once, as before.
ALTER TABLE consents ADD COLUMN awaiting_person BOOLEAN NOT NULL DEFAULT FALSE;
