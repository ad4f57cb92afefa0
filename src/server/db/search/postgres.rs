//! Search on PostgreSQL: a stored tsvector per vacancy (Spanish stemming over text without
//! accents, and the choice filters as unstemmed words of their own) with a GIN index over the
//! published ones, so words and choices are intersected in the index; ts_rank is used only
//! below `RANK_CAP` matches, newest first otherwise.

use super::{load_hits, push_range_filters, SearchStore};
use crate::server::db::{DbError, DbResult, EngineStore, PgStore};
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

    /// Nothing to rebuild: PostgreSQL makes its stems itself, in `vacancy_search_source`.
    pub(in crate::server::db) async fn refresh_word_index(&self) -> DbResult<()> {
        Ok(())
    }
}

/// The tsquery for the search's words: each a whole stem, all required, accents removed and
/// stemmed as the stored words are (a prefix makes the GIN index gather every stem it begins:
/// `atencion:* & client:*` took 20 ms at 100 000 against 5 ms whole); and the one for its
/// choices, exact and unstemmed. Words are letters and digits only (`search_terms`), codes checked ones, so nothing in them is
/// tsquery syntax.
fn ts_queries(query: &SearchQuery) -> (Option<String>, Option<String>) {
    let terms = query.terms();
    let words = (!terms.is_empty()).then(|| terms.join(" & "));
    let facets = super::facets(query);
    (words, (!facets.is_empty()).then(|| facets.join(" & ")))
}

/// `{outer}SELECT {columns}` over the open published vacancies that match, without an order.
fn matching<'a>(
    outer: &str,
    columns: &str,
    words: &Option<String>,
    facets: &Option<String>,
    query: &SearchQuery,
    now: i64,
) -> QueryBuilder<'a, Postgres> {
    let mut builder =
        QueryBuilder::new(format!("{outer}SELECT {columns} FROM vacancies v WHERE v.status = 'published'"));
    if let Some(words) = words {
        builder
            .push(" AND v.search_vector @@ to_tsquery('spanish', senda_unaccent(")
            .push_bind(words.clone())
            .push("))");
    }
    if let Some(facets) = facets {
        builder.push(" AND v.search_vector @@ to_tsquery('simple', ").push_bind(facets.clone()).push(")");
    }
    push_range_filters!(&mut builder, query, now);
    builder
}

#[async_trait]
impl SearchStore for PgStore {
    async fn search_vacancies(&self, query: &SearchQuery, now: i64) -> DbResult<SearchResults> {
        let (words, facets) = ts_queries(query);
        // Counted first, with a cap: the GIN index finds the matches, and the count says which
        // order is cheap. Few matches are sorted by date; many are read in the date index's
        // order, which finds a page of them at once. Left to choose, the planner reads the date
        // index for a rare word too, testing every vacancy (140 ms for no match at 100 000).
        let mut count = matching("SELECT count(*) FROM (", "1", &words, &facets, query, now);
        // Recent vacancies only, without words: counted along the date index from the newest.
        // Left to itself the planner scans the table and stops at the cap, which takes 3 ms or
        // 50 ms depending on where the scan happens to start (measured at 100 000).
        if words.is_none() && (query.days.is_some() || query.published_after.is_some()) {
            count.push(" ORDER BY v.published_at DESC");
        }
        count.push(" LIMIT ").push_bind(i64::from(COUNT_CAP) + 1).push(") AS matches");
        let counted: i64 = count.build_query_scalar().fetch_one(self.pool()).await.map_err(DbError::from_sqlx)?;
        let counted = counted.max(0) as u32;
        let total = counted.min(COUNT_CAP);
        let ranked = words.is_some() && query.sort_asked() == SortOrder::Relevance && counted <= RANK_CAP;
        let page = page_within(query.page, total);
        let first = ((page - 1) * PAGE_SIZE) as usize;
        let mut choose = matching("", "v.id", &words, &facets, query, now);
        match (&words, ranked) {
            (Some(terms), true) => {
                choose.push(" ORDER BY ts_rank(v.search_vector, to_tsquery('spanish', senda_unaccent(");
                choose.push_bind(terms.clone()).push("))) DESC, v.published_at DESC, v.id DESC");
            }
            // `+ 0` keeps the date index out: the few matches come from the GIN index.
            _ if counted <= COUNT_CAP => {
                choose.push(" ORDER BY v.published_at + 0 DESC, v.id DESC");
            }
            _ => {
                choose.push(" ORDER BY v.published_at DESC, v.id DESC");
            }
        }
        choose.push(" LIMIT ").push_bind(i64::from(PAGE_SIZE)).push(" OFFSET ").push_bind(first as i64);
        let shown: Vec<i64> = choose.build_query_scalar().fetch_all(self.pool()).await.map_err(DbError::from_sqlx)?;
        let hits = load_hits!(self.pool(), &shown, Postgres);
        Ok(SearchResults { total, capped: counted > COUNT_CAP, ranked, page, hits })
    }
}
