//! Storage of applications and their history. The rules storage can keep it keeps in the
//! same transaction as the write: only a vacancy that takes applications gets one, only with
//! the person's consent to share their profile with employers, once per person and vacancy;
//! the accommodations wanted and the disclosure only while consent to process disability data
//! stands; a move happens only from the status the mover saw.

use crate::applications::{Application, ApplicationStatus, Side};
use crate::server::db::DbResult;
use async_trait::async_trait;

/// An application about to be made.
#[derive(Clone, Debug)]
pub struct NewApplication {
    pub vacancy_id: i64,
    pub seeker_id: i64,
    pub message: String,
    pub needs_at_interview: Vec<String>,
    pub disclose: bool,
    /// `Applicant`, or `Counsellor` when a counsellor applies for the person.
    pub side: Side,
    pub by: i64,
    /// The fair's stand it was made from, if any: kept only when that stand is the vacancy's
    /// company's, accepted, and its fair has begun and its stand not closed (checked in the insert).
    pub stand_id: Option<i64>,
}

/// What became of an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    Done(i64),
    /// The person applied to this vacancy before: that application.
    Already(i64),
    /// The vacancy is not published, or its closing date has passed.
    VacancyNotOpen,
    /// The person has not consented to share their profile with the employers they apply to.
    NotShared,
}

/// A change of status someone asks for.
#[derive(Clone, Debug)]
pub struct Move<'a> {
    pub from: ApplicationStatus,
    pub to: ApplicationStatus,
    pub side: Side,
    pub by: i64,
    pub note: &'a str,
    pub at: i64,
}

#[async_trait]
pub trait ApplicationStore: Send + Sync + 'static {
    /// Makes an application, with its first history entry, in one transaction.
    async fn apply(&self, application: &NewApplication, now: i64) -> DbResult<Applied>;

    /// Loads applications in bulk, one transaction for the lot, each `(vacancy, seeker, at)`
    /// submitted by the person with its first history entry: for the demo register and the
    /// benchmarks. The checks `apply` makes are the caller's to have made.
    async fn import_applications(&self, applications: &[(i64, i64, i64)]) -> DbResult<u64>;

    /// One application with its history.
    async fn application(&self, id: i64) -> DbResult<Option<Application>>;

    /// The person's application to a vacancy, if they made one.
    async fn application_to(&self, vacancy_id: i64, seeker_id: i64) -> DbResult<Option<i64>>;

    /// A person's applications, newest first.
    async fn seeker_applications(&self, seeker_id: i64) -> DbResult<Vec<Application>>;

    /// The applications to a vacancy, oldest first.
    async fn vacancy_applications(&self, vacancy_id: i64) -> DbResult<Vec<Application>>;

    /// Moves an application if it is still in `change.from`, recording the change; false when
    /// someone moved it a moment ago or it does not exist.
    async fn move_application(&self, id: i64, change: &Move<'_>) -> DbResult<bool>;
}

