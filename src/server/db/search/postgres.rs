//! Search on PostgreSQL: a stored tsvector per vacancy (Spanish stemming over text without
//! accents) with a GIN index over the published ones; ts_rank is used only below `RANK_CAP`
//! matches, newest first otherwise.

use super::{load_hits, push_choice_filters, push_range_filters, HitRow, SearchStore, HIT_COLUMNS};
use crate::server::db::{DbError, DbResult, PgStore};
use crate::vacancies::search::{page_within, SearchQuery, SearchResults, SortOrder, COUNT_CAP, PAGE_SIZE, RANK_CAP};
use async_trait::async_trait;
use sqlx::{Postgres, QueryBuilder, Transaction};

impl PgStore {
    /// Recomputes vacancy `id`'s words, on the transaction that changed it. Kept for every
    /// status (the index itself covers only the published ones), so publishing needs nothing.
    pub(in crate::server::db) async fn index_vacancy(tx: &mut Transaction<'static, Postgres>, id: i64) -> DbResult<()> {
        sqlx::query(
            "UPDATE vacancies v SET search_vector = s.document FROM vacancy_search_source s \
             WHERE s.id = v.id AND v.id = $1",
        )
        .bind(id)
        .execute(&mut **tx)
        .await
        .map_err(DbError::from_sqlx)?;
        Ok(())
    }
}

/// The tsquery for the search's terms: each a prefix, all required, accents removed and
/// stemmed as the stored words are. Terms are letters and digits only, so nothing in them is
/// tsquery syntax.
fn ts_query(query: &SearchQuery) -> Option<String> {
    let terms = query.terms();
    (!terms.is_empty()).then(|| terms.iter().map(|term| format!("{term}:*")).collect::<Vec<_>>().join(" & "))
}

const TS_QUERY: &str = "to_tsquery('spanish', senda_unaccent(";

/// `{outer}SELECT {columns}` over the open published vacancies that match, without an order.
fn matching<'a>(
    outer: &str,
    columns: &str,
    with_company: bool,
    words: Option<&str>,
    query: &SearchQuery,
    now: i64,
) -> QueryBuilder<'a, Postgres> {
    let mut builder = QueryBuilder::new(format!("{outer}SELECT {columns} FROM vacancies v"));
    if with_company {
        builder.push(" JOIN companies co ON co.id = v.company_id");
    }
    builder.push(" WHERE v.status = 'published'");
    if let Some(words) = words {
        builder.push(" AND v.search_vector @@ ").push(TS_QUERY).push_bind(words.to_string()).push("))");
    }
    push_choice_filters!(&mut builder, query);
    push_range_filters!(&mut builder, query, now);
    builder
}

#[async_trait]
impl SearchStore for PgStore {
    async fn search_vacancies(&self, query: &SearchQuery, now: i64) -> DbResult<SearchResults> {
        let words = ts_query(query);
        let mut count = matching("SELECT count(*) FROM (", "1", false, words.as_deref(), query, now);
        count.push(" LIMIT ").push_bind(i64::from(COUNT_CAP) + 1).push(") AS matches");
        let counted: i64 = count.build_query_scalar().fetch_one(&self.pool).await.map_err(DbError::from_sqlx)?;
        let total = counted.min(i64::from(COUNT_CAP)) as u32;
        let ranked = words.is_some() && query.sort_asked() == SortOrder::Relevance && counted <= i64::from(RANK_CAP);
        let page = page_within(query.page, total);
        let mut select = matching("", HIT_COLUMNS, true, words.as_deref(), query, now);
        match (&words, ranked) {
            (Some(words), true) => {
                select.push(" ORDER BY ts_rank(v.search_vector, ").push(TS_QUERY).push_bind(words.clone());
                select.push("))) DESC, v.published_at DESC, v.id DESC");
            }
            _ => {
                select.push(" ORDER BY v.published_at DESC, v.id DESC");
            }
        }
        select.push(" LIMIT ").push_bind(i64::from(PAGE_SIZE));
        select.push(" OFFSET ").push_bind(i64::from((page - 1) * PAGE_SIZE));
        let rows: Vec<HitRow> = select.build_query_as().fetch_all(&self.pool).await.map_err(DbError::from_sqlx)?;
        let hits = load_hits!(&self.pool, rows, Postgres);
        Ok(SearchResults { total, capped: counted > i64::from(COUNT_CAP), ranked, page, hits })
    }
}
