//! Storage of passkeys: the handle an account is known by to authenticators, its passkeys by
//! name, and the ceremonies under way. Each change is one transaction with its audit event.

use crate::server::audit::AuditEvent;
use crate::server::db::DbResult;
use async_trait::async_trait;

/// A passkey as kept: its name, the library's record of it (JSON), and when it was last used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPasskey {
    pub id: i64,
    pub name: String,
    pub credential_id: String,
    pub passkey: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// A ceremony begun, to keep until the post that finishes it.
#[derive(Clone, Debug)]
pub struct NewCeremony<'a> {
    pub id: &'a str,
    pub purpose: &'a str,
    pub account_id: Option<i64>,
    pub session_hash: Option<&'a str>,
    pub state: &'a str,
    pub expires_at: i64,
}

/// A ceremony taken back to be finished.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ceremony {
    pub account_id: Option<i64>,
    pub session_hash: Option<String>,
    pub state: String,
}

/// A passkey just registered, and — when it is the account's first second factor — the hashes
/// of the recovery codes that come with it.
#[derive(Clone, Debug)]
pub struct NewPasskey<'a> {
    pub name: &'a str,
    pub credential_id: &'a str,
    pub passkey: &'a str,
    pub recovery_hashes: Option<&'a [String]>,
}

#[async_trait]
pub trait PasskeyStore: Send + Sync + 'static {
    /// The account's handle: the one it has, or `candidate`, kept from now on.
    async fn passkey_handle(&self, account_id: i64, candidate: &str) -> DbResult<String>;

    /// The account a handle belongs to.
    async fn account_of_handle(&self, handle: &str) -> DbResult<Option<i64>>;

    /// The account's passkeys, oldest first.
    async fn passkeys_of(&self, account_id: i64) -> DbResult<Vec<StoredPasskey>>;

    /// Keeps a ceremony begun at `now`, and forgets those that expired.
    async fn begin_ceremony(&self, ceremony: &NewCeremony<'_>, now: i64) -> DbResult<()>;

    /// Takes the unexpired ceremony `id` for `purpose`: nobody can finish it twice.
    async fn take_ceremony(&self, id: &str, purpose: &str, now: i64) -> DbResult<Option<Ceremony>>;

    /// Keeps a new passkey (and its recovery codes, if any), and marks `session` as having
    /// passed the second factor at `audit.at`. `false`, and nothing stored, when a passkey with
    /// that credential id is kept already, for this account or another.
    async fn add_passkey(
        &self,
        account_id: i64,
        passkey: &NewPasskey<'_>,
        session: &str,
        audit: &AuditEvent,
    ) -> DbResult<bool>;

    /// Records a passkey's use at `audit.at` (`updated`: its record, when its counter moved),
    /// and marks `session` as having passed the second factor, if there is one yet.
    async fn pass_with_passkey(
        &self,
        account_id: i64,
        passkey_id: i64,
        updated: Option<&str>,
        session: Option<&str>,
        audit: &AuditEvent,
    ) -> DbResult<()>;

    /// Removes one of the account's passkeys; when no second factor is left, its recovery codes
    /// go too. `false` when the account has no such passkey.
    async fn remove_passkey(&self, account_id: i64, passkey_id: i64, audit: &AuditEvent) -> DbResult<bool>;
}

