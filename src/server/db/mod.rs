//! Storage: one [`Store`] with an SQLite and a PostgreSQL implementation, chosen at start
//! from the scheme of `DATABASE_URL`. SQL that is the same on both engines is written once, in
//! a macro per area, and compiled for each engine against its own driver; only what differs
//! is written twice (in `sqlite.rs` and `postgres.rs`).

pub mod accounts;
pub mod alerts;
pub mod applications;
pub mod audit;
pub mod casework;
pub mod limits;
pub mod matches;
pub mod media;
pub mod organisations;
pub mod outbox;
mod postgres;
pub mod search;
pub mod seekers;
mod sqlite;
pub mod vacancies;

use accounts::AccountStore;
use alerts::AlertStore;
use applications::ApplicationStore;
use async_trait::async_trait;
use audit::AuditStore;
use casework::CaseworkStore;
use limits::LimitStore;
use matches::MatchStore;
use media::SignVideoStore;
use organisations::OrganisationStore;
use outbox::OutboxStore;
use search::SearchStore;
use seekers::SeekerStore;
use std::sync::Arc;
use vacancies::VacancyStore;

pub use postgres::PgStore;
pub use sqlite::SqliteStore;

/// Which engine a store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A storage failure, as the layers above need to tell them apart.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("not found")]
    NotFound,
    /// A unique or foreign-key rule refused the write; the name says which, where the engine
    /// reports it.
    #[error("conflict on {0}")]
    Conflict(String),
    #[error(transparent)]
    Other(#[from] sqlx::Error),
}

impl DbError {
    /// Sorts an sqlx error into the cases callers handle.
    pub fn from_sqlx(err: sqlx::Error) -> DbError {
        match &err {
            sqlx::Error::RowNotFound => DbError::NotFound,
            sqlx::Error::Database(db)
                if matches!(
                    db.kind(),
                    sqlx::error::ErrorKind::UniqueViolation | sqlx::error::ErrorKind::ForeignKeyViolation
                ) =>
            {
                DbError::Conflict(db.constraint().unwrap_or(db.message()).to_string())
            }
            _ => DbError::Other(err),
        }
    }
}

impl From<DbError> for crate::error::AppError {
    fn from(err: DbError) -> Self {
        match err {
            DbError::NotFound => crate::error::AppError::NotFound,
            other => crate::error::AppError::internal(other),
        }
    }
}

/// Why the database could not be opened or brought up to date; each says what to do.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("DATABASE_URL must start with sqlite:// or postgres:// (got {0:?})")]
    UnknownScheme(String),
    #[error("cannot create the folder for the SQLite file {path}: {cause}")]
    CreateDir { path: String, cause: std::io::Error },
    #[error("cannot open the database at DATABASE_URL ({url}): {cause}")]
    Connect { url: String, cause: sqlx::Error },
    #[error(
        "the database at DATABASE_URL has schema version {0}, which this build of Senda does not \
         know: it was migrated by a newer Senda. Run the newer binary, or restore a backup made \
         for this version"
    )]
    SchemaTooNew(i64),
    #[error("cannot migrate the database at DATABASE_URL: {0}")]
    Migrate(sqlx::migrate::MigrateError),
    #[error("cannot rebuild the vacancies' word index after migrating: {0}")]
    Reindex(DbError),
}

pub type DbResult<T> = Result<T, DbError>;

/// Everything Senda keeps: one trait per area, each in its own file with its SQL. Each
/// method is one unit of work: it commits, or changes nothing.
pub trait Store:
    OrganisationStore
    + AccountStore
    + AuditStore
    + VacancyStore
    + SearchStore
    + SignVideoStore
    + SeekerStore
    + ApplicationStore
    + MatchStore
    + CaseworkStore
    + OutboxStore
    + AlertStore
    + LimitStore
    + Maintenance
{
}

impl<T> Store for T where
    T: OrganisationStore
        + AccountStore
        + AuditStore
        + VacancyStore
        + SearchStore
        + SignVideoStore
        + SeekerStore
        + ApplicationStore
        + MatchStore
        + CaseworkStore
        + OutboxStore
        + AlertStore
        + LimitStore
        + Maintenance
{
}

/// The storage traits, for `use crate::server::db::prelude::*` where a store is used.
pub mod prelude {
    pub use super::accounts::AccountStore;
    pub use super::alerts::AlertStore;
    pub use super::applications::ApplicationStore;
    pub use super::audit::AuditStore;
    pub use super::casework::CaseworkStore;
    pub use super::limits::LimitStore;
    pub use super::matches::MatchStore;
    pub use super::media::SignVideoStore;
    pub use super::organisations::OrganisationStore;
    pub use super::outbox::OutboxStore;
    pub use super::search::SearchStore;
    pub use super::seekers::SeekerStore;
    pub use super::vacancies::VacancyStore;
    pub use super::{DbError, DbResult, Maintenance, Store};
}

