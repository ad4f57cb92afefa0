-- A message of a stand's live chat reported to the fair's organisers by the other side of its
-- conversation (issue 19): offensive, abusive, a scam. The organisers read it and mark the
-- report reviewed. Deleted with its message when the fair's chats are. Times are unix seconds.
CREATE TABLE booth_reports (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES booth_messages (id) ON DELETE CASCADE,
    -- Kept when the reporter's account goes: what was reported still needs reviewing.
    reported_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    reported_at BIGINT NOT NULL,
    reviewed_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    reviewed_at BIGINT,
    -- One report per person and message: reporting again says why anew.
    UNIQUE (message_id, reported_by)
);
