-- What a fair came to (issue 19, outcomes). Times are unix seconds.

-- Who came to a fair, as its organiser marked them at the door (in person or hybrid).
ALTER TABLE fair_registrations ADD COLUMN attended_at BIGINT;
ALTER TABLE fair_registrations ADD COLUMN attendance_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL;

-- Each job seeker who talked with a stand, and how many conversations they opened there: the
-- chats themselves are deleted some time after the fair, the fact that someone came is kept.
CREATE TABLE stand_visits (
    stand_id INTEGER NOT NULL REFERENCES fair_stands (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    conversations INTEGER NOT NULL CHECK (conversations >= 1),
    first_at BIGINT NOT NULL,
    PRIMARY KEY (stand_id, account_id)
);
INSERT INTO stand_visits (stand_id, account_id, conversations, first_at)
    SELECT stand_id, account_id, COUNT(*), MIN(opened_at) FROM booth_conversations GROUP BY stand_id, account_id;

-- The interviewer's word that the person did not come to a booked interview: a booking not
-- cancelled whose time has passed counts as held otherwise.
ALTER TABLE slot_bookings ADD COLUMN no_show BOOLEAN NOT NULL DEFAULT FALSE;

-- The stand an application was made from, while its fair ran or its stand stayed open after.
ALTER TABLE applications ADD COLUMN stand_id INTEGER REFERENCES fair_stands (id) ON DELETE SET NULL;
CREATE INDEX applications_stand ON applications (stand_id) WHERE stand_id IS NOT NULL;