/// The engine itself: health, migrations, clean-up.
#[async_trait]
pub trait Maintenance: Send + Sync + 'static {
    fn engine(&self) -> Engine;

    /// Answers when the database does; for `/healthz`.
    async fn ping(&self) -> DbResult<()>;

    /// The engine's version and the settings that matter for durability, for the start-up log.
    async fn describe(&self) -> DbResult<String>;

    /// Applies pending migrations, then rebuilds what the application itself makes of the
    /// rows when its rules changed (SQLite's word stems); refuses a database migrated by a
    /// newer build.
    async fn migrate(&self) -> Result<(), OpenError>;

    /// Closes every connection; the store is unusable afterwards.
    async fn close(&self);

    /// After a bulk load: gives the planner the new rows' statistics (and PostgreSQL's
    /// visibility map) at once rather than at autovacuum's next pass. Measured with 100 000
    /// vacancies just imported: searching for a very common word took 88 ms instead of 4 ms
    /// until then. SQLite's plans here were chosen and measured without statistics, so it
    /// keeps none; its word index is merged into one segment instead, which a search then
    /// reads in one pass (the FTS part of a search 25% faster at 100 000; 0.25 s to merge).
    async fn refresh_statistics(&self) -> DbResult<()>;

    /// Deletes what has expired: sessions past their end, email links a day after theirs,
    /// rate-limit counters a day old. Returns how many rows went.
    async fn purge_expired(&self, now: i64) -> DbResult<u64>;
}

/// Opens the store `url` names, creating an SQLite file (and its folder) when needed.
/// Migrations are not run here: call [`Store::migrate`].
pub async fn open(url: &str, max_connections: u32) -> Result<Arc<dyn Store>, OpenError> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::open(url, max_connections).await?))
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Arc::new(PgStore::open(url, max_connections).await?))
    } else {
        Err(OpenError::UnknownScheme(redact(url)))
    }
}

/// A database URL with any password replaced, fit for logs and error messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}://{user}:***{}", &url[..scheme_end], &url[at..])
        }
        _ => url.to_string(),
    }
}

fn migrate_error(err: sqlx::migrate::MigrateError) -> OpenError {
    match err {
        sqlx::migrate::MigrateError::VersionMissing(version) => OpenError::SchemaTooNew(version),
        other => OpenError::Migrate(other),
    }
}

/// The `Maintenance` implementation for one engine; the engine's module supplies `pool`,
/// `describe_settings` and its `MIGRATOR`.
macro_rules! impl_maintenance {
    ($store:ty, $engine:expr) => {
        #[async_trait::async_trait]
        impl $crate::server::db::Maintenance for $store {
            fn engine(&self) -> $crate::server::db::Engine {
                $engine
            }

            async fn ping(&self) -> $crate::server::db::DbResult<()> {
                sqlx::query("SELECT 1").execute(&self.pool).await.map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn describe(&self) -> $crate::server::db::DbResult<String> {
                self.describe_settings().await
            }

            async fn migrate(&self) -> Result<(), $crate::server::db::OpenError> {
                MIGRATOR.run(&self.pool).await.map_err($crate::server::db::migrate_error)?;
                self.refresh_word_index().await.map_err($crate::server::db::OpenError::Reindex)
            }

            async fn close(&self) {
                self.pool.close().await;
            }

            async fn refresh_statistics(&self) -> $crate::server::db::DbResult<()> {
                let sql = match $engine {
                    $crate::server::db::Engine::Postgres => "VACUUM (ANALYZE)",
                    $crate::server::db::Engine::Sqlite => {
                        "INSERT INTO vacancy_search (vacancy_search) VALUES ('optimize')"
                    }
                };
                sqlx::query(sql).execute(&self.pool).await.map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn purge_expired(&self, now: i64) -> $crate::server::db::DbResult<u64> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let mut purged = 0;
                for (sql, before) in [
                    ("DELETE FROM sessions WHERE expires_at < $1", now),
                    ("DELETE FROM account_tokens WHERE expires_at < $1", now - 86_400),
                    ("DELETE FROM rate_limits WHERE window_start < $1", now - 86_400),
                ] {
                    purged += sqlx::query(sql)
                        .bind(before)
                        .execute(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?
                        .rows_affected();
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(purged)
            }
        }
    };
}

/// Implements every storage trait for one engine's store.
macro_rules! impl_store {
    ($store:ty, $engine:expr) => {
        $crate::server::db::impl_maintenance!($store, $engine);
        $crate::server::db::organisations::impl_organisation_store!($store);
        $crate::server::db::accounts::impl_account_store!($store);
        $crate::server::db::audit::impl_audit_store!($store);
        $crate::server::db::outbox::impl_outbox_store!($store);
        $crate::server::db::vacancies::impl_vacancy_store!($store);
        $crate::server::db::limits::impl_limit_store!($store);
        $crate::server::db::media::impl_sign_video_store!($store);
        $crate::server::db::seekers::impl_seeker_store!($store);
        $crate::server::db::applications::impl_application_store!($store);
        $crate::server::db::matches::impl_match_store!($store);
        $crate::server::db::casework::impl_casework_store!($store);
        $crate::server::db::alerts::impl_alert_store!($store);
    };
}
pub(crate) use {impl_maintenance, impl_store};