/// A row of `applications` with its vacancy's title and company.
#[derive(sqlx::FromRow)]
pub(crate) struct ApplicationRow {
    pub id: i64,
    pub vacancy_id: i64,
    pub vacancy_title: String,
    pub company_name: String,
    pub seeker_id: Option<i64>,
    pub status: String,
    pub message: String,
    pub disclose: bool,
    pub applied_by_name: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Applications with their vacancy, for a `WHERE` on `a.`'s columns.
pub(crate) const SELECT_APPLICATION: &str = "SELECT a.id, a.vacancy_id, v.title AS vacancy_title, \
     co.legal_name AS company_name, a.seeker_id, a.status, a.message, a.disclose, a.applied_by_name, a.created_at, \
     a.updated_at FROM applications a JOIN vacancies v ON v.id = a.vacancy_id JOIN companies co ON co.id = v.company_id";

/// Puts the rows together with their needs `(application, code)` and events
/// `(application, status, side, note, at)`; rows with a code this build does not know are
/// left out.
pub(crate) fn assemble(
    rows: Vec<ApplicationRow>,
    needs: Vec<(i64, String)>,
    events: Vec<(i64, String, String, String, i64)>,
) -> Vec<Application> {
    use crate::applications::ApplicationEvent;
    rows.into_iter()
        .filter_map(|row| {
            Some(Application {
                id: row.id,
                vacancy_id: row.vacancy_id,
                vacancy_title: row.vacancy_title,
                company_name: row.company_name,
                seeker_id: row.seeker_id,
                status: ApplicationStatus::from_code(&row.status)?,
                message: row.message,
                needs_at_interview: needs.iter().filter(|(a, _)| *a == row.id).map(|(_, c)| c.clone()).collect(),
                disclose: row.disclose,
                applied_by_counsellor: row.applied_by_name,
                created_at: row.created_at,
                updated_at: row.updated_at,
                events: events
                    .iter()
                    .filter(|e| e.0 == row.id)
                    .filter_map(|(_, status, side, note, at)| {
                        Some(ApplicationEvent {
                            status: ApplicationStatus::from_code(status)?,
                            side: Side::from_code(side)?,
                            note: note.clone(),
                            at: *at,
                        })
                    })
                    .collect(),
            })
        })
        .collect()
}

macro_rules! impl_application_store {
    ($store:ty) => {
        impl $store {
            /// The applications whose `a.<column>` is `value`, in `order`, with their needs and
            /// history.
            async fn load_applications(
                &self,
                column: &'static str,
                value: i64,
                order: &'static str,
            ) -> $crate::server::db::DbResult<Vec<$crate::applications::Application>> {
                use $crate::applications::store::{assemble, ApplicationRow, SELECT_APPLICATION};
                use $crate::server::db::DbError;
                let rows: Vec<ApplicationRow> =
                    sqlx::query_as(&format!("{SELECT_APPLICATION} WHERE a.{column} = $1 ORDER BY {order}"))
                        .bind(value)
                        .fetch_all(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                if rows.is_empty() {
                    return Ok(Vec::new());
                }
                let needs: Vec<(i64, String)> = sqlx::query_as(&format!(
                    "SELECT n.application_id, n.code FROM application_needs n \
                     JOIN applications a ON a.id = n.application_id JOIN accommodations ac ON ac.code = n.code \
                     WHERE a.{column} = $1 ORDER BY ac.position, ac.code"
                ))
                .bind(value)
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                let events: Vec<(i64, String, String, String, i64)> = sqlx::query_as(&format!(
                    "SELECT e.application_id, e.status, e.side, e.note, e.at FROM application_events e \
                     JOIN applications a ON a.id = e.application_id WHERE a.{column} = $1 ORDER BY e.id"
                ))
                .bind(value)
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                Ok(assemble(rows, needs, events))
            }
        }

        #[async_trait::async_trait]
        impl $crate::applications::store::ApplicationStore for $store {
            async fn apply(
                &self,
                new: &$crate::applications::store::NewApplication,
                now: i64,
            ) -> $crate::server::db::DbResult<$crate::applications::store::Applied> {
                use $crate::applications::store::Applied;
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let vacancy: Option<(String, i64)> =
                    sqlx::query_as("SELECT status, closes_at FROM vacancies WHERE id = $1")
                        .bind(new.vacancy_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                let open = vacancy.is_some_and(|(status, closes_at)| {
                    $crate::vacancies::VacancyStatus::from_code(&status).is_some_and(|status| {
                        $crate::applications::workflow::takes_applications(status, closes_at, now)
                    })
                });
                if !open {
                    return Ok(Applied::VacancyNotOpen);
                }
                let rows: Vec<(String, bool)> = sqlx::query_as($crate::seekers::store::consent_standing!())
                    .bind(new.seeker_id)
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                let consents = $crate::seekers::store::standing(rows);
                // Sharing the profile waiting for the person to confirm it: the application
                // goes, and the employer reads the person once they have.
                let share = $crate::seekers::consent::ConsentKind::ShareWithEmployers;
                if !consents.in_force.has(share) && !consents.awaiting.has(share) {
                    return Ok(Applied::NotShared);
                }
                let earlier: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM applications WHERE vacancy_id = $1 AND seeker_id = $2")
                        .bind(new.vacancy_id)
                        .bind(new.seeker_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                if let Some(id) = earlier {
                    return Ok(Applied::Already(id));
                }
                // Accommodations wanted and disclosure are disability data.
                let sensitive = consents.in_force.has($crate::seekers::consent::ConsentKind::DisabilityData);
                let applied_by_name: Option<String> = if new.side == $crate::applications::Side::Counsellor {
                    sqlx::query_scalar("SELECT name FROM accounts WHERE id = $1")
                        .bind(new.by)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?
                } else {
                    None
                };
                // A link from a stand that no longer counts makes an ordinary application.
                let stand: Option<i64> = match new.stand_id {
                    Some(stand) => sqlx::query_scalar(
                        "SELECT st.id FROM fair_stands st JOIN fairs f ON f.id = st.fair_id \
                         JOIN vacancies v ON v.company_id = st.company_id \
                         WHERE st.id = $1 AND v.id = $2 AND st.status = 'accepted' AND f.status = 'published' \
                         AND f.starts_at <= $3 AND f.ends_at > $4",
                    )
                    .bind(stand)
                    .bind(new.vacancy_id)
                    .bind(now)
                    .bind(now - $crate::fairs::stands::rules::QUESTIONS_DAYS_AFTER * 86_400)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?,
                    None => None,
                };
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO applications (vacancy_id, seeker_id, status, message, disclose, applied_by, \
                     applied_by_name, created_at, updated_at, stand_id) \
                     VALUES ($1, $2, 'submitted', $3, $4, $5, $6, $7, $7, $8) RETURNING id",
                )
                .bind(new.vacancy_id)
                .bind(new.seeker_id)
                .bind(&new.message)
                .bind(sensitive && new.disclose)
                .bind(applied_by_name.as_ref().map(|_| new.by))
                .bind(&applied_by_name)
                .bind(now)
                .bind(stand)
                .fetch_one(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if sensitive {
                    for code in &new.needs_at_interview {
                        sqlx::query(
                            "INSERT INTO application_needs (application_id, code) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                        )
                        .bind(id)
                        .bind(code)
                        .execute(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                    }
                }
                sqlx::query(
                    "INSERT INTO application_events (application_id, status, side, by_account, note, at) \
                     VALUES ($1, 'submitted', $2, $3, '', $4)",
                )
                .bind(id)
                .bind(new.side.code())
                .bind(new.by)
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(Applied::Done(id))
            }

            async fn import_applications(
                &self,
                applications: &[(i64, i64, i64)],
            ) -> $crate::server::db::DbResult<u64> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                for (vacancy, seeker, at) in applications {
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO applications (vacancy_id, seeker_id, status, created_at, updated_at) \
                         VALUES ($1, $2, 'submitted', $3, $3) RETURNING id",
                    )
                    .bind(vacancy)
                    .bind(seeker)
                    .bind(at)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                    sqlx::query(
                        "INSERT INTO application_events (application_id, status, side, note, at) \
                         VALUES ($1, 'submitted', 'applicant', '', $2)",
                    )
                    .bind(id)
                    .bind(at)
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(applications.len() as u64)
            }

            async fn application(
                &self,
                id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::applications::Application>> {
                Ok(self.load_applications("id", id, "a.id").await?.pop())
            }

            async fn application_to(
                &self,
                vacancy_id: i64,
                seeker_id: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                sqlx::query_scalar("SELECT id FROM applications WHERE vacancy_id = $1 AND seeker_id = $2")
                    .bind(vacancy_id)
                    .bind(seeker_id)
                    .fetch_optional(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn seeker_applications(
                &self,
                seeker_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::applications::Application>> {
                self.load_applications("seeker_id", seeker_id, "a.id DESC").await
            }

            async fn vacancy_applications(
                &self,
                vacancy_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::applications::Application>> {
                self.load_applications("vacancy_id", vacancy_id, "a.id").await
            }

            async fn move_application(
                &self,
                id: i64,
                change: &$crate::applications::store::Move<'_>,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let moved = sqlx::query("UPDATE applications SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4")
                    .bind(change.to.code())
                    .bind(change.at)
                    .bind(id)
                    .bind(change.from.code())
                    .execute(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                if moved.rows_affected() == 0 {
                    return Ok(false);
                }
                sqlx::query(
                    "INSERT INTO application_events (application_id, status, side, by_account, note, at) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id)
                .bind(change.to.code())
                .bind(change.side.code())
                .bind(change.by)
                .bind(change.note)
                .bind(change.at)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }
        }
    };
}
pub(crate) use impl_application_store;
