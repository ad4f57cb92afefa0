-- People who can sign in. A person has one account. Times are unix seconds (UTC).
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    -- Trimmed and lower-cased by the application, so sign-in ignores case.
    email TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- argon2id in PHC string format. Never leaves the server.
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT accounts_email_key UNIQUE (email)
);

-- What an account may do. An employer acts for one company, a counsellor for one centre;
-- roles beyond the first are granted by an admin (granted_by).
CREATE TABLE account_roles (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('seeker', 'employer', 'counsellor', 'admin')),
    company_id INTEGER REFERENCES companies (id),
    centre_id INTEGER REFERENCES centres (id),
    granted_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    granted_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, role),
    CHECK ((role = 'employer') = (company_id IS NOT NULL)),
    CHECK ((role = 'counsellor') = (centre_id IS NOT NULL))
);

-- Signed-in sessions. Only the SHA-256 of the token is kept: a copy of this table opens no
-- session.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    -- The idle timeout counts from here; refreshed at most once a minute.
    last_seen_at BIGINT NOT NULL,
    -- The absolute end of the session, whatever the activity.
    expires_at BIGINT NOT NULL,
    user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_account_id ON sessions (account_id);
