//! Storage of consents, given, confirmed and revoked, and of who read a person's disability data.

use super::ConsentGiven;
use crate::seekers::consent::{ConsentKind, ConsentRecord, ConsentStanding, Consents};
use crate::seekers::AccessRecord;
use crate::server::db::DbResult;
use async_trait::async_trait;

#[async_trait]
pub trait ConsentStore: Send + Sync + 'static {
    /// The consents in force and those waiting for the person.
    async fn consent_standing(&self, id: i64) -> DbResult<ConsentStanding>;

    /// The consents in force.
    async fn consents_in_force(&self, id: i64) -> DbResult<Consents> {
        Ok(self.consent_standing(id).await?.in_force)
    }

    /// Every consent ever given, oldest first.
    async fn consent_history(&self, id: i64) -> DbResult<Vec<ConsentRecord>>;

    /// Records a consent; `false` when it is in force already. One waiting for the person is
    /// confirmed when the person gives it, and stands when a counsellor records it on a signed
    /// sheet.
    async fn give_consent(&self, id: i64, kind: ConsentKind, given: ConsentGiven) -> DbResult<bool>;

    /// Marks the consents a counsellor recorded as confirmed by the person; how many.
    async fn confirm_consents(&self, id: i64, now: i64) -> DbResult<u64>;

    /// Ends a consent now; ending consent to process disability data deletes that data (the
    /// profile's, and the accommodations and disclosure its applications carry) in the
    /// same step. `false` when it was not in force.
    async fn revoke_consent(&self, id: i64, kind: ConsentKind, now: i64) -> DbResult<bool>;

    /// Writes down that `viewer` saw the person's disability data.
    async fn log_sensitive_access(&self, id: i64, viewer_id: i64, purpose: &str, now: i64) -> DbResult<()>;

    /// Who saw the person's disability data, newest first.
    async fn sensitive_accesses(&self, id: i64) -> DbResult<Vec<AccessRecord>>;
}

macro_rules! impl_consent_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::seekers::store::ConsentStore for $store {
            async fn consent_standing(
                &self,
                id: i64,
            ) -> $crate::server::db::DbResult<$crate::seekers::consent::ConsentStanding> {
                let rows: Vec<(String, bool)> = sqlx::query_as($crate::seekers::store::consent_standing!())
                    .bind(id)
                    .fetch_all(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok($crate::seekers::store::standing(rows))
            }

            async fn consent_history(
                &self,
                id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::seekers::consent::ConsentRecord>> {
                type Row = (String, String, i64, String, bool, Option<String>, Option<i64>, Option<i64>);
                let rows: Vec<Row> = sqlx::query_as(
                    "SELECT c.kind, c.text_version, c.given_at, c.recorded_by, c.awaiting_person, a.name, \
                     c.confirmed_at, c.revoked_at \
                     FROM consents c LEFT JOIN accounts a ON a.id = c.recorder_id WHERE c.seeker_id = $1 ORDER BY c.id",
                )
                .bind(id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows
                    .into_iter()
                    .filter_map(|(kind, text_version, given_at, by, awaiting, recorder_name, confirmed_at, revoked_at)| {
                        Some($crate::seekers::consent::ConsentRecord {
                            kind: $crate::seekers::consent::ConsentKind::from_code(&kind)?,
                            text_version,
                            given_at,
                            recorded_by: $crate::seekers::consent::RecordedBy::from_stored(&by, awaiting)?,
                            recorder_name,
                            confirmed_at,
                            revoked_at,
                        })
                    })
                    .collect())
            }

            async fn give_consent(
                &self,
                id: i64,
                kind: $crate::seekers::consent::ConsentKind,
                given: $crate::seekers::store::ConsentGiven,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let live: Option<(i64, bool)> = sqlx::query_as(
                    "SELECT id, awaiting_person AND confirmed_at IS NULL FROM consents \
                     WHERE seeker_id = $1 AND kind = $2 AND revoked_at IS NULL",
                )
                .bind(id)
                .bind(kind.code())
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                match (live, given.by) {
                    (None, _) => {}
                    // One waiting for the person: the person giving it confirms it, and a
                    // counsellor bringing the signed sheet makes it stand.
                    (Some((row, true)), by @ ($crate::seekers::consent::RecordedBy::Themselves
                    | $crate::seekers::consent::RecordedBy::Counsellor)) => {
                        let query = if by == $crate::seekers::consent::RecordedBy::Themselves {
                            sqlx::query("UPDATE consents SET confirmed_at = $1 WHERE id = $2").bind(given.at)
                        } else {
                            sqlx::query("UPDATE consents SET awaiting_person = FALSE WHERE id = $1")
                        };
                        query.bind(row).execute(&mut *tx).await.map_err(DbError::from_sqlx)?;
                        tx.commit().await.map_err(DbError::from_sqlx)?;
                        return Ok(true);
                    }
                    (Some(_), _) => return Ok(false),
                }
                $crate::seekers::store::insert_consent!(&mut *tx, id, kind, given);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn confirm_consents(&self, id: i64, now: i64) -> $crate::server::db::DbResult<u64> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE consents SET confirmed_at = $1 \
                     WHERE seeker_id = $2 AND recorded_by = 'counsellor' AND confirmed_at IS NULL AND revoked_at IS NULL",
                )
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(done.rows_affected())
            }

            async fn revoke_consent(
                &self,
                id: i64,
                kind: $crate::seekers::consent::ConsentKind,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let ended = sqlx::query(
                    "UPDATE consents SET revoked_at = $1 WHERE seeker_id = $2 AND kind = $3 AND revoked_at IS NULL",
                )
                .bind(now)
                .bind(id)
                .bind(kind.code())
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if ended.rows_affected() == 0 {
                    return Ok(false);
                }
                if kind == $crate::seekers::consent::ConsentKind::DisabilityData {
                    // The profile's data, and what applications carry of it.
                    for sql in [
                        "DELETE FROM seeker_disability WHERE seeker_id = $1",
                        "DELETE FROM application_needs WHERE application_id IN \
                         (SELECT id FROM applications WHERE seeker_id = $1)",
                        "UPDATE applications SET disclose = FALSE WHERE seeker_id = $1",
                    ] {
                        sqlx::query(sql).bind(id).execute(&mut *tx).await.map_err(DbError::from_sqlx)?;
                    }
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn log_sensitive_access(
                &self,
                id: i64,
                viewer_id: i64,
                purpose: &str,
                now: i64,
            ) -> $crate::server::db::DbResult<()> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO sensitive_access (seeker_id, viewer_id, viewer_name, purpose, at) \
                     SELECT $1, id, name, $3, $4 FROM accounts WHERE id = $2",
                )
                .bind(id)
                .bind(viewer_id)
                .bind(purpose)
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(())
            }

            async fn sensitive_accesses(
                &self,
                id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::seekers::AccessRecord>> {
                let rows: Vec<(String, String, i64)> = sqlx::query_as(
                    "SELECT viewer_name, purpose, at FROM sensitive_access WHERE seeker_id = $1 ORDER BY at DESC, id DESC",
                )
                .bind(id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows
                    .into_iter()
                    .map(|(viewer_name, purpose, at)| $crate::seekers::AccessRecord { viewer_name, purpose, at })
                    .collect())
            }
        }
    };
}
pub(crate) use impl_consent_store;
