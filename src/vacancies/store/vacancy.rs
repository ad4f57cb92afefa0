//! Storage of vacancies themselves: writing and importing them, moving them through their statuses, reading and listing them.

use crate::server::db::DbResult;
use crate::vacancies::workflow::Facts;
use crate::vacancies::{Vacancy, VacancyDraft, VacancyEvent, VacancyStatus, VacancySummary};
use async_trait::async_trait;

#[async_trait]
pub trait VacancyStore: Send + Sync + 'static {
    /// Stores a new draft, with its accommodations and skills and the first entry of its
    /// history, in one transaction. An unknown company, centre or accommodation is a
    /// `Conflict`, and nothing is stored.
    /// `by` is `None` for records that come from no account (the demo data).
    async fn create_vacancy(&self, draft: &VacancyDraft, by: Option<i64>, now: i64) -> DbResult<i64>;

    /// Stores vacancies that are already published elsewhere (each with when it was), in one
    /// transaction: for loading a board from another system, the demo board and benchmarks.
    /// Each gets the history entry "published" with no one named. Nothing is stored when one
    /// is refused.
    async fn import_vacancies(&self, vacancies: &[(VacancyDraft, i64)]) -> DbResult<u64>;

    /// Replaces what a vacancy says (its company stays) if its status is one of `editable`
    /// when it is written; false when it is not, or there is no such vacancy.
    async fn update_vacancy(
        &self,
        id: i64,
        draft: &VacancyDraft,
        editable: &[VacancyStatus],
        now: i64,
    ) -> DbResult<bool>;

    /// Moves a vacancy to `to` if it is in one of `from`, and records who did it (`None`: the
    /// closing date), when, and the comment. False when it was not in one of `from` (someone
    /// else moved it a moment ago) or does not exist.
    async fn move_vacancy(
        &self,
        id: i64,
        from: &[VacancyStatus],
        to: VacancyStatus,
        by: Option<i64>,
        comment: &str,
        now: i64,
    ) -> DbResult<bool>;

    async fn vacancy(&self, id: i64) -> DbResult<Option<Vacancy>>;

    /// What the workflow's rules need about a vacancy.
    async fn vacancy_facts(&self, id: i64) -> DbResult<Option<Facts>>;

    /// A company's vacancies, most recently changed first.
    async fn company_vacancies(&self, company_id: i64) -> DbResult<Vec<VacancySummary>>;

    /// The vacancies a centre is responsible for, most recently changed first.
    async fn centre_vacancies(&self, centre_id: i64) -> DbResult<Vec<VacancySummary>>;

    /// The vacancies waiting for a centre's review, oldest first.
    async fn review_queue(&self, centre_id: i64) -> DbResult<Vec<VacancySummary>>;

    /// Every change of a vacancy's status, oldest first.
    async fn vacancy_history(&self, id: i64) -> DbResult<Vec<VacancyEvent>>;

    /// Closes the published vacancies whose closing date has ended by `now`; returns how many.
    async fn close_expired(&self, now: i64) -> DbResult<u64>;
}

