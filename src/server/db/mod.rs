//! Storage: one [`Store`] trait with an SQLite and a PostgreSQL implementation, chosen at
//! start from the scheme of `DATABASE_URL`. SQL that is the same on both engines is written
//! once (in [`shared_queries!`]) and compiled for each; only what differs is written twice.

mod postgres;
mod sqlite;

use crate::organisations::{Centre, Company, NewCentre, NewCompany};
use async_trait::async_trait;
use std::sync::Arc;

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
}

pub type DbResult<T> = Result<T, DbError>;

/// Everything Senda keeps. Each method is one unit of work: it commits or changes nothing.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    fn engine(&self) -> Engine;

    /// Answers when the database does; for `/healthz`.
    async fn ping(&self) -> DbResult<()>;

    /// The engine's version and the settings that matter for durability, for the start-up log.
    async fn describe(&self) -> DbResult<String>;

    /// Applies pending migrations; refuses a database migrated by a newer build.
    async fn migrate(&self) -> Result<(), OpenError>;

    /// Closes every connection; the store is unusable afterwards.
    async fn close(&self);

    async fn list_centres(&self) -> DbResult<Vec<Centre>>;
    async fn insert_centre(&self, centre: &NewCentre) -> DbResult<i64>;
    async fn list_companies(&self) -> DbResult<Vec<Company>>;
    async fn insert_company(&self, company: &NewCompany) -> DbResult<i64>;

    /// Inserts the demo records in one transaction, only if there are no organisations yet.
    /// Returns whether it inserted anything.
    async fn seed_if_empty(&self, centres: &[NewCentre], companies: &[NewCompany]) -> DbResult<bool>;
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

const INSERT_CENTRE: &str =
    "INSERT INTO centres (name, region, address, phone, email) VALUES ($1, $2, $3, $4, $5) RETURNING id";
const INSERT_COMPANY: &str =
    "INSERT INTO companies (legal_name, ruc, sector, region, verified) VALUES ($1, $2, $3, $4, $5) RETURNING id";

/// The insert of one centre, bound and ready to run on a pool or a transaction.
macro_rules! insert_centre {
    ($centre:expr) => {
        sqlx::query_scalar::<_, i64>($crate::server::db::INSERT_CENTRE)
            .bind(&$centre.name)
            .bind($centre.region.slug())
            .bind(&$centre.address)
            .bind(&$centre.phone)
            .bind(&$centre.email)
    };
}

/// The insert of one company, bound and ready to run on a pool or a transaction.
macro_rules! insert_company {
    ($company:expr) => {
        sqlx::query_scalar::<_, i64>($crate::server::db::INSERT_COMPANY)
            .bind(&$company.legal_name)
            .bind($company.ruc.as_str())
            .bind(&$company.sector)
            .bind($company.region.slug())
            .bind($company.verified)
    };
}

/// The `Store` implementation for one engine. The SQL is identical on both engines, so it is
/// written once here and expanded for each, each copy type-checked against its own driver.
/// The engine's module supplies `pool`, `begin_write` and its `MIGRATOR`.
macro_rules! impl_store {
    ($store:ty, $engine:expr) => {
        #[async_trait::async_trait]
        impl $crate::server::db::Store for $store {
            fn engine(&self) -> $crate::server::db::Engine {
                $engine
            }

            async fn migrate(&self) -> Result<(), $crate::server::db::OpenError> {
                MIGRATOR.run(&self.pool).await.map_err($crate::server::db::migrate_error)
            }

            async fn ping(&self) -> DbResult<()> {
                sqlx::query("SELECT 1").execute(&self.pool).await.map_err(DbError::from_sqlx)?;
                Ok(())
            }

            async fn describe(&self) -> DbResult<String> {
                self.describe_settings().await
            }

            async fn close(&self) {
                self.pool.close().await;
            }

            async fn list_centres(&self) -> DbResult<Vec<Centre>> {
                sqlx::query_as("SELECT id, name, region, address, phone, email FROM centres ORDER BY name, id")
                    .fetch_all(&self.pool)
                    .await
                    .map_err(DbError::from_sqlx)
            }

            async fn insert_centre(&self, centre: &NewCentre) -> DbResult<i64> {
                $crate::server::db::insert_centre!(centre).fetch_one(&self.pool).await.map_err(DbError::from_sqlx)
            }

            async fn list_companies(&self) -> DbResult<Vec<Company>> {
                sqlx::query_as(
                    "SELECT id, legal_name, ruc, sector, region, verified FROM companies ORDER BY legal_name, id",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(DbError::from_sqlx)
            }

            async fn insert_company(&self, company: &NewCompany) -> DbResult<i64> {
                $crate::server::db::insert_company!(company).fetch_one(&self.pool).await.map_err(DbError::from_sqlx)
            }

            async fn seed_if_empty(&self, centres: &[NewCentre], companies: &[NewCompany]) -> DbResult<bool> {
                let mut tx = self.begin_write().await?;
                let existing: i64 =
                    sqlx::query_scalar("SELECT (SELECT COUNT(*) FROM centres) + (SELECT COUNT(*) FROM companies)")
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                if existing > 0 {
                    return Ok(false);
                }
                for centre in centres {
                    $crate::server::db::insert_centre!(centre).fetch_one(&mut *tx).await.map_err(DbError::from_sqlx)?;
                }
                for company in companies {
                    $crate::server::db::insert_company!(company)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(DbError::from_sqlx)?;
                }
                tx.commit().await.map_err(DbError::from_sqlx)?;
                Ok(true)
            }
        }
    };
}
pub(crate) use {impl_store, insert_centre, insert_company};
