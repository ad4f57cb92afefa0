//! Storage of accounts, their roles, sessions and single-use email links.
//!
//! One trait per part, each in its file with the SQL both engines share: `sign_up`
//! (new accounts, employers joining a company), `account` (roles, settings, my data, deleting
//! an account), `credentials` (passwords and emailed links) and `sessions`. Here: the
//! statements more than one of them needs.

mod account;
mod credentials;
mod sessions;
mod sign_up;

pub use account::AccountStore;
pub use credentials::CredentialStore;
pub use sessions::SessionStore;
pub use sign_up::SignUpStore;
pub(crate) use {
    account::impl_account_store, credentials::impl_credential_store, sessions::impl_session_store,
    sign_up::impl_sign_up_store,
};

/// How using an email-change link went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmailChange {
    Changed {
        account_id: i64,
        old_email: String,
        new_email: String,
    },
    /// Unknown, used or expired.
    InvalidLink,
    /// Someone else took the address since the link was sent.
    Taken,
}

/// Refuses to leave the site without an admin: `Conflict(Rule::LastAdmin)` if `account_id` is
/// the only one. Run inside the transaction that removes the role.
macro_rules! keep_an_admin {
    ($tx:expr, $account_id:expr) => {{
        let admins: Vec<i64> = sqlx::query_scalar("SELECT account_id FROM account_roles WHERE role = 'admin'")
            .fetch_all(&mut *$tx)
            .await
            .map_err($crate::server::db::DbError::from_sqlx)?;
        if admins == [$account_id] {
            return Err($crate::server::db::DbError::Conflict($crate::server::db::Rule::LastAdmin));
        }
    }};
}

pub(crate) const INSERT_ACCOUNT: &str =
    "INSERT INTO accounts (email, name, password_hash, created_at, email_verified_at) \
     VALUES ($1, $2, $3, $4, $5) RETURNING id";
pub(crate) const INSERT_ROLE: &str =
    "INSERT INTO account_roles (account_id, role, company_id, centre_id, granted_at) VALUES ($1, $2, $3, $4, $5)";
pub(crate) const INSERT_TOKEN: &str =
    "INSERT INTO account_tokens (token_hash, account_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
/// Marks a link used if it still may be, returning its account: one statement, so a link
/// clicked twice at once works once.
pub(crate) const USE_TOKEN: &str = "UPDATE account_tokens SET used_at = $1 \
     WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 RETURNING account_id";

/// A request to join a company, with the names the page shows; callers add the condition.
pub(crate) const SELECT_JOIN_REQUEST: &str =
    "SELECT r.account_id, a.name, a.email, r.company_id, c.legal_name AS company_name, c.ruc, r.requested_at \
     FROM company_join_requests r JOIN accounts a ON a.id = r.account_id JOIN companies c ON c.id = r.company_id";

/// Ends every session of an account, after a change to its password or its rights.
pub(crate) const END_ALL_SESSIONS: &str = "DELETE FROM sessions WHERE account_id = $1";

/// Voids every emailed link of account `$account_id` not used yet, at `$now`, in transaction
/// `$tx`. Run with any change of password and when the other sessions end: a link sent before
/// (a reset, a new address) must not outlive the credentials, or whoever knew the old password
/// takes the account later.
macro_rules! void_links {
    ($tx:ident, $account_id:expr, $now:expr) => {
        sqlx::query("UPDATE account_tokens SET used_at = $2 WHERE account_id = $1 AND used_at IS NULL")
            .bind($account_id)
            .bind($now)
            .execute(&mut *$tx)
            .await
            .map_err($crate::server::db::DbError::from_sqlx)?
    };
}

/// Inserts an account and its first role on a transaction; evaluates to the new id.
macro_rules! insert_account {
    ($tx:expr, $account:expr) => {{
        use $crate::server::db::DbError;
        let account = $account;
        let id = $crate::accounts::store::insert_account_row!($tx, account);
        sqlx::query($crate::accounts::store::INSERT_ROLE)
            .bind(id)
            .bind(account.role.role.code())
            .bind(account.role.company_id)
            .bind(account.role.centre_id)
            .bind(account.now)
            .execute(&mut *$tx)
            .await
            .map_err(DbError::from_sqlx)?;
        id
    }};
}

/// Inserts an account without any role on a transaction; evaluates to the new id.
macro_rules! insert_account_row {
    ($tx:expr, $account:expr) => {{
        let account = $account;
        let id: i64 = sqlx::query_scalar($crate::accounts::store::INSERT_ACCOUNT)
            .bind(account.email.as_str())
            .bind(&account.name)
            .bind(&account.password_hash)
            .bind(account.now)
            .bind(account.email_verified.then_some(account.now))
            .fetch_one(&mut *$tx)
            .await
            .map_err($crate::server::db::DbError::from_sqlx)?;
        id
    }};
}

/// Inserts a single-use link and the message carrying it on a transaction.
macro_rules! insert_token_and_mail {
    ($tx:expr, $account_id:expr, $token:expr, $mail:expr) => {{
        use $crate::server::db::DbError;
        let token = $token;
        sqlx::query($crate::accounts::store::INSERT_TOKEN)
            .bind(&token.token_hash)
            .bind($account_id)
            .bind(token.purpose.code())
            .bind(token.now)
            .bind(token.expires_at)
            .execute(&mut *$tx)
            .await
            .map_err(DbError::from_sqlx)?;
        $crate::server::mail::outbox::insert_mail!($mail, token.now)
            .fetch_one(&mut *$tx)
            .await
            .map_err(DbError::from_sqlx)?;
    }};
}

/// Ends a role change in transaction `$tx`: `false` when `$changed` touched no row; otherwise
/// every session of the account ends (roles are read when a session starts), the audit event
/// is recorded, the change commits, and it evaluates to `true`.
macro_rules! finish_role_change {
    ($tx:ident, $changed:expr, $account_id:expr, $audit:expr) => {{
        use $crate::server::db::DbError;
        if $changed.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query($crate::accounts::store::END_ALL_SESSIONS)
            .bind($account_id)
            .execute(&mut *$tx)
            .await
            .map_err(DbError::from_sqlx)?;
        $crate::audit::store::insert_audit!(&mut *$tx, $audit, Some($account_id));
        $tx.commit().await.map_err(DbError::from_sqlx)?;
        Ok(true)
    }};
}

macro_rules! impl_accounts_store {
    ($store:ty) => {
        $crate::accounts::store::impl_sign_up_store!($store);
        $crate::accounts::store::impl_account_store!($store);
        $crate::accounts::store::impl_credential_store!($store);
        $crate::accounts::store::impl_session_store!($store);
    };
}
pub(crate) use {
    finish_role_change, impl_accounts_store, insert_account, insert_account_row, insert_token_and_mail, keep_an_admin,
    void_links,
};
