//! Search of published vacancies for job seekers. One trait; each engine finds the matches its
//! own way (SQLite: an FTS5 index in publication order; PostgreSQL: a stored tsvector with a
//! GIN index), and both share the filters and how a page of results is read, so the same
//! search finds the same vacancies on both (tests/storage.rs runs one set of cases on each).

mod postgres;
mod sqlite;

use super::DbResult;
use crate::vacancies::search::{SearchQuery, SearchResults};
use async_trait::async_trait;

#[async_trait]
pub trait SearchStore: Send + Sync + 'static {
    /// The page `query.page` (moved back to the last page when past it) of the published
    /// vacancies that match `query` and are still open at `now`, with how many match, counted
    /// up to `COUNT_CAP`. Ordered newest first, or by relevance when asked and the matches are
    /// at most `RANK_CAP`.
    async fn search_vacancies(&self, query: &SearchQuery, now: i64) -> DbResult<SearchResults>;
}

/// Adds the conditions of `query`'s range filters (still open, lowest salary, published
/// since) to a statement whose vacancy is `v`. Kept out of the word index on both engines.
macro_rules! push_range_filters {
    ($builder:expr, $query:expr, $now:expr) => {{
        let (builder, query, now): (_, &$crate::vacancies::search::SearchQuery, i64) = ($builder, $query, $now);
        builder.push(" AND v.closes_at > ").push_bind(now);
        // "To be agreed" says nothing about the amount, so it is not shown to someone who set one.
        if let Some(amount) = query.min_salary {
            builder.push(" AND v.salary_max >= ").push_bind(amount);
        }
        if let Some(days) = query.days {
            builder.push(" AND v.published_at >= ").push_bind(now - i64::from(days) * 86_400);
        }
        if let Some(after) = query.published_after {
            builder.push(" AND v.published_at > ").push_bind(after);
        }
    }};
}

/// The choice filters of a search as the words both engines index them by: kind and code,
/// letters and digits only ("regionlimametropolitana", "modalityremote", "accjobcoach").
/// Each migration builds the same words from a vacancy's columns.
pub(crate) fn facets(query: &SearchQuery) -> Vec<String> {
    let facet = |kind: &str, code: &str| {
        let code: String = code.chars().filter(char::is_ascii_alphanumeric).collect();
        format!("{kind}{code}")
    };
    let mut facets = Vec::new();
    if let Some(region) = &query.region {
        facets.push(facet("region", region));
    }
    if let Some(modality) = query.modality {
        facets.push(facet("modality", modality.code()));
    }
    if let Some(contract) = query.contract {
        facets.push(facet("contract", contract.code()));
    }
    if let Some(hours) = query.hours {
        facets.push(facet("hours", hours.code()));
    }
    facets.extend(query.accommodations.iter().map(|code| facet("acc", code)));
    facets
}

/// One result as it is read, before its codes are checked.
#[derive(sqlx::FromRow)]
pub(crate) struct HitRow {
    id: i64,
    title: String,
    company_name: String,
    region: String,
    province: String,
    district: String,
    modality: String,
    contract: String,
    hours: String,
    salary_min: Option<i64>,
    salary_max: Option<i64>,
    published_at: Option<i64>,
}

impl HitRow {
    /// The hit, with the accommodations it offers; `None` for a code this build does not know.
    pub(crate) fn into_hit(self, offered: &[(i64, String)]) -> Option<crate::vacancies::search::SearchHit> {
        use crate::vacancies::{ContractType, Modality, WorkingHours};
        Some(crate::vacancies::search::SearchHit {
            id: self.id,
            accommodations: offered.iter().filter(|(v, _)| *v == self.id).map(|(_, code)| code.clone()).collect(),
            title: self.title,
            company_name: self.company_name,
            region: self.region,
            province: self.province,
            district: self.district,
            modality: Modality::from_code(&self.modality)?,
            contract: ContractType::from_code(&self.contract)?,
            hours: WorkingHours::from_code(&self.hours)?,
            salary: self.salary_min.zip(self.salary_max),
            published_at: self.published_at.unwrap_or_default(),
        })
    }
}

/// The hits for the vacancies `ids`, in that order, each with the accommodations it offers.
macro_rules! load_hits {
    ($pool:expr, $ids:expr, $db:ty) => {{
        use $crate::server::db::DbError;
        let ids: &[i64] = $ids;
        let mut rows: Vec<$crate::server::db::search::HitRow> = Vec::new();
        let mut offered: Vec<(i64, String)> = Vec::new();
        if !ids.is_empty() {
            let mut select = sqlx::QueryBuilder::<$db>::new(
                "SELECT v.id, v.title, co.legal_name AS company_name, v.region, v.province, v.district, \
                 v.modality, v.contract, v.hours, v.salary_min, v.salary_max, v.published_at \
                 FROM vacancies v JOIN companies co ON co.id = v.company_id WHERE v.id IN (",
            );
            let mut list = select.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            select.push(")");
            rows = select.build_query_as().fetch_all($pool).await.map_err(DbError::from_sqlx)?;
            rows.sort_by_key(|row| ids.iter().position(|id| *id == row.id));
            let mut codes = sqlx::QueryBuilder::<$db>::new(
                "SELECT va.vacancy_id, va.code FROM vacancy_accommodations va \
                 JOIN accommodations a ON a.code = va.code WHERE va.vacancy_id IN (",
            );
            let mut list = codes.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            codes.push(") ORDER BY a.position, a.code");
            offered = codes.build_query_as().fetch_all($pool).await.map_err(DbError::from_sqlx)?;
        }
        rows.into_iter().filter_map(|row| row.into_hit(&offered)).collect::<Vec<_>>()
    }};
}

pub(crate) use {load_hits, push_range_filters};
