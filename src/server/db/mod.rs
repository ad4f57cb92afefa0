//! Storage: one [`Store`] trait with an SQLite and a PostgreSQL implementation, chosen at
//! start from the scheme of `DATABASE_URL`. SQL that is the same on both engines is written
//! once (in [`shared_queries!`]) and compiled for each; only what differs is written twice.

mod postgres;
mod sqlite;

use crate::organisations::{Centre, Company, NewCentre, NewCompany};
use crate::server::auth::{Credentials, NewAccount, NewSession, SessionRecord};
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

    /// Creates an account with its first role, in one transaction. A taken email is
    /// `Conflict("accounts_email_key")`.
    async fn create_account(&self, account: &NewAccount) -> DbResult<i64>;

    /// What sign-in needs to check a password, by (lower-cased) email.
    async fn credentials(&self, email: &str) -> DbResult<Option<Credentials>>;

    async fn set_password_hash(&self, account_id: i64, password_hash: &str) -> DbResult<()>;

    async fn create_session(&self, session: &NewSession) -> DbResult<()>;

    /// The session with this token hash and the account behind it, whatever its age: the
    /// caller applies the timeouts.
    async fn session(&self, token_hash: &str) -> DbResult<Option<SessionRecord>>;

    async fn touch_session(&self, token_hash: &str, now: i64) -> DbResult<()>;

    /// An account as the rest of the app sees it: name, email and roles.
    async fn account_actor(&self, account_id: i64) -> DbResult<Option<crate::accounts::Actor>>;

    async fn delete_session(&self, token_hash: &str) -> DbResult<()>;

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

            async fn create_account(&self, account: &NewAccount) -> DbResult<i64> {
            let mut tx = self.begin_write().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO accounts (email, name, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(account.email.as_str())
            .bind(&account.name)
            .bind(&account.password_hash)
            .bind(account.now)
            .fetch_one(&mut *tx)
            .await
            .map_err(DbError::from_sqlx)?;
            sqlx::query(
                "INSERT INTO account_roles (account_id, role, company_id, centre_id, granted_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(account.role.role.code())
            .bind(account.role.company_id)
            .bind(account.role.centre_id)
            .bind(account.now)
            .execute(&mut *tx)
            .await
            .map_err(DbError::from_sqlx)?;
            tx.commit().await.map_err(DbError::from_sqlx)?;
            Ok(id)
        }

        async fn credentials(&self, email: &str) -> DbResult<Option<Credentials>> {
            sqlx::query_as("SELECT id AS account_id, password_hash FROM accounts WHERE email = $1")
                .bind(email)
                .fetch_optional(&self.pool)
                .await
                .map_err(DbError::from_sqlx)
        }

        async fn set_password_hash(&self, account_id: i64, password_hash: &str) -> DbResult<()> {
            sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
                .bind(password_hash)
                .bind(account_id)
                .execute(&self.pool)
                .await
                .map_err(DbError::from_sqlx)?;
            Ok(())
        }

        async fn create_session(&self, session: &NewSession) -> DbResult<()> {
            sqlx::query(
                "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, expires_at, user_agent) \
                 VALUES ($1, $2, $3, $3, $4, $5)",
            )
            .bind(&session.token_hash)
            .bind(session.account_id)
            .bind(session.now)
            .bind(session.expires_at)
            .bind(&session.user_agent)
            .execute(&self.pool)
            .await
            .map_err(DbError::from_sqlx)?;
            Ok(())
        }

        async fn session(&self, token_hash: &str) -> DbResult<Option<SessionRecord>> {
            let row: Option<(i64, i64, i64, i64)> = sqlx::query_as(
                "SELECT account_id, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await
            .map_err(DbError::from_sqlx)?;
            let Some((account_id, created_at, last_seen_at, expires_at)) = row else { return Ok(None) };
            let Some(actor) = self.account_actor(account_id).await? else { return Ok(None) };
            Ok(Some(SessionRecord { actor, created_at, last_seen_at, expires_at }))
        }

        async fn account_actor(&self, account_id: i64) -> DbResult<Option<crate::accounts::Actor>> {
            let account: Option<(String, String)> =
                sqlx::query_as("SELECT name, email FROM accounts WHERE id = $1")
                    .bind(account_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(DbError::from_sqlx)?;
            let Some((name, email)) = account else { return Ok(None) };
            let grants: Vec<(String, Option<i64>, Option<i64>)> = sqlx::query_as(
                "SELECT role, company_id, centre_id FROM account_roles WHERE account_id = $1 ORDER BY role",
            )
            .bind(account_id)
            .fetch_all(&self.pool)
            .await
            .map_err(DbError::from_sqlx)?;
            let roles = grants
                .into_iter()
                .filter_map(|(role, company_id, centre_id)| {
                    Some(crate::accounts::RoleGrant { role: crate::accounts::Role::from_code(&role)?, company_id, centre_id })
                })
                .collect();
            Ok(Some(crate::accounts::Actor { account_id, name, email, roles }))
        }

        async fn touch_session(&self, token_hash: &str, now: i64) -> DbResult<()> {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                .bind(now)
                .bind(token_hash)
                .execute(&self.pool)
                .await
                .map_err(DbError::from_sqlx)?;
            Ok(())
        }

        async fn delete_session(&self, token_hash: &str) -> DbResult<()> {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(token_hash)
                .execute(&self.pool)
                .await
                .map_err(DbError::from_sqlx)?;
            Ok(())
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
