//! The candidates for a job seeker's matches: the newest open vacancies in their region and
//! the newest done remotely, each with what it offers and asks. Ranking is not done here
//! (`crate::matches::rank`): storage only narrows by place, on indexes.

use crate::matches::Candidate;
use crate::server::db::DbResult;
use async_trait::async_trait;

#[async_trait]
pub trait MatchStore: Send + Sync + 'static {
    /// Up to `limit` open vacancies in `region` and up to `limit` remote ones, newest first.
    async fn match_candidates(&self, region: &str, now: i64, limit: i64) -> DbResult<Vec<Candidate>>;
}

/// `$1, $2, …` for `count` values.
pub(crate) fn placeholders(count: usize) -> String {
    (1..=count).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ")
}

macro_rules! impl_match_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::matches::store::MatchStore for $store {
            async fn match_candidates(
                &self,
                region: &str,
                now: i64,
                limit: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::matches::Candidate>> {
                use $crate::matches::store::placeholders;
                use $crate::server::db::DbError;
                type Row = (i64, String, String, String, String, String, String, i64);
                // `+v.closes_at` keeps SQLite off the closing-date index: with it, the planner
                // would fetch every open vacancy and sort them all (0.4 s at 100 000) instead of
                // walking the region's or the modality's index newest first and stopping.
                const SELECT: &str = "SELECT v.id, v.title, co.legal_name, v.region, v.province, v.district, \
                     v.modality, v.published_at FROM vacancies v JOIN companies co ON co.id = v.company_id \
                     WHERE v.status = 'published' AND +v.closes_at > $1";
                // Two narrow scans, each on its own index, rather than one OR that may use none.
                let mut rows: Vec<Row> = sqlx::query_as(&format!(
                    "{SELECT} AND v.region = $2 ORDER BY v.published_at DESC, v.id DESC LIMIT $3"
                ))
                .bind(now)
                .bind(region)
                .bind(limit)
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                let remote: Vec<Row> = sqlx::query_as(&format!(
                    "{SELECT} AND v.modality = 'remote' ORDER BY v.published_at DESC, v.id DESC LIMIT $2"
                ))
                .bind(now)
                .bind(limit)
                .fetch_all(self.pool())
                .await
                .map_err(DbError::from_sqlx)?;
                for row in remote {
                    if !rows.iter().any(|r| r.0 == row.0) {
                        rows.push(row);
                    }
                }
                if rows.is_empty() {
                    return Ok(Vec::new());
                }
                let list = placeholders(rows.len());
                let lists = |table: &str, column: &str| {
                    format!("SELECT vacancy_id, {column} FROM {table} WHERE vacancy_id IN ({list})")
                };
                let (offered_sql, asked_sql) =
                    (lists("vacancy_accommodations", "code"), lists("vacancy_skills", "skill"));
                // Each list length is a new statement: not worth keeping prepared.
                let mut offered = sqlx::query_as::<_, (i64, String)>(&offered_sql).persistent(false);
                let mut asked = sqlx::query_as::<_, (i64, String)>(&asked_sql).persistent(false);
                for row in &rows {
                    offered = offered.bind(row.0);
                    asked = asked.bind(row.0);
                }
                let offered = offered.fetch_all(self.pool()).await.map_err(DbError::from_sqlx)?;
                let asked = asked.fetch_all(self.pool()).await.map_err(DbError::from_sqlx)?;
                let by_vacancy = |pairs: Vec<(i64, String)>| {
                    let mut lists: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
                    for (vacancy, entry) in pairs {
                        lists.entry(vacancy).or_default().push(entry);
                    }
                    lists
                };
                let (mut offered, mut asked) = (by_vacancy(offered), by_vacancy(asked));
                Ok(rows
                    .into_iter()
                    .filter_map(|(id, title, company_name, region, province, district, modality, published_at)| {
                        Some($crate::matches::Candidate {
                            accommodations: offered.remove(&id).unwrap_or_default(),
                            skills: asked.remove(&id).unwrap_or_default(),
                            id,
                            title,
                            company_name,
                            region,
                            province,
                            district,
                            modality: $crate::vacancies::Modality::from_code(&modality)?,
                            published_at,
                        })
                    })
                    .collect())
            }
        }
    };
}
pub(crate) use impl_match_store;
