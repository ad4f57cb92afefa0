//! Storage of saved searches and of the daily alerts they send: which are due, and the
//! message of each day written in the same transaction as the mark that it was told.

use crate::alerts::SavedSearch;
use crate::server::db::DbResult;
use crate::server::mail::OutgoingMail;
use async_trait::async_trait;

/// A saved search whose day has come, with what its message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueAlert {
    pub id: i64,
    pub email: String,
    /// The account's language code, when it chose one.
    pub language: Option<String>,
    pub query: String,
    pub told_until: i64,
    pub unsubscribe_token: String,
}

#[async_trait]
pub trait AlertStore: Send + Sync + 'static {
    /// Keeps `query` for `account_id`, to be looked at first a `period` after `now`, told of
    /// what is published from `now` on. `None` when the account keeps it already; `Conflict`
    /// when it keeps [`MAX_SAVED`](crate::alerts::MAX_SAVED) searches already.
    async fn save_search(
        &self,
        account_id: i64,
        query: &str,
        token: &str,
        now: i64,
        period: i64,
    ) -> DbResult<Option<i64>>;

    /// The account's saved searches, oldest first.
    async fn saved_searches(&self, account_id: i64) -> DbResult<Vec<SavedSearch>>;

    /// Deletes saved search `id` of `account_id`; `false` when it has no such search.
    async fn delete_saved_search(&self, account_id: i64, id: i64) -> DbResult<bool>;

    /// The saved search an alert's "stop" link names.
    async fn saved_search_with_token(&self, token: &str) -> DbResult<Option<SavedSearch>>;

    /// Stops (deletes) the saved search an alert's "stop" link names; `false` if it is gone.
    async fn stop_alert(&self, token: &str) -> DbResult<bool>;

    /// Takes the saved search due longest, moving its next look a `period` on first, so that
    /// of several app servers only one takes it each time. `None` when none is due at `now`.
    async fn claim_due_alert(&self, now: i64, period: i64) -> DbResult<Option<DueAlert>>;

    /// Marks alert `id` told of everything published up to `until`, and queues `mail` (the
    /// message telling it, if anything was new) in the same transaction.
    async fn alert_told(&self, id: i64, until: i64, mail: Option<&OutgoingMail>, now: i64) -> DbResult<()>;
}

/// A row of `saved_searches` as its owner sees it.
pub(crate) const SELECT_SAVED: &str = "SELECT id, query, created_at, told_until, unsubscribe_token FROM saved_searches";

macro_rules! impl_alert_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::alerts::store::AlertStore for $store {
            async fn save_search(
                &self,
                account_id: i64,
                query: &str,
                token: &str,
                now: i64,
                period: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM saved_searches WHERE account_id = $1")
                    .bind(account_id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                let id: Option<i64> = sqlx::query_scalar(
                    "INSERT INTO saved_searches (account_id, query, created_at, told_until, next_check_at, \
                     unsubscribe_token) VALUES ($1, $2, $3, $3, $4, $5) \
                     ON CONFLICT (account_id, query) DO NOTHING RETURNING id",
                )
                .bind(account_id)
                .bind(query)
                .bind(now)
                .bind(now + period)
                .bind(token)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if id.is_some() && kept >= $crate::alerts::MAX_SAVED as i64 {
                    // Rolled back: the list is full.
                    return Err(DbError::Conflict($crate::server::db::Rule::SavedSearchesFull));
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(id)
            }

            async fn saved_searches(
                &self,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::alerts::SavedSearch>> {
                sqlx::query_as(&format!("{} WHERE account_id = $1 ORDER BY id", $crate::alerts::store::SELECT_SAVED))
                    .bind(account_id)
                    .fetch_all(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn delete_saved_search(&self, account_id: i64, id: i64) -> $crate::server::db::DbResult<bool> {
                let done = sqlx::query("DELETE FROM saved_searches WHERE id = $1 AND account_id = $2")
                    .bind(id)
                    .bind(account_id)
                    .execute(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(done.rows_affected() == 1)
            }

            async fn saved_search_with_token(
                &self,
                token: &str,
            ) -> $crate::server::db::DbResult<Option<$crate::alerts::SavedSearch>> {
                sqlx::query_as(&format!("{} WHERE unsubscribe_token = $1", $crate::alerts::store::SELECT_SAVED))
                    .bind(token)
                    .fetch_optional(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn stop_alert(&self, token: &str) -> $crate::server::db::DbResult<bool> {
                let done = sqlx::query("DELETE FROM saved_searches WHERE unsubscribe_token = $1")
                    .bind(token)
                    .execute(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(done.rows_affected() == 1)
            }

            async fn claim_due_alert(
                &self,
                now: i64,
                period: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::alerts::store::DueAlert>> {
                use $crate::server::db::DbError;
                // The outer `next_check_at <= $1` is checked again on the row it updates, so of
                // two servers racing for one alert only the first gets it.
                let mut tx = self.begin_write().await?;
                let taken: Option<(i64, i64, String, i64, String)> = sqlx::query_as(
                    "UPDATE saved_searches SET next_check_at = $1 + $2 \
                     WHERE id = (SELECT id FROM saved_searches WHERE next_check_at <= $1 \
                                 ORDER BY next_check_at, id LIMIT 1) \
                       AND next_check_at <= $1 \
                     RETURNING id, account_id, query, told_until, unsubscribe_token",
                )
                .bind(now)
                .bind(period)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                let Some((id, account_id, query, told_until, unsubscribe_token)) = taken else { return Ok(None) };
                let (email, language): (String, Option<String>) =
                    sqlx::query_as("SELECT email, language FROM accounts WHERE id = $1")
                        .bind(account_id)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Some($crate::alerts::store::DueAlert { id, email, language, query, told_until, unsubscribe_token }))
            }

            async fn alert_told(
                &self,
                id: i64,
                until: i64,
                mail: Option<&$crate::server::mail::OutgoingMail>,
                now: i64,
            ) -> $crate::server::db::DbResult<()> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                sqlx::query("UPDATE saved_searches SET told_until = $1 WHERE id = $2")
                    .bind(until)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                $crate::server::mail::outbox::queue_in!(tx, mail, now);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(())
            }
        }
    };
}

pub(crate) use impl_alert_store;
