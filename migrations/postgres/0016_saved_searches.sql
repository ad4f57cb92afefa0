-- Searches a job seeker keeps (issue 5), to be told by email, once a day, of the vacancies
-- published since that match. They go with the account.
CREATE TABLE saved_searches (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- The search as its address says it, without page, order or "published in the last days".
    query TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- Vacancies published up to this second have been told of (or were there when it was saved).
    told_until BIGINT NOT NULL,
    -- When it is next looked at; a server that takes it moves this a day on first, so of
    -- several app servers only one sends each day's message.
    next_check_at BIGINT NOT NULL,
    -- The secret of the "stop these alerts" link in every message. Kept as it is, not hashed:
    -- each day's message carries it again, and all it can do is stop this one alert.
    unsubscribe_token TEXT NOT NULL UNIQUE,
    UNIQUE (account_id, query)
);
CREATE INDEX saved_searches_due ON saved_searches (next_check_at);

-- The "List-Unsubscribe" address of a message, for mail programs that offer their own button.
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;
