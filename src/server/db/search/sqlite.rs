//! Search on SQLite: FTS5 over the stems of each vacancy's words, made by the application
//! (`vacancies::search::stemmed_words`: accents folded, plurals and gender cut, as a search's
//! own terms are), matched whole. The index holds only published vacancies,
//! each under its place in the order of publication (`search_seq`), so "newest first" reads
//! the index backwards and stops after a page; bm25 ranking scores every match and is used
//! only below `RANK_CAP` matches. The choice filters are words of the index too (a `facets`
//! column: "regioncusco", "accjobcoach"), so FTS5 intersects their lists instead of SQLite
//! looking every match up to test it; only the range filters are tested row by row.

use super::{load_hits, push_range_filters, SearchStore};
use crate::server::db::{DbError, DbResult, EngineStore, SqliteStore};
use crate::vacancies::search::{
    page_within, stem, stemmed_words, SearchQuery, SearchResults, SortOrder, COUNT_CAP, PAGE_SIZE, RANK_CAP, STEM_RULES,
};
use async_trait::async_trait;
use sqlx::{QueryBuilder, Sqlite, Transaction};

impl SqliteStore {
    /// Brings vacancy `id`'s entry in the word index in line with it, on the transaction that
    /// changed it: a published vacancy is indexed (under a new place at the end of the
    /// publication order when it has just been published), any other is taken out.
    pub(in crate::server::db) async fn index_vacancy(tx: &mut Transaction<'static, Sqlite>, id: i64) -> DbResult<()> {
        let row: Option<(String, Option<i64>)> =
            sqlx::query_as("SELECT status, search_seq FROM vacancies WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut **tx)
                .await
                .map_err(DbError::from_sqlx)?;
        let Some((status, seq)) = row else { return Ok(()) };
        if let Some(seq) = seq {
            sqlx::query("DELETE FROM vacancy_search WHERE rowid = $1")
                .bind(seq)
                .execute(&mut **tx)
                .await
                .map_err(DbError::from_sqlx)?;
        }
        if status != "published" {
            if seq.is_some() {
                sqlx::query("UPDATE vacancies SET search_seq = NULL WHERE id = $1")
                    .bind(id)
                    .execute(&mut **tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
            }
            return Ok(());
        }
        if seq.is_none() {
            sqlx::query(
                "UPDATE vacancies SET search_seq = (SELECT coalesce(max(search_seq), 0) + 1 FROM vacancies) \
                 WHERE id = $1",
            )
            .bind(id)
            .execute(&mut **tx)
            .await
            .map_err(DbError::from_sqlx)?;
        }
        let source: Option<IndexSource> = sqlx::query_as(&format!("{INDEX_SOURCE} WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut **tx)
            .await
            .map_err(DbError::from_sqlx)?;
        if let Some(source) = source {
            source.insert(tx).await?;
        }
        Ok(())
    }

    /// Rebuilds the word index when it was made by other stemming rules than this build's
    /// (`STEM_RULES`): after the migration that made it hold stems, and after any change to
    /// the rules. Every published vacancy is indexed again, a batch at a time, in one
    /// transaction, so searches see the old index until the new one is whole.
    pub(in crate::server::db) async fn refresh_word_index(&self) -> DbResult<()> {
        let made_by: i64 = sqlx::query_scalar("SELECT rules FROM vacancy_search_rules")
            .fetch_one(self.pool())
            .await
            .map_err(DbError::from_sqlx)?;
        if made_by == STEM_RULES {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        sqlx::query("INSERT INTO vacancy_search (vacancy_search) VALUES ('delete-all')")
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_sqlx)?;
        let mut after = 0_i64;
        loop {
            let batch: Vec<IndexSource> =
                sqlx::query_as(&format!("{INDEX_SOURCE} WHERE search_seq > $1 ORDER BY search_seq LIMIT 500"))
                    .bind(after)
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(DbError::from_sqlx)?;
            let Some(last) = batch.last() else { break };
            after = last.search_seq;
            for source in batch {
                source.insert(&mut tx).await?;
            }
        }
        sqlx::query("UPDATE vacancy_search_rules SET rules = $1")
            .bind(STEM_RULES)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_sqlx)?;
        tx.commit().await.map_err(DbError::from_sqlx)?;
        tracing::info!(rules = STEM_RULES, "the word index of vacancies was rebuilt");
        Ok(())
    }
}

/// Reads [`IndexSource`]s; a vacancy's, or a batch of them.
const INDEX_SOURCE: &str = "SELECT search_seq, title, employer, place, body, facets FROM vacancy_search_source";

/// What the word index holds of one published vacancy, as `vacancy_search_source` gives it.
#[derive(sqlx::FromRow)]
struct IndexSource {
    search_seq: i64,
    title: String,
    employer: String,
    place: String,
    body: String,
    facets: String,
}

impl IndexSource {
    /// Indexes the texts as their stems; the facets are codes, kept whole.
    async fn insert(self, tx: &mut Transaction<'static, Sqlite>) -> DbResult<()> {
        sqlx::query(
            "INSERT INTO vacancy_search (rowid, title, employer, place, body, facets) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(self.search_seq)
        .bind(stemmed_words(&self.title))
        .bind(stemmed_words(&self.employer))
        .bind(stemmed_words(&self.place))
        .bind(stemmed_words(&self.body))
        .bind(self.facets)
        .execute(&mut **tx)
        .await
        .map_err(DbError::from_sqlx)?;
        Ok(())
    }
}

/// The FTS5 query for the search's words and choice filters, or `None` when it has neither.
/// Each word is its stem, looked for whole in the texts, each choice an exact word of the
/// facets; all are required. A prefix would gather the matches of every word it begins
/// before the newest could be read (4.3 ms against 0.2 ms for "atencion" at 100 000). Words
/// are letters and digits only (`search_terms`), codes are checked ones, so nothing in them is
/// FTS5 syntax.
fn match_expression(query: &SearchQuery) -> Option<String> {
    let mut parts = Vec::new();
    let terms = query.terms();
    if !terms.is_empty() {
        let words: Vec<String> = terms.iter().map(|term| format!("\"{}\"", stem(term))).collect();
        parts.push(format!("{{title employer place body}} : ({})", words.join(" ")));
    }
    let facets = super::facets(query);
    parts.extend(facets.iter().map(|facet| format!("facets : \"{facet}\"")));
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// `{outer}SELECT {columns}` over the open published vacancies that match, without an order.
fn matching<'a>(
    outer: &str,
    columns: &str,
    words: Option<&str>,
    query: &SearchQuery,
    now: i64,
) -> QueryBuilder<'a, Sqlite> {
    let mut builder = QueryBuilder::new(format!("{outer}SELECT {columns} FROM "));
    match words {
        Some(words) => {
            // CROSS JOIN keeps the word index as the outer loop: scanned in its own order, each
            // match looked up once. Left to itself, without statistics, SQLite may start from a
            // filter's index and run the word query again for every row — seconds, not
            // milliseconds (measured: 6 s instead of 20 ms at 100 000 vacancies).
            builder.push("vacancy_search s CROSS JOIN vacancies v ON v.search_seq = s.rowid");
            builder.push(" WHERE vacancy_search MATCH ").push_bind(words.to_string());
        }
        None => {
            builder.push("vacancies v WHERE v.search_seq IS NOT NULL");
        }
    }
    push_range_filters!(&mut builder, query, now);
    builder
}

/// How many match, counted up to `COUNT_CAP + 1`, and the ids of page `page` of them, newest
/// first, from one statement: the counted matches stay in SQLite and only a page crosses to
/// the application (each row sent back is a hand-over between threads; for the thousand a
/// count reads, that was a third of the time a search took under load). `None`: no match on
/// that page, which is past the end or there is no match at all.
async fn newest_page(
    store: &SqliteStore,
    words: Option<&str>,
    query: &SearchQuery,
    now: i64,
    page: u32,
) -> DbResult<Option<(u32, Vec<i64>)>> {
    let key = if words.is_some() { "s.rowid" } else { "v.search_seq" };
    let mut found = matching("WITH found AS (", &format!("{key} AS seq, v.id"), words, query, now);
    found.push(format!(" ORDER BY {key} DESC LIMIT ")).push_bind(i64::from(COUNT_CAP) + 1);
    found.push(") SELECT (SELECT count(*) FROM found), id FROM found ORDER BY seq DESC LIMIT ");
    found.push_bind(i64::from(PAGE_SIZE)).push(" OFFSET ").push_bind(i64::from((page - 1) * PAGE_SIZE));
    let rows: Vec<(i64, i64)> = found.build_query_as().fetch_all(&store.pool).await.map_err(DbError::from_sqlx)?;
    Ok(rows.first().map(|(counted, _)| (*counted as u32, rows.iter().map(|(_, id)| *id).collect())))
}

#[async_trait]
impl SearchStore for SqliteStore {
    /// One statement counts the newest `COUNT_CAP + 1` matches and reads the asked page of
    /// them; a page past the end asks again for the last one. Only a ranked page asks the
    /// index again, which it does when there are few matches.
    async fn search_vacancies(&self, query: &SearchQuery, now: i64) -> DbResult<SearchResults> {
        let words = match_expression(query);
        let words = words.as_deref();
        let asked = page_within(query.page, COUNT_CAP);
        let (counted, page, mut shown) = match newest_page(self, words, query, now, asked).await? {
            Some((counted, shown)) => (counted, asked, shown),
            // Past the end, or nothing matches: the first page says how many, then the last.
            None => {
                let (counted, first) = match asked {
                    1 => None,
                    _ => newest_page(self, words, query, now, 1).await?,
                }
                .unwrap_or_default();
                let last = page_within(asked, counted);
                let shown = match last {
                    1 => first,
                    _ => newest_page(self, words, query, now, last).await?.map(|(_, ids)| ids).unwrap_or_default(),
                };
                (counted, last, shown)
            }
        };
        let total = counted.min(COUNT_CAP);
        let ranked = !query.terms().is_empty() && query.sort_asked() == SortOrder::Relevance && counted <= RANK_CAP;
        if ranked {
            let mut best = matching("", "v.id", words, query, now);
            // The facets weigh nothing: every match has them all.
            best.push(" ORDER BY bm25(vacancy_search, 10.0, 3.0, 3.0, 1.0, 0.0), s.rowid DESC LIMIT ");
            best.push_bind(i64::from(PAGE_SIZE)).push(" OFFSET ").push_bind(i64::from((page - 1) * PAGE_SIZE));
            shown = best.build_query_scalar().fetch_all(self.pool()).await.map_err(DbError::from_sqlx)?;
        }
        let hits = load_hits!(self.pool(), &shown, Sqlite);
        Ok(SearchResults { total, capped: counted > COUNT_CAP, ranked, page, hits })
    }
}
