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

/// The columns of a result, for a statement that joins the vacancy `v` to its company `co`.
pub(crate) const HIT_COLUMNS: &str = "v.id, v.title, co.legal_name, v.region, v.province, v.district, v.modality, \
     v.contract, v.hours, v.salary_min, v.salary_max, v.published_at";

pub(crate) type HitRow =
    (i64, String, String, String, String, String, String, String, String, Option<i64>, Option<i64>, Option<i64>);

/// Turns result rows into hits, with the accommodations each offers, in the order found.
macro_rules! load_hits {
    ($pool:expr, $rows:expr, $db:ty) => {{
        use $crate::server::db::DbError;
        use $crate::vacancies::{search::SearchHit, ContractType, Modality, WorkingHours};
        let rows: Vec<$crate::server::db::search::HitRow> = $rows;
        let mut offered: Vec<(i64, String)> = Vec::new();
        if !rows.is_empty() {
            let mut builder = sqlx::QueryBuilder::<$db>::new(
                "SELECT va.vacancy_id, va.code FROM vacancy_accommodations va \
                 JOIN accommodations a ON a.code = va.code WHERE va.vacancy_id IN (",
            );
            let mut ids = builder.separated(", ");
            for row in &rows {
                ids.push_bind(row.0);
            }
            builder.push(") ORDER BY a.position, a.code");
            offered = builder.build_query_as().fetch_all($pool).await.map_err(DbError::from_sqlx)?;
        }
        rows.into_iter()
            .filter_map(
                |(
                    id,
                    title,
                    company_name,
                    region,
                    province,
                    district,
                    modality,
                    contract,
                    hours,
                    min,
                    max,
                    published_at,
                )| {
                    Some(SearchHit {
                        id,
                        title,
                        company_name,
                        region,
                        province,
                        district,
                        modality: Modality::from_code(&modality)?,
                        contract: ContractType::from_code(&contract)?,
                        hours: WorkingHours::from_code(&hours)?,
                        salary: min.zip(max),
                        published_at: published_at.unwrap_or_default(),
                        accommodations: offered
                            .iter()
                            .filter(|(v, _)| *v == id)
                            .map(|(_, code)| code.clone())
                            .collect(),
                    })
                },
            )
            .collect::<Vec<_>>()
    }};
}

pub(crate) use {load_hits, push_range_filters};
