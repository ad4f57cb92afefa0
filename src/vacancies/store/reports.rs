//! Storage of reports about published vacancies: made by anyone, reviewed by the vacancy's centre.

use crate::server::db::DbResult;
use crate::vacancies::{FiledReport, ReportReason, VacancyReport};
use async_trait::async_trait;

#[async_trait]
pub trait ReportStore: Send + Sync + 'static {
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

    /// The reports account `by` filed, oldest first, for the download of their data.
    async fn reports_by(&self, by: i64) -> DbResult<Vec<FiledReport>>;
}

macro_rules! impl_report_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::vacancies::store::ReportStore for $store {
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
                .execute(self.pool())
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
                .fetch_all(self.pool())
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
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(resolved.rows_affected() == 1)
            }

            async fn reports_by(&self, by: i64) -> $crate::server::db::DbResult<Vec<$crate::vacancies::FiledReport>> {
                let rows: Vec<(i64, String, String, String, i64, Option<i64>)> = sqlx::query_as(
                    "SELECT r.vacancy_id, v.title, r.reason, r.details, r.created_at, r.resolved_at \
                     FROM vacancy_reports r JOIN vacancies v ON v.id = r.vacancy_id WHERE r.reporter_id = $1 \
                     ORDER BY r.id",
                )
                .bind(by)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows
                    .into_iter()
                    .filter_map(|(vacancy_id, vacancy_title, reason, details, created_at, resolved_at)| {
                        Some($crate::vacancies::FiledReport {
                            vacancy_id,
                            vacancy_title,
                            reason: $crate::vacancies::ReportReason::from_code(&reason)?,
                            details,
                            created_at,
                            resolved_at,
                        })
                    })
                    .collect())
            }
        }
    };
}
pub(crate) use impl_report_store;
