//! Storage of vacancies, the accommodations list, and each vacancy's history of statuses.

use crate::server::audit::AuditEvent;
use crate::server::db::DbResult;
use crate::vacancies::workflow::Facts;
use crate::vacancies::ListedAccommodation;
use crate::vacancies::{
    Accommodation, ContractType, Modality, ReportReason, Vacancy, VacancyDraft, VacancyEvent, VacancyReport,
    VacancyStatus, VacancySummary, WorkingHours,
};
use async_trait::async_trait;

#[async_trait]
pub trait VacancyStore: Send + Sync + 'static {
    /// The accommodations that can be offered now, in the list's order.
    async fn accommodations(&self) -> DbResult<Vec<Accommodation>>;

    /// The whole list for the admins who keep it: retired entries too, each with how many
    /// vacancies name it.
    async fn accommodation_list(&self) -> DbResult<Vec<ListedAccommodation>>;

    /// Adds an entry at the end of the list; a `Conflict` when its code is taken.
    async fn add_accommodation(&self, entry: &Accommodation, audit: &AuditEvent) -> DbResult<()>;

    /// Renames an entry (its code stays); false when there is no such entry.
    async fn rename_accommodation(&self, entry: &Accommodation, audit: &AuditEvent) -> DbResult<bool>;

    /// Retires an entry (it is no longer offered; vacancies that name it keep it) or offers it
    /// again; false when there is no such entry.
    async fn retire_accommodation(&self, code: &str, retired: bool, audit: &AuditEvent) -> DbResult<bool>;

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

    /// Replaces what a vacancy says (its company stays); false when there is no such vacancy.
    async fn update_vacancy(&self, id: i64, draft: &VacancyDraft, now: i64) -> DbResult<bool>;

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

    /// Records a report about a published or closed vacancy (`by`: the signed-in reporter);
    /// false when there is no such vacancy for the public to see.
    async fn report_vacancy(
        &self,
        vacancy_id: i64,
        reason: ReportReason,
        details: &str,
        by: Option<i64>,
        now: i64,
    ) -> DbResult<bool>;

    /// The reports about a centre's vacancies that nobody has looked at yet, oldest first.
    async fn open_reports(&self, centre_id: i64) -> DbResult<Vec<VacancyReport>>;

    /// Marks an open report about one of `centre_id`'s vacancies as looked at by `by`; false
    /// when there is no such open report at that centre.
    async fn resolve_report(&self, id: i64, centre_id: i64, by: i64, now: i64) -> DbResult<bool>;
}

/// A vacancy row with its company's and centre's names.
#[derive(sqlx::FromRow)]
pub(crate) struct VacancyRow {
    id: i64,
    company_id: i64,
    centre_id: i64,
    title: String,
    region: String,
    province: String,
    district: String,
    modality: String,
    contract: String,
    hours: String,
    salary_min: Option<i64>,
    salary_max: Option<i64>,
    openings: i64,
    description: String,
    requirements: String,
    easy_read: String,
    workplace_access: String,
    interview: String,
    closes_at: i64,
    status: String,
    review_comment: String,
    created_at: i64,
    updated_at: i64,
    published_at: Option<i64>,
    company_name: String,
    centre_name: String,
}

pub(crate) const SELECT_VACANCY: &str = "SELECT v.id, v.company_id, v.centre_id, v.title, v.region, v.province, \
     v.district, v.modality, v.contract, v.hours, v.salary_min, v.salary_max, v.openings, v.description, \
     v.requirements, v.easy_read, v.workplace_access, v.interview, v.closes_at, v.status, v.review_comment, \
     v.created_at, v.updated_at, v.published_at, co.legal_name AS company_name, ce.name AS centre_name \
     FROM vacancies v JOIN companies co ON co.id = v.company_id JOIN centres ce ON ce.id = v.centre_id";

pub(crate) const SELECT_SUMMARY: &str = "SELECT v.id, v.title, co.legal_name AS company_name, v.region, v.status, \
     v.closes_at, v.updated_at FROM vacancies v JOIN companies co ON co.id = v.company_id";