macro_rules! impl_passkey_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::second_factor::passkey_store::PasskeyStore for $store {
            async fn passkey_handle(&self, account_id: i64, candidate: &str) -> $crate::server::db::DbResult<String> {
                use $crate::server::db::DbError;
                sqlx::query(
                    "INSERT INTO passkey_users (account_id, user_handle) VALUES ($1, $2) \
                     ON CONFLICT (account_id) DO NOTHING",
                )
                .bind(account_id)
                .bind(candidate)
                .execute(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                sqlx::query_scalar("SELECT user_handle FROM passkey_users WHERE account_id = $1")
                    .bind(account_id)
                    .fetch_one(self.pool())
                    .await
                    .map_err(DbError::from_sqlx)
            }

            async fn account_of_handle(&self, handle: &str) -> $crate::server::db::DbResult<Option<i64>> {
                sqlx::query_scalar("SELECT account_id FROM passkey_users WHERE user_handle = $1")
                    .bind(handle)
                    .fetch_optional(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn passkeys_of(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::second_factor::passkey_store::StoredPasskey>> {
                let rows: Vec<(i64, String, String, String, i64, Option<i64>)> = sqlx::query_as(
                    "SELECT id, name, credential_id, passkey, created_at, last_used_at FROM passkeys \
                     WHERE account_id = $1 ORDER BY created_at, id",
                )
                .bind(account_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows
                    .into_iter()
                    .map(|(id, name, credential_id, passkey, created_at, last_used_at)| {
                        $crate::second_factor::passkey_store::StoredPasskey {
                            id,
                            name,
                            credential_id,
                            passkey,
                            created_at,
                            last_used_at,
                        }
                    })
                    .collect())
            }

            async fn begin_ceremony(
                &self,
                ceremony: &$crate::second_factor::passkey_store::NewCeremony<'_>,
                now: i64,
            ) -> $crate::server::db::DbResult<()> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                sqlx::query("DELETE FROM passkey_ceremonies WHERE expires_at <= $1")
                    .bind(now)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                sqlx::query(
                    "INSERT INTO passkey_ceremonies (id, purpose, account_id, session_hash, state, expires_at) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(ceremony.id)
                .bind(ceremony.purpose)
                .bind(ceremony.account_id)
                .bind(ceremony.session_hash)
                .bind(ceremony.state)
                .bind(ceremony.expires_at)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)
            }

            async fn take_ceremony(
                &self,
                id: &str,
                purpose: &str,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::second_factor::passkey_store::Ceremony>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let row: Option<(Option<i64>, Option<String>, String, i64)> = sqlx::query_as(
                    "DELETE FROM passkey_ceremonies WHERE id = $1 AND purpose = $2 \
                     RETURNING account_id, session_hash, state, expires_at",
                )
                .bind(id)
                .bind(purpose)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(row.filter(|(_, _, _, expires_at)| *expires_at > now).map(|(account_id, session_hash, state, _)| {
                    $crate::second_factor::passkey_store::Ceremony { account_id, session_hash, state }
                }))
            }

            async fn add_passkey(
                &self,
                account_id: i64,
                passkey: &$crate::second_factor::passkey_store::NewPasskey<'_>,
                session: &str,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let added = sqlx::query(
                    "INSERT INTO passkeys (account_id, credential_id, name, passkey, created_at) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (credential_id) DO NOTHING",
                )
                .bind(account_id)
                .bind(passkey.credential_id)
                .bind(passkey.name)
                .bind(passkey.passkey)
                .bind(audit.at)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if added.rows_affected() == 0 {
                    return Ok(false);
                }
                if let Some(hashes) = passkey.recovery_hashes {
                    $crate::second_factor::store::put_recovery_codes!(tx, account_id, hashes);
                }
                $crate::second_factor::store::mark_session!(tx, session, account_id, audit.at);
                $crate::audit::store::insert_audit!(&mut *tx, audit);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn pass_with_passkey(
                &self,
                account_id: i64,
                passkey_id: i64,
                updated: Option<&str>,
                session: Option<&str>,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<()> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "UPDATE passkeys SET last_used_at = $3, passkey = COALESCE($4, passkey) \
                     WHERE id = $1 AND account_id = $2",
                )
                .bind(passkey_id)
                .bind(account_id)
                .bind(audit.at)
                .bind(updated)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if let Some(session) = session {
                    $crate::second_factor::store::mark_session!(tx, session, account_id, audit.at);
                }
                $crate::audit::store::insert_audit!(&mut *tx, audit);
                tx.commit().await.map_err(DbError::from_sqlx)
            }

            async fn remove_passkey(
                &self,
                account_id: i64,
                passkey_id: i64,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let removed = sqlx::query("DELETE FROM passkeys WHERE id = $1 AND account_id = $2")
                    .bind(passkey_id)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                if removed.rows_affected() == 0 {
                    return Ok(false);
                }
                sqlx::query(
                    "DELETE FROM recovery_codes WHERE account_id = $1 \
                     AND NOT EXISTS (SELECT 1 FROM passkeys WHERE account_id = $1) \
                     AND NOT EXISTS (SELECT 1 FROM totp_factors WHERE account_id = $1)",
                )
                .bind(account_id)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::audit::store::insert_audit!(&mut *tx, audit);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }
        }
    };
}

pub(crate) use impl_passkey_store;
