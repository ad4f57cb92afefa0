//! Storage of a person's working life: jobs, certified competences and the uploaded CV.

use crate::seekers::history::{Certificate, WorkExperience};
use crate::server::db::DbResult;
use async_trait::async_trait;

#[async_trait]
pub trait HistoryStore: Send + Sync + 'static {
    /// Adds a job to the profile's history. `None` if there is no such profile; `Conflict`
    /// when it lists [`MAX_ENTRIES`](crate::seekers::history::MAX_ENTRIES) already.
    async fn add_experience(&self, id: i64, job: &WorkExperience, now: i64) -> DbResult<Option<i64>>;

    /// Takes job `entry` out of profile `id`'s history; `false` if it was not there.
    async fn remove_experience(&self, id: i64, entry: i64, now: i64) -> DbResult<bool>;

    /// Adds a certified competence, like [`add_experience`](HistoryStore::add_experience).
    async fn add_certificate(&self, id: i64, certificate: &Certificate, now: i64) -> DbResult<Option<i64>>;

    /// Takes certificate `entry` out of profile `id`; `false` if it was not there.
    async fn remove_certificate(&self, id: i64, entry: i64, now: i64) -> DbResult<bool>;

    /// Makes `file` the profile's uploaded CV; the media key of the one it replaces, for the
    /// caller to delete. `Conflict` if there is no such profile.
    async fn set_cv_file(&self, id: i64, file: &crate::seekers::cv::CvFile) -> DbResult<Option<String>>;

    /// Takes the uploaded CV off the profile; its media key, for the caller to delete.
    async fn remove_cv_file(&self, id: i64, now: i64) -> DbResult<Option<String>>;
}

macro_rules! impl_history_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::seekers::store::HistoryStore for $store {
            async fn add_experience(
                &self,
                id: i64,
                job: &$crate::seekers::history::WorkExperience,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                $crate::seekers::store::add_entry!(
                    self,
                    id,
                    now,
                    "seeker_experience",
                    sqlx::query_scalar(
                        "INSERT INTO seeker_experience (seeker_id, job_title, employer, started, ended, duties) \
                         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    )
                    .bind(id)
                    .bind(&job.job_title)
                    .bind(&job.employer)
                    .bind(job.started.code())
                    .bind(job.ended.map(|ended| ended.code()))
                    .bind(&job.duties)
                )
            }

            async fn remove_experience(&self, id: i64, entry: i64, now: i64) -> $crate::server::db::DbResult<bool> {
                $crate::seekers::store::remove_entry!(self, id, entry, now, "seeker_experience")
            }

            async fn add_certificate(
                &self,
                id: i64,
                certificate: &$crate::seekers::history::Certificate,
                now: i64,
            ) -> $crate::server::db::DbResult<Option<i64>> {
                $crate::seekers::store::add_entry!(
                    self,
                    id,
                    now,
                    "seeker_certificates",
                    sqlx::query_scalar(
                        "INSERT INTO seeker_certificates (seeker_id, name, issuer, issued, number) \
                         VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    )
                    .bind(id)
                    .bind(&certificate.name)
                    .bind(&certificate.issuer)
                    .bind(certificate.issued.code())
                    .bind(&certificate.number)
                )
            }

            async fn remove_certificate(&self, id: i64, entry: i64, now: i64) -> $crate::server::db::DbResult<bool> {
                $crate::seekers::store::remove_entry!(self, id, entry, now, "seeker_certificates")
            }

            async fn set_cv_file(
                &self,
                id: i64,
                file: &$crate::seekers::cv::CvFile,
            ) -> $crate::server::db::DbResult<Option<String>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let found = $crate::seekers::store::touch_seeker!(&mut *tx, id, file.uploaded_at);
                if found == 0 {
                    return Err(DbError::Conflict($crate::server::db::Rule::ProfileGone));
                }
                let replaced: Option<String> =
                    sqlx::query_scalar("SELECT media_key FROM seeker_cv_files WHERE seeker_id = $1")
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                sqlx::query(
                    "INSERT INTO seeker_cv_files (seeker_id, media_key, bytes, uploaded_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (seeker_id) DO UPDATE SET media_key = excluded.media_key, bytes = excluded.bytes, \
                     uploaded_at = excluded.uploaded_at",
                )
                .bind(id)
                .bind(&file.media_key)
                .bind(file.bytes)
                .bind(file.uploaded_at)
                .execute(&mut *tx)
                .await
                .map_err(DbError::from_sqlx)?;
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(replaced)
            }

            async fn remove_cv_file(&self, id: i64, now: i64) -> $crate::server::db::DbResult<Option<String>> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let removed: Option<String> =
                    sqlx::query_scalar("DELETE FROM seeker_cv_files WHERE seeker_id = $1 RETURNING media_key")
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                if removed.is_some() {
                    $crate::seekers::store::touch_seeker!(&mut *tx, id, now);
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(removed)
            }
        }
    };
}
pub(crate) use impl_history_store;
