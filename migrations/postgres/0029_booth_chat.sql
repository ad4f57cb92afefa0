-- Live chat at a stand while its fair runs (issue 19). A job seeker opens a conversation with
-- their first message and waits in the stand's queue until one of the company's
-- representatives takes it (or is handed it); both then write. Message ids give the order a
-- reader follows, and resumes from. Texts are plain text. Times are unix seconds.
CREATE TABLE booth_conversations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stand_id BIGINT NOT NULL REFERENCES fair_stands (id) ON DELETE CASCADE,
    -- The job seeker.
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'open', 'closed')),
    -- The representative who has it now.
    taken_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    opened_at BIGINT NOT NULL,
    taken_at BIGINT,
    closed_at BIGINT,
    closed_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
-- One conversation in force per person and stand.
CREATE UNIQUE INDEX booth_conversations_one ON booth_conversations (stand_id, account_id) WHERE status <> 'closed';
CREATE INDEX booth_conversations_account ON booth_conversations (account_id);
CREATE TABLE booth_messages (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES booth_conversations (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    -- Written by the company's side (a representative), or by the job seeker.
    from_company BOOLEAN NOT NULL,
    body TEXT NOT NULL CHECK (length(trim(body)) > 0),
    sent_at BIGINT NOT NULL
);
CREATE INDEX booth_messages_conversation ON booth_messages (conversation_id, id);
-- A person a company no longer chats with at a stand.
CREATE TABLE booth_blocks (
    stand_id BIGINT NOT NULL REFERENCES fair_stands (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    blocked_by BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    blocked_at BIGINT NOT NULL,
    PRIMARY KEY (stand_id, account_id)
);
COMMENT ON TABLE booth_conversations IS 'Live chats at a stand while its fair runs: a job seeker waits in the stand''s queue until a representative takes the conversation.';
COMMENT ON TABLE booth_messages IS 'The messages of a stand''s live chats, in id order; plain text.';
COMMENT ON TABLE booth_blocks IS 'People a company no longer chats with at a stand.';