macro_rules! impl_vacancy_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::vacancies::store::VacancyStore for $store {
            async fn create_vacancy(
                &self,
                draft: &$crate::vacancies::VacancyDraft,
                by: Option<i64>,
                now: i64,
            ) -> $crate::server::db::DbResult<i64> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let insert = sqlx::query_scalar(
                    "INSERT INTO vacancies (company_id, centre_id, title, region, province, district, modality, \
                     contract, hours, salary_min, salary_max, openings, description, requirements, easy_read, \
                     workplace_access, interview, closes_at, status, created_by, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
                     'draft', $19, $20, $20) RETURNING id",
                )
                .bind(draft.company_id);
                let id: i64 = $crate::vacancies::store::bind_draft!(insert, draft)
                .bind(by)
                .bind(now)
                .fetch_one(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::vacancies::store::write_vacancy_lists!(tx, id, draft);
                <$store>::index_vacancy(&mut tx, id).await?;
                $crate::vacancies::store::insert_vacancy_event!(
                    tx,
                    id,
                    by,
                    None::<&str>,
                    $crate::vacancies::VacancyStatus::Draft.code(),
                    "",
                    now
                );
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(id)
            }

            async fn import_vacancies(
                &self,
                vacancies: &[($crate::vacancies::VacancyDraft, i64)],
            ) -> $crate::server::db::DbResult<u64> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                for (draft, published_at) in vacancies {
                    let insert = sqlx::query_scalar(
                        "INSERT INTO vacancies (company_id, centre_id, title, region, province, district, modality, \
                         contract, hours, salary_min, salary_max, openings, description, requirements, easy_read, \
                         workplace_access, interview, closes_at, status, created_by, created_at, updated_at, \
                         published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, \
                         $16, $17, $18, 'published', NULL, $19, $19, $19) RETURNING id",
                    )
                    .bind(draft.company_id);
                    let id: i64 = $crate::vacancies::store::bind_draft!(insert, draft)
                        .bind(published_at)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                    $crate::vacancies::store::write_vacancy_lists!(tx, id, draft);
                    <$store>::index_vacancy(&mut tx, id).await?;
                    $crate::vacancies::store::insert_vacancy_event!(
                        tx,
                        id,
                        None::<i64>,
                        None::<&str>,
                        $crate::vacancies::VacancyStatus::Published.code(),
                        "",
                        *published_at
                    );
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(vacancies.len() as u64)
            }

            async fn update_vacancy(
                &self,
                id: i64,
                draft: &$crate::vacancies::VacancyDraft,
                editable: &[$crate::vacancies::VacancyStatus],
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let current: Option<String> = sqlx::query_scalar("SELECT status FROM vacancies WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                let Some(current) = current.filter(|c| editable.iter().any(|s| s.code() == c)) else {
                    return Ok(false);
                };
                // The status is checked again by the write itself: a vacancy submitted or
                // published since it was read keeps the text it was submitted with.
                let update = sqlx::query(
                    "UPDATE vacancies SET centre_id = $1, title = $2, region = $3, province = $4, district = $5, \
                     modality = $6, contract = $7, hours = $8, salary_min = $9, salary_max = $10, openings = $11, \
                     description = $12, requirements = $13, easy_read = $14, workplace_access = $15, \
                     interview = $16, closes_at = $17, updated_at = $18 WHERE id = $19 AND status = $20",
                );
                let done = $crate::vacancies::store::bind_draft!(update, draft)
                .bind(now)
                .bind(id)
                .bind(&current)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if done.rows_affected() == 0 {
                    return Ok(false);
                }
                $crate::vacancies::store::write_vacancy_lists!(tx, id, draft);
                <$store>::index_vacancy(&mut tx, id).await?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn move_vacancy(
                &self,
                id: i64,
                from: &[$crate::vacancies::VacancyStatus],
                to: $crate::vacancies::VacancyStatus,
                by: Option<i64>,
                comment: &str,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                use $crate::vacancies::VacancyStatus;
                let mut tx = self.begin_write().await?;
                let current: Option<String> = sqlx::query_scalar("SELECT status FROM vacancies WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
                let Some(current) = current else { return Ok(false) };
                if !from.iter().any(|s| s.code() == current) {
                    return Ok(false);
                }
                // Only a return carries the counsellor's comment to the employer; moving on
                // clears it.
                let review_comment = if to == VacancyStatus::Returned { comment } else { "" };
                let moved = sqlx::query(
                    "UPDATE vacancies SET status = $1, review_comment = $2, updated_at = $3, \
                     published_at = CASE WHEN $1 = 'published' THEN $3 ELSE published_at END \
                     WHERE id = $4 AND status = $5",
                )
                .bind(to.code())
                .bind(review_comment)
                .bind(now)
                .bind(id)
                .bind(&current)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                if moved.rows_affected() == 0 {
                    return Ok(false);
                }
                <$store>::index_vacancy(&mut tx, id).await?;
                $crate::vacancies::store::insert_vacancy_event!(
                    tx,
                    id,
                    by,
                    Some(current.as_str()),
                    to.code(),
                    comment,
                    now
                );
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }

            async fn vacancy(&self, id: i64) -> $crate::server::db::DbResult<Option<$crate::vacancies::Vacancy>> {
                use $crate::server::db::DbError;
                let row: Option<$crate::vacancies::store::VacancyRow> =
                    sqlx::query_as(&format!("{} WHERE v.id = $1", $crate::vacancies::store::SELECT_VACANCY))
                        .bind(id)
                        .fetch_optional(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                let Some(row) = row else { return Ok(None) };
                let accommodations: Vec<String> = sqlx::query_scalar(
                    "SELECT va.code FROM vacancy_accommodations va JOIN accommodations a ON a.code = va.code \
                     WHERE va.vacancy_id = $1 ORDER BY a.position, a.code",
                )
                .bind(id)
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                let skills: Vec<String> =
                    sqlx::query_scalar("SELECT skill FROM vacancy_skills WHERE vacancy_id = $1 ORDER BY skill")
                        .bind(id)
                        .fetch_all(self.pool())
                        .await
                        .map_err(DbError::from_sqlx)?;
                Ok(row.into_vacancy(accommodations, skills))
            }

            async fn vacancy_facts(
                &self,
                id: i64,
            ) -> $crate::server::db::DbResult<Option<$crate::vacancies::workflow::Facts>> {
                let row: Option<(i64, i64, String, i64, bool)> = sqlx::query_as(
                    "SELECT v.company_id, v.centre_id, v.status, v.closes_at, co.verified \
                     FROM vacancies v JOIN companies co ON co.id = v.company_id WHERE v.id = $1",
                )
                .bind(id)
                .fetch_optional(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(row.and_then(|(company_id, centre_id, status, closes_at, company_verified)| {
                    Some($crate::vacancies::workflow::Facts {
                        company_id,
                        centre_id,
                        status: $crate::vacancies::VacancyStatus::from_code(&status)?,
                        closes_at,
                        company_verified,
                    })
                }))
            }

            async fn company_vacancies(
                &self,
                company_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::vacancies::VacancySummary>> {
                $crate::vacancies::store::summaries!(self, "v.company_id = $1 ORDER BY v.updated_at DESC, v.id DESC", company_id)
            }

            async fn centre_vacancies(
                &self,
                centre_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::vacancies::VacancySummary>> {
                $crate::vacancies::store::summaries!(self, "v.centre_id = $1 ORDER BY v.updated_at DESC, v.id DESC", centre_id)
            }

            async fn review_queue(
                &self,
                centre_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::vacancies::VacancySummary>> {
                $crate::vacancies::store::summaries!(self, "v.centre_id = $1 AND v.status = 'submitted' ORDER BY v.updated_at, v.id", centre_id)
            }

            async fn vacancy_history(
                &self,
                id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::vacancies::VacancyEvent>> {
                use $crate::vacancies::VacancyStatus;
                let rows: Vec<(i64, Option<String>, Option<String>, String, String)> = sqlx::query_as(
                    "SELECT e.at, a.name, e.from_status, e.to_status, e.comment FROM vacancy_events e \
                     LEFT JOIN accounts a ON a.id = e.actor_id WHERE e.vacancy_id = $1 ORDER BY e.id",
                )
                .bind(id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows
                    .into_iter()
                    .filter_map(|(at, actor_name, from, to, comment)| {
                        Some($crate::vacancies::VacancyEvent {
                            at,
                            actor_name,
                            from_status: from.as_deref().and_then(VacancyStatus::from_code),
                            to_status: VacancyStatus::from_code(&to)?,
                            comment,
                        })
                    })
                    .collect())
            }

            async fn close_expired(&self, now: i64) -> $crate::server::db::DbResult<u64> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let closed: Vec<i64> = sqlx::query_scalar(
                    "UPDATE vacancies SET status = 'closed', updated_at = $1 \
                     WHERE status = 'published' AND closes_at <= $1 RETURNING id",
                )
                .bind(now)
                .fetch_all(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                for id in &closed {
                    <$store>::index_vacancy(&mut tx, *id).await?;
                    $crate::vacancies::store::insert_vacancy_event!(
                        tx,
                        *id,
                        None::<i64>,
                        Some("published"),
                        "closed",
                        "",
                        now
                    );
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(closed.len() as u64)
            }
        }
    };
}
pub(crate) use impl_vacancy_store;
