//! Storage of stands: a company's request and the organiser's answer, and the accommodations
//! a stand offers. The writes check the fair's status and clock (and the request's status)
//! themselves, so a fair that ended, or a request answered by someone else, between the
//! handler's check and the write is left as it is.

use super::StandStatus;
use crate::fairs::rules::Facts;
use crate::server::db::DbResult;
use crate::server::mail::OutgoingMail;
use async_trait::async_trait;

/// A company's request for a stand, as the employer sent it (already checked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandAsk {
    pub fair_id: i64,
    pub company_id: i64,
    pub introduction: String,
    /// Codes from the accommodations list.
    pub accommodations: Vec<String>,
    pub by: i64,
}

/// A stored stand, with its company's names and what the rules need about its fair (read in
/// the same query). Never sent as it is: the server functions make a view of it for each
/// reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredStand {
    pub id: i64,
    pub fair_id: i64,
    pub fair: Facts,
    pub fair_title: String,
    pub company_id: i64,
    pub company_name: String,
    pub sector: String,
    pub region: String,
    pub status: StandStatus,
    pub introduction: String,
    /// Codes, in the accommodations list's order.
    pub accommodations: Vec<String>,
    /// Who asked, to be told the answer; `None` once their account is gone.
    pub asker: Option<(String, String)>,
    pub asked_at: i64,
    pub decided_at: Option<i64>,
    pub decline_reason: String,
}

/// An organiser's answer to a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandAnswer<'a> {
    pub stand_id: i64,
    pub to: StandStatus,
    pub reason: &'a str,
    pub by: i64,
    /// The message to the person who asked, queued with the answer.
    pub mail: Option<&'a OutgoingMail>,
}

#[async_trait]
pub trait StandStore: Send + Sync + 'static {
    /// Stores the request, or asks again on a request that was declined or taken back; `None`
    /// when the company has one in force, is not verified, or the fair is not published or is
    /// over at `now`.
    async fn ask_stand(&self, ask: &StandAsk, now: i64) -> DbResult<Option<i64>>;

    /// Accepts or declines a request still waiting, at a fair not over at `now`, and queues
    /// its message; false (nothing written, nothing queued) otherwise.
    async fn answer_stand(&self, answer: &StandAnswer<'_>, now: i64) -> DbResult<bool>;

    /// Takes back a request or a stand in force, at a fair not over at `now`; false otherwise.
    async fn withdraw_stand(&self, stand_id: i64, now: i64) -> DbResult<bool>;

    async fn stand(&self, stand_id: i64) -> DbResult<Option<StoredStand>>;

    /// Every stand of a fair, in any status, by company name.
    async fn fair_stands(&self, fair_id: i64) -> DbResult<Vec<StoredStand>>;
}

/// The columns of a stand, in the order [`StandRow`] reads them.
pub(crate) const STAND_COLUMNS: &str =
    "s.id, s.fair_id, f.title AS fair_title, f.centre_id, f.status AS fair_status, f.starts_at, \
     f.ends_at, s.company_id, co.legal_name, co.sector, co.region, s.status, s.introduction, a.name AS asker_name, \
     a.email AS asker_email, s.asked_at, s.decided_at, s.decline_reason";

/// The tables a stand is read from, `s` the stand.
pub(crate) const STAND_FROM: &str =
    "fair_stands s JOIN fairs f ON f.id = s.fair_id JOIN companies co ON co.id = s.company_id \
     LEFT JOIN accounts a ON a.id = s.asked_by";

#[derive(sqlx::FromRow)]
pub(crate) struct StandRow {
    id: i64,
    fair_id: i64,
    fair_title: String,
    centre_id: i64,
    fair_status: String,
    starts_at: i64,
    ends_at: i64,
    company_id: i64,
    legal_name: String,
    sector: String,
    region: String,
    status: String,
    introduction: String,
    asker_name: Option<String>,
    asker_email: Option<String>,
    asked_at: i64,
    decided_at: Option<i64>,
    decline_reason: String,
}

impl StandRow {
    /// The stand with the accommodation codes `offered` (`(stand, code)` pairs in the list's
    /// order, of this stand and maybe others); `None` if its status, or its fair's, is unknown
    /// to this build.
    pub(crate) fn into_stand(self, offered: &[(i64, String)]) -> Option<StoredStand> {
        Some(StoredStand {
            id: self.id,
            fair_id: self.fair_id,
            fair: Facts {
                centre_id: self.centre_id,
                status: crate::fairs::FairStatus::from_code(&self.fair_status)?,
                starts_at: self.starts_at,
                ends_at: self.ends_at,
            },
            fair_title: self.fair_title,
            company_id: self.company_id,
            company_name: self.legal_name,
            sector: self.sector,
            region: self.region,
            status: StandStatus::from_code(&self.status)?,
            introduction: self.introduction,
            accommodations: offered.iter().filter(|(s, _)| *s == self.id).map(|(_, code)| code.clone()).collect(),
            asker: self.asker_name.zip(self.asker_email),
            asked_at: self.asked_at,
            decided_at: self.decided_at,
            decline_reason: self.decline_reason,
        })
    }
}

