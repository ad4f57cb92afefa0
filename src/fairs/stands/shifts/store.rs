//! Storage of stands' shifts. The insert checks again, in its own statement, everything the
//! handler checked: the stand in force at a fair not over, the shift within the fair's hours,
//! the representative one of the company's, and free then.

use crate::server::db::DbResult;
use async_trait::async_trait;

/// A shift as an employer adds it (already checked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewShift {
    pub stand_id: i64,
    /// The representative on duty.
    pub account_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub by: i64,
}

/// A stored shift with its representative's name. Never sent as it is.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredShift {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// An employer account of a company, who may keep its stands.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredRepresentative {
    pub account_id: i64,
    pub name: String,
}

#[async_trait]
pub trait ShiftStore: Send + Sync + 'static {
    /// Adds the shift if, at `now`, the stand is in force at a fair not over, the shift falls
    /// within the fair's hours and is not over, the representative acts for the stand's
    /// company and has no shift at the stand then; `None` otherwise, nothing written.
    async fn add_shift(&self, shift: &NewShift, now: i64) -> DbResult<Option<i64>>;

    /// Takes shift `shift_id` away from stand `stand_id` while the stand is in force at a fair
    /// not over at `now`; false otherwise.
    async fn remove_shift(&self, shift_id: i64, stand_id: i64, now: i64) -> DbResult<bool>;

    /// A stand's shifts, soonest first.
    async fn stand_shifts(&self, stand_id: i64) -> DbResult<Vec<StoredShift>>;

    /// The employer accounts of a company, by name.
    async fn representatives(&self, company_id: i64) -> DbResult<Vec<StoredRepresentative>>;
}

macro_rules! impl_shift_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::fairs::stands::shifts::store::ShiftStore for $store {
            async fn add_shift(
                &self,
                shift: &$crate::fairs::stands::shifts::store::NewShift,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                sqlx::query_scalar(
                    "INSERT INTO stand_shifts (stand_id, account_id, starts_at, ends_at, added_by, added_at) \
                     SELECT s.id, $2, $3, $4, $5, $6 FROM fair_stands s JOIN fairs f ON f.id = s.fair_id \
                     WHERE s.id = $1 AND s.status IN ('asked', 'accepted') \
                       AND f.status = 'published' AND f.ends_at > $6 \
                       AND $3 >= f.starts_at AND $4 <= f.ends_at AND $4 > $3 AND $4 > $6 \
                       AND EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = $2 \
                                   AND r.role = 'employer' AND r.company_id = s.company_id) \
                       AND NOT EXISTS (SELECT 1 FROM stand_shifts o WHERE o.stand_id = s.id \
                                       AND o.account_id = $2 AND o.starts_at < $4 AND o.ends_at > $3) \
                     RETURNING id",
                )
                .bind(shift.stand_id)
                .bind(shift.account_id)
                .bind(shift.starts_at)
                .bind(shift.ends_at)
                .bind(shift.by)
                .bind(now)
                .fetch_optional(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn remove_shift(&self, shift_id: i64, stand_id: i64, now: i64) -> $crate::server::db::DbResult<bool> {
                let done = sqlx::query(concat!(
                    "DELETE FROM stand_shifts WHERE id = $1 AND stand_id = $2 AND stand_id IN \
                     (SELECT id FROM fair_stands WHERE status IN ('asked', 'accepted') AND fair_id IN ",
                    $crate::fairs::stands::store::fair_open!("$3"),
                    ")"
                ))
                .bind(shift_id)
                .bind(stand_id)
                .bind(now)
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(done.rows_affected() == 1)
            }

            async fn stand_shifts(
                &self,
                stand_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::shifts::store::StoredShift>> {
                sqlx::query_as(
                    "SELECT sh.id, sh.account_id, a.name, sh.starts_at, sh.ends_at FROM stand_shifts sh \
                     JOIN accounts a ON a.id = sh.account_id WHERE sh.stand_id = $1 \
                     ORDER BY sh.starts_at, a.name, sh.id",
                )
                .bind(stand_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn representatives(
                &self,
                company_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::shifts::store::StoredRepresentative>> {
                sqlx::query_as(
                    "SELECT a.id AS account_id, a.name FROM accounts a JOIN account_roles r ON r.account_id = a.id \
                     WHERE r.role = 'employer' AND r.company_id = $1 ORDER BY a.name, a.id",
                )
                .bind(company_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }
        }
    };
}
pub(crate) use impl_shift_store;
