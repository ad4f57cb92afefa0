//! Storage of casework: case notes and outcomes, each signed with the name of whoever wrote
//! it.

use crate::casework::{CaseNote, Outcome, RecordedOutcome};
use crate::server::db::DbResult;
use async_trait::async_trait;

#[async_trait]
pub trait CaseworkStore: Send + Sync + 'static {
    /// Adds a note to the person's case, signed by `author`.
    async fn add_case_note(&self, seeker_id: i64, author: i64, body: &str, at: i64) -> DbResult<()>;

    /// The person's case notes, newest first.
    async fn case_notes(&self, seeker_id: i64) -> DbResult<Vec<CaseNote>>;

    /// Records an outcome, from an application or not, signed by `by`.
    async fn record_outcome(
        &self,
        seeker_id: i64,
        outcome: &Outcome,
        application_id: Option<i64>,
        by: i64,
        at: i64,
    ) -> DbResult<()>;

    /// The person's outcomes, newest first: the first is the one in force.
    async fn outcomes(&self, seeker_id: i64) -> DbResult<Vec<RecordedOutcome>>;
}

/// Notes and outcomes are signed with the author's name as it is when they write: one
/// `INSERT … SELECT … FROM accounts`, which writes nothing when the author's account is gone.
pub(crate) fn signed(rows_written: u64) -> DbResult<()> {
    if rows_written == 0 {
        Err(crate::server::db::DbError::NotFound)
    } else {
        Ok(())
    }
}

/// A row of `outcomes`.
#[derive(sqlx::FromRow)]
pub(crate) struct OutcomeRow {
    pub application_id: Option<i64>,
    pub kind: String,
    pub employment: Option<String>,
    pub started_on: Option<String>,
    pub employer: Option<String>,
    pub job_title: Option<String>,
    pub hours: Option<String>,
    pub wage_band: Option<String>,
    pub reason: Option<String>,
    pub recorded_by_name: String,
    pub at: i64,
}

impl OutcomeRow {
    /// The outcome, or `None` if a stored code is one this build does not know.
    pub(crate) fn into_outcome(self) -> Option<RecordedOutcome> {
        use crate::casework::{ClosedReason, Employment, Placement, WageBand};
        let outcome = match self.kind.as_str() {
            "hired" => Outcome::Hired(Placement {
                employment: Employment::from_code(self.employment.as_deref()?)?,
                started_on: self.started_on?,
                employer: self.employer?,
                job_title: self.job_title?,
                hours: crate::vacancies::WorkingHours::from_code(self.hours.as_deref()?)?,
                wage: WageBand::from_code(self.wage_band.as_deref()?)?,
            }),
            "closed" => Outcome::Closed(ClosedReason::from_code(self.reason.as_deref()?)?),
            _ => return None,
        };
        Some(RecordedOutcome {
            outcome,
            application_id: self.application_id,
            recorded_by: self.recorded_by_name,
            at: self.at,
        })
    }
}

macro_rules! impl_casework_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::casework::store::CaseworkStore for $store {
            async fn add_case_note(
                &self,
                seeker_id: i64,
                author: i64,
                body: &str,
                at: i64,
            ) -> $crate::server::db::DbResult<()> {
                let added = sqlx::query(
                    "INSERT INTO case_notes (seeker_id, author_id, author_name, body, at) \
                     SELECT $1, id, name, $3, $4 FROM accounts WHERE id = $2",
                )
                .bind(seeker_id)
                .bind(author)
                .bind(body)
                .bind(at)
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                $crate::casework::store::signed(added.rows_affected())
            }

            async fn case_notes(
                &self,
                seeker_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::casework::CaseNote>> {
                let rows: Vec<(String, String, i64)> = sqlx::query_as(
                    "SELECT author_name, body, at FROM case_notes WHERE seeker_id = $1 ORDER BY id DESC",
                )
                .bind(seeker_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows.into_iter().map(|(author, body, at)| $crate::casework::CaseNote { author, body, at }).collect())
            }

            async fn record_outcome(
                &self,
                seeker_id: i64,
                outcome: &$crate::casework::Outcome,
                application_id: Option<i64>,
                by: i64,
                at: i64,
            ) -> $crate::server::db::DbResult<()> {
                use $crate::casework::Outcome;
                use $crate::server::db::DbError;
                let (kind, placement, reason) = match outcome {
                    Outcome::Hired(placement) => ("hired", Some(placement), None),
                    Outcome::Closed(reason) => ("closed", None, Some(reason.code())),
                };
                let added = sqlx::query(
                    "INSERT INTO outcomes (seeker_id, application_id, kind, employment, started_on, employer, job_title, \
                     hours, wage_band, reason, recorded_by, recorded_by_name, at) \
                     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, id, name, $12 FROM accounts WHERE id = $11",
                )
                .bind(seeker_id)
                .bind(application_id)
                .bind(kind)
                .bind(placement.map(|p| p.employment.code()))
                .bind(placement.map(|p| p.started_on.as_str()))
                .bind(placement.map(|p| p.employer.as_str()))
                .bind(placement.map(|p| p.job_title.as_str()))
                .bind(placement.map(|p| p.hours.code()))
                .bind(placement.map(|p| p.wage.code()))
                .bind(reason)
                .bind(by)
                .bind(at)
                .execute(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::casework::store::signed(added.rows_affected())
            }

            async fn outcomes(
                &self,
                seeker_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::casework::RecordedOutcome>> {
                let rows: Vec<$crate::casework::store::OutcomeRow> = sqlx::query_as(
                    "SELECT application_id, kind, employment, started_on, employer, job_title, hours, wage_band, reason, \
                     recorded_by_name, at FROM outcomes WHERE seeker_id = $1 ORDER BY id DESC",
                )
                .bind(seeker_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows.into_iter().filter_map(|row| row.into_outcome()).collect())
            }
        }
    };
}
pub(crate) use impl_casework_store;
