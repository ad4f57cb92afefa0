//! Storage of vacancies, the accommodations list, and each vacancy's history of statuses.
//!
//! One trait per part, each in its file with the SQL both engines share: `vacancy`
//! (writing, reading, moving and listing vacancies), `accommodations` (the admins' list) and
//! `reports` (what people report about a published vacancy). Here: the rows they read and the
//! statements more than one of them needs.

mod accommodations;
mod reports;
mod vacancy;

pub use accommodations::AccommodationStore;
pub use reports::ReportStore;
pub use vacancy::VacancyStore;
pub(crate) use {accommodations::impl_accommodation_store, reports::impl_report_store, vacancy::impl_vacancy_store};

use crate::vacancies::{ContractType, Modality, Vacancy, VacancyDraft, VacancyStatus, VacancySummary, WorkingHours};

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
                .fetch_all($self.pool())
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
        .fetch_all($self.pool())
        .await
        .map_err($crate::server::db::DbError::from_sqlx)?;
        Ok(rows
            .into_iter()
            .map(|(code, name_es, name_en)| $crate::vacancies::Accommodation { code, name_es, name_en })
            .collect())
    }};
}

macro_rules! impl_vacancies_store {
    ($store:ty) => {
        $crate::vacancies::store::impl_vacancy_store!($store);
        $crate::vacancies::store::impl_accommodation_store!($store);
        $crate::vacancies::store::impl_report_store!($store);
    };
}
pub(crate) use {
    audited_change, bind_draft, entries_in_force, impl_vacancies_store, insert_vacancy_event, summaries,
    write_vacancy_lists,
};