/// The accommodations of the stands `condition` (on `sa`, with `$1`) picks, in the list's order.
pub(crate) fn offered_query(condition: &str) -> String {
    format!(
        "SELECT sa.stand_id, sa.code FROM stand_accommodations sa JOIN accommodations ac ON ac.code = sa.code \
         WHERE {condition} ORDER BY sa.stand_id, ac.position, sa.code"
    )
}

/// A fair that takes stands at `$n`: published and not over.
macro_rules! fair_open {
    ($now:literal) => {
        concat!("(SELECT id FROM fairs WHERE status = 'published' AND ends_at > ", $now, ")")
    };
}
pub(crate) use fair_open;

macro_rules! impl_stand_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::fairs::stands::store::StandStore for $store {
            async fn ask_stand(
                &self,
                ask: &$crate::fairs::stands::store::StandAsk,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                // Asking again reuses the company's row: its history is the row's, one per fair.
                let id: Option<i64> = sqlx::query_scalar(concat!(
                    "INSERT INTO fair_stands (fair_id, company_id, status, introduction, asked_by, asked_at) \
                     SELECT $1, $2, 'asked', $3, $4, $5 \
                     WHERE $1 IN ",
                    $crate::fairs::stands::store::fair_open!("$5"),
                    " AND EXISTS (SELECT 1 FROM companies WHERE id = $2 AND verified) \
                     ON CONFLICT (fair_id, company_id) DO UPDATE SET status = 'asked', \
                     introduction = excluded.introduction, asked_by = excluded.asked_by, \
                     asked_at = excluded.asked_at, decided_by = NULL, decided_at = NULL, decline_reason = '' \
                     WHERE fair_stands.status IN ('declined', 'withdrawn') \
                     RETURNING id"
                ))
                .bind(ask.fair_id)
                .bind(ask.company_id)
                .bind(&ask.introduction)
                .bind(ask.by)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                let Some(id) = id else { return Ok(None) };
                sqlx::query("DELETE FROM stand_accommodations WHERE stand_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                for code in &ask.accommodations {
                    sqlx::query("INSERT INTO stand_accommodations (stand_id, code) VALUES ($1, $2)")
                        .bind(id)
                        .bind(code)
                        .execute(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Some(id))
            }

            async fn answer_stand(
                &self,
                answer: &$crate::fairs::stands::store::StandAnswer<'_>,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(concat!(
                    "UPDATE fair_stands SET status = $2, decline_reason = $3, decided_by = $4, decided_at = $5 \
                     WHERE id = $1 AND status = 'asked' AND fair_id IN ",
                    $crate::fairs::stands::store::fair_open!("$5")
                ))
                .bind(answer.stand_id)
                .bind(answer.to.code())
                .bind(answer.reason)
                .bind(answer.by)
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::server::mail::outbox::commit_once_with_mail!(tx, done, answer.mail, now)
            }

            async fn withdraw_stand(&self, stand_id: i64, now: i64) -> $crate::server::db::DbResult<bool> {
                let done = sqlx::query(concat!(
                    "UPDATE fair_stands SET status = 'withdrawn' \
                     WHERE id = $1 AND status IN ('asked', 'accepted') AND fair_id IN ",
                    $crate::fairs::stands::store::fair_open!("$2")
                ))
                .bind(stand_id)
                .bind(now)
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(done.rows_affected() == 1)
            }

            async fn stand(
                &self,
                stand_id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::fairs::stands::store::StoredStand>> {
                let stands = self.stand_list("s.id = $1", "sa.stand_id = $1", stand_id).await?;
                Ok(stands.into_iter().next())
            }

            async fn fair_stands(
                &self,
                fair_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::store::StoredStand>> {
                self.stand_list(
                    "s.fair_id = $1",
                    "sa.stand_id IN (SELECT id FROM fair_stands WHERE fair_id = $1)",
                    fair_id,
                )
                .await
            }
        }

        impl $store {
            /// The stands `condition` picks and their accommodations (`offered` picks those),
            /// `$1` bound to `key` in both; by company name.
            async fn stand_list(
                &self,
                condition: &str,
                offered: &str,
                key: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::store::StoredStand>> {
                use $crate::fairs::stands::store::{offered_query, StandRow, STAND_COLUMNS, STAND_FROM};
                use $crate::server::db::DbError;
                let rows: Vec<StandRow> = sqlx::query_as(&format!(
                    "SELECT {STAND_COLUMNS} FROM {STAND_FROM} WHERE {condition} ORDER BY co.legal_name, s.id"
                ))
                .bind(key)
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                let codes: Vec<(i64, String)> = sqlx::query_as(&offered_query(offered))
                    .bind(key)
                    .fetch_all(self.pool())
                    .await
                    .map_err(DbError::from_sqlx)?;
                Ok(rows.into_iter().filter_map(|row| row.into_stand(&codes)).collect())
            }
        }
    };
}
pub(crate) use impl_stand_store;
