-- Interview slots at a stand (issue 19): a representative of the stand's company publishes
-- them — when, how long, the rest they keep after each, and how the interview happens — and a
-- job seeker registered for the fair books one. Times are unix seconds.
CREATE TABLE interview_slots (
    id INTEGER PRIMARY KEY,
    stand_id INTEGER NOT NULL REFERENCES fair_stands (id) ON DELETE CASCADE,
    -- Who interviews: an employer account of the stand's company.
    interviewer_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    -- Minutes the interviewer keeps free after the slot: no other slot of theirs starts then.
    buffer_minutes BIGINT NOT NULL CHECK (buffer_minutes >= 0),
    mode TEXT NOT NULL CHECK (mode IN ('video', 'phone', 'in_person')),
    status TEXT NOT NULL CHECK (status IN ('open', 'withdrawn')),
    published_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    published_at BIGINT NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX interview_slots_stand ON interview_slots (stand_id, starts_at);
CREATE INDEX interview_slots_interviewer ON interview_slots (interviewer_id, starts_at);
-- A job seeker's booking of a slot. Cancelling keeps the row; a slot has at most one booking
-- in force (the unique index below: of two people booking it at once, the second is refused
-- by the database itself). That one person is never in two overlapping slots is checked in
-- the booking's transaction, which holds the person's account row (SQLite: the write lock).
CREATE TABLE slot_bookings (
    id INTEGER PRIMARY KEY,
    slot_id INTEGER NOT NULL REFERENCES interview_slots (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- Themselves, or the counsellor who booked for them.
    booked_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    booked_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
    cancelled_at BIGINT,
    -- Who cancelled: the person (or their counsellor), or the company withdrawing the slot.
    cancelled_by_company BOOLEAN NOT NULL DEFAULT FALSE,
    -- The video room made for this booking; empty for other modes.
    room_url TEXT NOT NULL DEFAULT '',
    -- Where the interviewer calls, for a phone interview.
    phone TEXT NOT NULL DEFAULT '',
    -- The person chose to let the interviewer read what they asked for at the fair.
    share_needs BOOLEAN NOT NULL DEFAULT FALSE,
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE UNIQUE INDEX slot_bookings_one_per_slot ON slot_bookings (slot_id) WHERE status = 'booked';
CREATE INDEX slot_bookings_account ON slot_bookings (account_id, status);

-- Messages may carry a file (a booking's calendar entry), wait until a time (reminders), and
-- belong to a thread that is withdrawn while unsent (a cancelled booking's reminders).
ALTER TABLE outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE outbox ADD COLUMN attachment TEXT;
ALTER TABLE outbox ADD COLUMN thread TEXT;
CREATE INDEX outbox_thread ON outbox (thread) WHERE thread IS NOT NULL AND sent_at IS NULL;

-- An interviewer reading what a candidate asked for is logged like every other look: SQLite
-- cannot change a CHECK in place, so the table is made again with the new purpose.
CREATE TABLE sensitive_access_new (
    id INTEGER PRIMARY KEY,
    seeker_id INTEGER NOT NULL REFERENCES seekers (id) ON DELETE CASCADE,
    viewer_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    viewer_name TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('profile', 'application', 'interview')),
    at BIGINT NOT NULL
);
INSERT INTO sensitive_access_new (id, seeker_id, viewer_id, viewer_name, purpose, at)
    SELECT id, seeker_id, viewer_id, viewer_name, purpose, at FROM sensitive_access;
DROP TABLE sensitive_access;
ALTER TABLE sensitive_access_new RENAME TO sensitive_access;
CREATE INDEX sensitive_access_seeker ON sensitive_access (seeker_id, at);