impl VacancyRow {
    /// The stored row as the app sees it; a code this build does not know (a newer build's)
    /// makes the row unreadable rather than wrong.
    pub(crate) fn into_vacancy(self, accommodations: Vec<String>, skills: Vec<String>) -> Option<Vacancy> {
        Some(Vacancy {
            id: self.id,
            draft: VacancyDraft {
                company_id: self.company_id,
                centre_id: self.centre_id,
                title: self.title,
                region: self.region,
                province: self.province,
                district: self.district,
                modality: Modality::from_code(&self.modality)?,
                contract: ContractType::from_code(&self.contract)?,
                hours: WorkingHours::from_code(&self.hours)?,
                salary: self.salary_min.zip(self.salary_max),
                openings: self.openings,
                description: self.description,
                requirements: self.requirements,
                easy_read: self.easy_read,
                workplace_access: self.workplace_access,
                interview: self.interview,
                accommodations,
                skills,
                closes_at: self.closes_at,
            },
            company_name: self.company_name,
            centre_name: self.centre_name,
            status: VacancyStatus::from_code(&self.status)?,
            review_comment: self.review_comment,
            created_at: self.created_at,
            updated_at: self.updated_at,
            published_at: self.published_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SummaryRow {
    id: i64,
    title: String,
    company_name: String,
    region: String,
    status: String,
    closes_at: i64,
    updated_at: i64,
}

impl SummaryRow {
    pub(crate) fn into_summary(self) -> Option<VacancySummary> {
        Some(VacancySummary {
            id: self.id,
            title: self.title,
            company_name: self.company_name,
            region: self.region,
            status: VacancyStatus::from_code(&self.status)?,
            closes_at: self.closes_at,
            updated_at: self.updated_at,
        })
    }
}

/// Writes a vacancy's accommodations and skills on a transaction, replacing any there were.
macro_rules! write_vacancy_lists {
    ($tx:expr, $id:expr, $draft:expr) => {{
        use $crate::server::db::DbError;
        let (id, draft) = ($id, $draft);
        for table in ["vacancy_accommodations", "vacancy_skills"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE vacancy_id = $1"))
                .bind(id)
                .execute(&mut *$tx)
                .await
                .map_err(DbError::from_sqlx)?;
        }
        for code in &draft.accommodations {
            sqlx::query("INSERT INTO vacancy_accommodations (vacancy_id, code) VALUES ($1, $2)")
                .bind(id)
                .bind(code)
                .execute(&mut *$tx)
                .await
                .map_err(DbError::from_sqlx)?;
        }
        for skill in &draft.skills {
            sqlx::query("INSERT INTO vacancy_skills (vacancy_id, skill) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(id)
                .bind(skill)
                .execute(&mut *$tx)
                .await
                .map_err(DbError::from_sqlx)?;
        }
    }};
}

/// Records one change of status on a transaction.
macro_rules! insert_vacancy_event {
    ($tx:expr, $id:expr, $by:expr, $from:expr, $to:expr, $comment:expr, $now:expr) => {
        sqlx::query(
            "INSERT INTO vacancy_events (vacancy_id, at, actor_id, from_status, to_status, comment) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind($id)
        .bind($now)
        .bind($by)
        .bind($from)
        .bind($to)
        .bind($comment)
        .execute(&mut *$tx)
        .await
        .map_err($crate::server::db::DbError::from_sqlx)?
    };
}

/// Binds what a draft says, from its centre to its closing date, in the order both the insert
/// and the update of a vacancy name those columns.
macro_rules! bind_draft {
    ($query:expr, $draft:expr) => {
        $query
            .bind($draft.centre_id)
            .bind(&$draft.title)
            .bind(&$draft.region)
            .bind(&$draft.province)
            .bind(&$draft.district)
            .bind($draft.modality.code())
            .bind($draft.contract.code())
            .bind($draft.hours.code())
            .bind($draft.salary.map(|s| s.0))
            .bind($draft.salary.map(|s| s.1))
            .bind($draft.openings)
            .bind(&$draft.description)
            .bind(&$draft.requirements)
            .bind(&$draft.easy_read)
            .bind(&$draft.workplace_access)
            .bind(&$draft.interview)
            .bind($draft.closes_at)
    };
}

/// Runs one change and records `audit` with it, in one transaction; false, and nothing
/// recorded, when the change touched no row.
macro_rules! audited_change {
    ($self:ident, $query:expr, $audit:expr) => {{
        use $crate::server::db::DbError;
        let mut tx = $self.begin_write().await?;
        let changed = $query.execute(&mut *tx).await.map_err(DbError::from_sqlx)?;
        if changed.rows_affected() == 0 {
            return Ok(false);
        }
        $crate::audit::store::insert_audit!(&mut *tx, $audit);
        tx.commit().await.map_err(DbError::from_sqlx)?;
        Ok(true)
    }};
}

/// The vacancy summaries matching `condition` (SQL after `WHERE`, with `$1` bound to `id`).
macro_rules! summaries {
    ($self:ident, $condition:literal, $id:expr) => {{
        let rows: Vec<$crate::vacancies::store::SummaryRow> =
            sqlx::query_as(&format!("{} WHERE {}", $crate::vacancies::store::SELECT_SUMMARY, $condition))
                .bind($id)
                .fetch_all(&$self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
        Ok(rows.into_iter().filter_map(|r| r.into_summary()).collect())
    }};
}

/// The entries of a maintained list (`code`, `name_es`, `name_en`, `position`, `retired`)
/// still offered, in the list's order.
macro_rules! entries_in_force {
    ($self:ident, $table:literal) => {{
        let rows: Vec<(String, String, String)> = sqlx::query_as(concat!(
            "SELECT code, name_es, name_en FROM ",
            $table,
            " WHERE NOT retired ORDER BY position, code"
        ))
        .fetch_all(&$self.pool)
        .await
        .map_err($crate::server::db::DbError::from_sqlx)?;
        Ok(rows
            .into_iter()
            .map(|(code, name_es, name_en)| $crate::vacancies::Accommodation { code, name_es, name_en })
            .collect())
    }};
}

macro_rules! impl_vacancy_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::vacancies::store::VacancyStore for $store {
            async fn accommodations(
                &self,
            ) -> $crate::server::db::DbResult<Vec<$crate::vacancies::Accommodation>> {
                $crate::vacancies::store::entries_in_force!(self, "accommodations")
            }

            async fn accommodation_list(
                &self,
            ) -> $crate::server::db::DbResult<Vec<$crate::vacancies::ListedAccommodation>> {
                let rows: Vec<(String, String, String, bool, i64)> = sqlx::query_as(
                    "SELECT a.code, a.name_es, a.name_en, a.retired, \
                     (SELECT count(*) FROM vacancy_accommodations va WHERE va.code = a.code) \
                     FROM accommodations a ORDER BY a.position, a.code",
                )
                .fetch_all(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows
                    .into_iter()
                    .map(|(code, name_es, name_en, retired, vacancies)| {
                        $crate::vacancies::ListedAccommodation {
                            entry: $crate::vacancies::Accommodation { code, name_es, name_en },
                            retired,
                            vacancies,
                        }
                    })
                    .collect())
            }

            async fn add_accommodation(
                &self,
                entry: &$crate::vacancies::Accommodation,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<()> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO accommodations (code, name_es, name_en, position) \
                     SELECT $1, $2, $3, coalesce(max(position), 0) + 1 FROM accommodations",
                )
                .bind(&entry.code)
                .bind(&entry.name_es)
                .bind(&entry.name_en)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                $crate::audit::store::insert_audit!(&mut *tx, audit);
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(())
            }

            async fn rename_accommodation(
                &self,
                entry: &$crate::vacancies::Accommodation,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                $crate::vacancies::store::audited_change!(
                    self,
                    sqlx::query("UPDATE accommodations SET name_es = $1, name_en = $2 WHERE code = $3")
                        .bind(&entry.name_es)
                        .bind(&entry.name_en)
                        .bind(&entry.code),
                    audit
                )
            }

            async fn retire_accommodation(
                &self,
                code: &str,
                retired: bool,
                audit: &$crate::server::audit::AuditEvent,
            ) -> $crate::server::db::DbResult<bool> {
                $crate::vacancies::store::audited_change!(
                    self,
                    sqlx::query("UPDATE accommodations SET retired = $1 WHERE code = $2").bind(retired).bind(code),
                    audit
                )
            }

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
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let update = sqlx::query(
                    "UPDATE vacancies SET centre_id = $1, title = $2, region = $3, province = $4, district = $5, \
                     modality = $6, contract = $7, hours = $8, salary_min = $9, salary_max = $10, openings = $11, \
                     description = $12, requirements = $13, easy_read = $14, workplace_access = $15, \
                     interview = $16, closes_at = $17, updated_at = $18 WHERE id = $19",
                );
                let done = $crate::vacancies::store::bind_draft!(update, draft)
                .bind(now)
                .bind(id)
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
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(DbError::from_sqlx)?;
                let Some(row) = row else { return Ok(None) };
                let accommodations: Vec<String> = sqlx::query_scalar(
                    "SELECT va.code FROM vacancy_accommodations va JOIN accommodations a ON a.code = va.code \
                     WHERE va.vacancy_id = $1 ORDER BY a.position, a.code",
                )
                .bind(id)
                .fetch_all(&self.pool)
                .await
                .map_err(DbError::from_sqlx)?;
                let skills: Vec<String> =
                    sqlx::query_scalar("SELECT skill FROM vacancy_skills WHERE vacancy_id = $1 ORDER BY skill")
                        .bind(id)
                        .fetch_all(&self.pool)
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
                .fetch_optional(&self.pool)
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
                .fetch_all(&self.pool)
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

            async fn report_vacancy(
                &self,
                vacancy_id: i64,
                reason: $crate::vacancies::ReportReason,
                details: &str,
                by: Option<i64>,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                let stored = sqlx::query(
                    "INSERT INTO vacancy_reports (vacancy_id, reason, details, reporter_id, created_at) \
                     SELECT id, $2, $3, $4, $5 FROM vacancies WHERE id = $1 AND status IN ('published', 'closed')",
                )
                .bind(vacancy_id)
                .bind(reason.code())
                .bind(details)
                .bind(by)
                .bind(now)
                .execute(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(stored.rows_affected() == 1)
            }

            async fn open_reports(
                &self,
                centre_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::vacancies::VacancyReport>> {
                let rows: Vec<(i64, i64, String, String, String, i64)> = sqlx::query_as(
                    "SELECT r.id, r.vacancy_id, v.title, r.reason, r.details, r.created_at FROM vacancy_reports r \
                     JOIN vacancies v ON v.id = r.vacancy_id WHERE v.centre_id = $1 AND r.resolved_at IS NULL \
                     ORDER BY r.id",
                )
                .bind(centre_id)
                .fetch_all(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows
                    .into_iter()
                    .filter_map(|(id, vacancy_id, vacancy_title, reason, details, created_at)| {
                        Some($crate::vacancies::VacancyReport {
                            id,
                            vacancy_id,
                            vacancy_title,
                            reason: $crate::vacancies::ReportReason::from_code(&reason)?,
                            details,
                            created_at,
                        })
                    })
                    .collect())
            }

            async fn resolve_report(
                &self,
                id: i64,
                centre_id: i64,
                by: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                let resolved = sqlx::query(
                    "UPDATE vacancy_reports SET resolved_at = $1, resolved_by = $2 WHERE id = $3 \
                     AND resolved_at IS NULL AND vacancy_id IN (SELECT id FROM vacancies WHERE centre_id = $4)",
                )
                .bind(now)
                .bind(by)
                .bind(id)
                .bind(centre_id)
                .execute(&self.pool)
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(resolved.rows_affected() == 1)
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
pub(crate) use {
    audited_change, bind_draft, entries_in_force, impl_vacancy_store, insert_vacancy_event, summaries,
    write_vacancy_lists,
};
