//! Storage of signed-in sessions: starting, reading, keeping alive and ending them.

use crate::server::auth::{NewSession, SessionRecord, SessionSummary};
use crate::server::db::DbResult;
use async_trait::async_trait;

#[async_trait]
pub trait SessionStore: Send + Sync + 'static {
    async fn create_session(&self, session: &NewSession) -> DbResult<()>;

    /// The session with this token hash and the account behind it, whatever its age: the
    /// caller applies the timeouts.
    async fn session(&self, token_hash: &str) -> DbResult<Option<SessionRecord>>;

    async fn touch_session(&self, token_hash: &str, now: i64) -> DbResult<()>;

    async fn delete_session(&self, token_hash: &str) -> DbResult<()>;

    /// The account's sessions, most recently used first.
    async fn sessions_of(&self, account_id: i64) -> DbResult<Vec<SessionSummary>>;

    /// Ends one of the account's sessions; false when it has no such session.
    async fn delete_session_of(&self, account_id: i64, token_hash: &str) -> DbResult<bool>;

    /// Ends every session of the account but `keep`, and voids its unused emailed links, at
    /// `now`; returns how many sessions ended.
    async fn delete_other_sessions(&self, account_id: i64, keep: &str, now: i64) -> DbResult<u64>;
}

macro_rules! impl_session_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::accounts::store::SessionStore for $store {
            async fn create_session(
                &self,
                session: &$crate::server::auth::NewSession,
            ) -> $crate::server::db::DbResult<()> {
                sqlx::query(
                    "INSERT INTO sessions \
                     (token_hash, account_id, created_at, last_seen_at, expires_at, user_agent, second_factor_at) \
                     VALUES ($1, $2, $3, $3, $4, $5, $6)",
                )
                .bind(&session.token_hash)
                .bind(session.account_id)
                .bind(session.now)
                .bind(session.expires_at)
                .bind(&session.user_agent)
                .bind(session.second_factor_at)
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn session(
                &self,
                token_hash: &str,
            ) -> $crate::server::db::DbResult<Option<$crate::server::auth::SessionRecord>> {
                let row: Option<(i64, i64, i64, i64, Option<i64>, bool)> = sqlx::query_as(
                    "SELECT s.account_id, s.created_at, s.last_seen_at, s.expires_at, s.second_factor_at, \
                     (EXISTS (SELECT 1 FROM totp_factors t WHERE t.account_id = s.account_id) \
                     OR EXISTS (SELECT 1 FROM passkeys p WHERE p.account_id = s.account_id)) \
                     FROM sessions s WHERE s.token_hash = $1",
                )
                .bind(token_hash)
                .fetch_optional(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                let Some((account_id, created_at, last_seen_at, expires_at, second_factor_at, has_second_factor)) = row
                else {
                    return Ok(None);
                };
                let Some(actor) = $crate::accounts::store::AccountStore::account_actor(self, account_id).await? else {
                    return Ok(None);
                };
                Ok(Some($crate::server::auth::SessionRecord {
                    actor,
                    created_at,
                    last_seen_at,
                    expires_at,
                    second_factor_at,
                    has_second_factor,
                }))
            }

            async fn touch_session(&self, token_hash: &str, now: i64) -> $crate::server::db::DbResult<()> {
                sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                    .bind(now)
                    .bind(token_hash)
                    .execute(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn delete_session(&self, token_hash: &str) -> $crate::server::db::DbResult<()> {
                sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                    .bind(token_hash)
                    .execute(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn sessions_of(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::server::auth::SessionSummary>> {
                sqlx::query_as(
                    "SELECT token_hash, created_at, last_seen_at, user_agent FROM sessions \
                     WHERE account_id = $1 ORDER BY last_seen_at DESC, created_at DESC",
                )
                .bind(account_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn delete_session_of(&self, account_id: i64, token_hash: &str) -> $crate::server::db::DbResult<bool> {
                let done = sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash = $2")
                    .bind(account_id)
                    .bind(token_hash)
                    .execute(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(done.rows_affected() > 0)
            }

            async fn delete_other_sessions(
                &self,
                account_id: i64,
                keep: &str,
                now: i64,
            ) -> $crate::server::db::DbResult<u64> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let done = sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
                    .bind(account_id)
                    .bind(keep)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                $crate::accounts::store::void_links!(tx, account_id, now);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(done.rows_affected())
            }
        }
    };
}
pub(crate) use impl_session_store;
