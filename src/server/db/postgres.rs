//! The PostgreSQL store: for a national deployment with several app servers.

use super::{impl_store, DbError, DbResult, Engine, EngineStore, OpenError};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgPool, Postgres, Transaction};
use std::{str::FromStr, time::Duration};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

pub struct PgStore {
    pub(super) pool: PgPool,
}

impl PgStore {
    pub async fn open(url: &str, max_connections: u32) -> Result<PgStore, OpenError> {
        let connect_error = |cause| OpenError::Connect { url: super::redact(url), cause };
        // A plan per execution: the search's statements are prepared once per connection, and
        // after five runs PostgreSQL may keep a generic plan that cannot see how rare the words
        // or choices are. Measured at 100 000 vacancies: a very common word went from 4 ms to
        // 17 ms, and words with three choices from 18 ms to 30 ms, once that happened.
        let options = PgConnectOptions::from_str(url)
            .map_err(connect_error)?
            .application_name("senda")
            .options([("plan_cache_mode", "force_custom_plan")]);
        let pool = PgPoolOptions::new()
            .max_connections(max_connections.max(1))
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(connect_error)?;
        Ok(PgStore { pool })
    }

    async fn describe_settings(&self) -> DbResult<String> {
        let version: String =
            sqlx::query_scalar("SHOW server_version").fetch_one(&self.pool).await.map_err(DbError::from_sqlx)?;
        let commit: String =
            sqlx::query_scalar("SHOW synchronous_commit").fetch_one(&self.pool).await.map_err(DbError::from_sqlx)?;
        Ok(format!("PostgreSQL {version}, synchronous_commit={commit}"))
    }
}

impl EngineStore for PgStore {
    const ROW_LOCK: &'static str = " FOR UPDATE";
    type Db = Postgres;

    fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Write transactions run at READ COMMITTED; rules that must hold across rows are kept by
    /// constraints, not by the isolation level.
    async fn begin_write(&self) -> DbResult<Transaction<'static, Postgres>> {
        self.pool.begin().await.map_err(DbError::from_sqlx)
    }
}

impl_store!(PgStore, Engine::Postgres);
