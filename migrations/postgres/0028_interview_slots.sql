-- Interview slots at a stand (issue 19): a representative of the stand's company publishes
-- them — when, how long, the rest they keep after each, and how the interview happens — and a
-- job seeker registered for the fair books one. Times are unix seconds.
CREATE TABLE interview_slots (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stand_id BIGINT NOT NULL REFERENCES fair_stands (id) ON DELETE CASCADE,
    interviewer_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    buffer_minutes BIGINT NOT NULL CHECK (buffer_minutes >= 0),
    mode TEXT NOT NULL CHECK (mode IN ('video', 'phone', 'in_person')),
    status TEXT NOT NULL CHECK (status IN ('open', 'withdrawn')),
    published_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    published_at BIGINT NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX interview_slots_stand ON interview_slots (stand_id, starts_at);
CREATE INDEX interview_slots_interviewer ON interview_slots (interviewer_id, starts_at);
COMMENT ON COLUMN interview_slots.buffer_minutes IS 'Minutes the interviewer keeps free after the slot: no other slot of theirs starts then.';
-- A slot has at most one booking in force: of two people booking it at once, the unique index
-- makes the second wait for the first to commit and then refuses it. That one person is never
-- in two overlapping slots is checked in the booking's transaction, which first locks the
-- person's account row (SELECT ... FOR UPDATE), so their concurrent bookings run one by one.
CREATE TABLE slot_bookings (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slot_id BIGINT NOT NULL REFERENCES interview_slots (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    booked_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    booked_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
    cancelled_at BIGINT,
    cancelled_by_company BOOLEAN NOT NULL DEFAULT FALSE,
    room_url TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    share_needs BOOLEAN NOT NULL DEFAULT FALSE,
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE UNIQUE INDEX slot_bookings_one_per_slot ON slot_bookings (slot_id) WHERE status = 'booked';
CREATE INDEX slot_bookings_account ON slot_bookings (account_id, status);

ALTER TABLE outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE outbox ADD COLUMN attachment TEXT;
ALTER TABLE outbox ADD COLUMN thread TEXT;
CREATE INDEX outbox_thread ON outbox (thread) WHERE thread IS NOT NULL AND sent_at IS NULL;
COMMENT ON COLUMN outbox.thread IS 'Messages withdrawn together while unsent, such as a cancelled booking''s reminders.';

ALTER TABLE sensitive_access DROP CONSTRAINT sensitive_access_purpose_check;
ALTER TABLE sensitive_access ADD CONSTRAINT sensitive_access_purpose_check
    CHECK (purpose IN ('profile', 'application', 'interview'));
