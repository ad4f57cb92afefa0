//! The SQLite store: one file, nothing else to run — for a single employment centre.

use super::{impl_store, DbError, DbResult, Engine, EngineStore, OpenError};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, Sqlite, SqlitePool, Transaction};
use std::{path::Path, str::FromStr, time::Duration};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");

pub struct SqliteStore {
    pub(super) pool: SqlitePool,
}

impl SqliteStore {
    pub async fn open(url: &str, max_connections: u32) -> Result<SqliteStore, OpenError> {
        let connect_error = |cause| OpenError::Connect { url: url.to_string(), cause };
        let options = SqliteConnectOptions::from_str(url)
            .map_err(connect_error)?
            .create_if_missing(true)
            // sqlx leaves the journal mode alone; WAL lets pages be read while one write runs.
            .journal_mode(SqliteJournalMode::Wal)
            // This register holds consent records: an acknowledged commit must survive a
            // power cut, which under WAL takes FULL (NORMAL may lose the last commits).
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5))
            // Pages read through a memory map rather than copied in by a system call each: a
            // search reads hundreds of the word index's pages.
            .pragma("mmap_size", "268435456");
        if let Some(folder) = options.get_filename().parent().filter(|p| !p.as_os_str().is_empty()) {
            create_folder(folder)?;
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(max_connections.max(1))
            .connect_with(options)
            .await
            .map_err(connect_error)?;
        Ok(SqliteStore { pool })
    }

    async fn describe_settings(&self) -> DbResult<String> {
        let mut conn = self.pool.acquire().await.map_err(DbError::from_sqlx)?;
        let mut settings = vec![format!(
            "SQLite {}",
            sqlx::query_scalar::<_, String>("SELECT sqlite_version()")
                .fetch_one(&mut *conn)
                .await
                .map_err(DbError::from_sqlx)?
        )];
        for pragma in ["journal_mode", "synchronous", "foreign_keys", "busy_timeout"] {
            let row =
                sqlx::query(&format!("PRAGMA {pragma}")).fetch_one(&mut *conn).await.map_err(DbError::from_sqlx)?;
            let value = row
                .try_get::<String, _>(0)
                .or_else(|_| row.try_get::<i64, _>(0).map(|n| n.to_string()))
                .map_err(DbError::from_sqlx)?;
            settings.push(format!("{pragma}={value}"));
        }
        Ok(settings.join(", "))
    }
}

impl EngineStore for SqliteStore {
    const ROW_LOCK: &'static str = "";
    type Db = Sqlite;

    fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Takes the write lock at once, so the busy timeout applies to it; a deferred
    /// transaction that reads first would fail instead of waiting.
    async fn begin_write(&self) -> DbResult<Transaction<'static, Sqlite>> {
        self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(DbError::from_sqlx)
    }
}

fn create_folder(folder: &Path) -> Result<(), OpenError> {
    std::fs::create_dir_all(folder).map_err(|cause| OpenError::CreateDir { path: folder.display().to_string(), cause })
}

impl_store!(SqliteStore, Engine::Sqlite);
