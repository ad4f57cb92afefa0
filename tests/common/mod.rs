//! Test harness: fresh, migrated databases on each engine, and the real router.
#![allow(dead_code)]

pub mod fields;
pub mod logs;
pub mod web;

use senda::server::db::{self, prelude::*};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("{prefix}_{}_{}_{nanos}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// A database made for one test, with a folder of its own for the test's files (uploads),
/// both removed by [`TestDb::cleanup`].
pub struct TestDb {
    pub store: Arc<dyn Store>,
    pub url: String,
    pub folder: std::path::PathBuf,
    cleanup: Cleanup,
}

enum Cleanup {
    File,
    PgDatabase { admin_url: String, name: String },
    Done,
}

/// Drops PostgreSQL database `name` on the server of `admin_url`, whoever is still connected.
async fn drop_database(admin_url: &str, name: &str) {
    use sqlx::Connection;
    if let Ok(mut conn) = sqlx::PgConnection::connect(admin_url).await {
        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn).await;
    }
}

/// A test that fails never reaches [`TestDb::cleanup`]: its database goes as it unwinds.
impl Drop for TestDb {
    fn drop(&mut self) {
        let cleanup = std::mem::replace(&mut self.cleanup, Cleanup::Done);
        if !matches!(cleanup, Cleanup::Done) {
            let _ = std::fs::remove_dir_all(&self.folder);
        }
        match cleanup {
            Cleanup::File | Cleanup::Done => {}
            Cleanup::PgDatabase { admin_url, name } => {
                // Drop cannot wait on the test's runtime: a thread of its own runs the statement.
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
                    if let Ok(runtime) = runtime {
                        runtime.block_on(drop_database(&admin_url, &name));
                    }
                })
                .join();
            }
        }
    }
}

impl TestDb {
    /// The database's name on its PostgreSQL server; `None` on SQLite.
    pub fn postgres_name(&self) -> Option<&str> {
        match &self.cleanup {
            Cleanup::PgDatabase { name, .. } => Some(name),
            _ => None,
        }
    }

    /// Runs one statement straight on the database, past the store: to age a row, or to try
    /// what the schema must refuse.
    pub async fn execute(&self, sql: &str) -> Result<(), sqlx::Error> {
        use sqlx::Connection;
        if self.url.starts_with("sqlite:") {
            let mut conn = sqlx::SqliteConnection::connect(&self.url).await?;
            sqlx::query(sql).execute(&mut conn).await.map(|_| ())
        } else {
            let mut conn = sqlx::PgConnection::connect(&self.url).await?;
            sqlx::query(sql).execute(&mut conn).await.map(|_| ())
        }
    }

    pub async fn cleanup(mut self) {
        self.store.close().await;
        let cleanup = std::mem::replace(&mut self.cleanup, Cleanup::Done);
        if !matches!(cleanup, Cleanup::Done) {
            let _ = std::fs::remove_dir_all(&self.folder);
        }
        if let Cleanup::PgDatabase { admin_url, name } = cleanup {
            drop_database(&admin_url, &name).await;
        }
    }
}

/// A new SQLite file in its own folder (the folder does not exist yet: opening creates it).
pub async fn sqlite() -> TestDb {
    let folder = std::env::temp_dir().join(unique_name("senda_test"));
    let url = format!("sqlite://{}/nested/senda.db", folder.display());
    let store = db::open(&url, 4).await.expect("open sqlite");
    store.migrate().await.expect("migrate sqlite");
    TestDb { store, url, folder, cleanup: Cleanup::File }
}

/// A new PostgreSQL database, when `TEST_DATABASE_URL` names a server to make it on. In CI
/// (`CI=true`) a missing server fails the test: the PostgreSQL leg is never skipped there.
pub async fn postgres() -> Option<TestDb> {
    use sqlx::Connection;
    let admin_url = std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty());
    if admin_url.is_none() && std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!("CI=true and TEST_DATABASE_URL is not set: the PostgreSQL tests may not be skipped in CI");
    }
    let admin_url = admin_url?;
    let name = unique_name("senda_test");
    let mut conn = sqlx::PgConnection::connect(&admin_url).await.expect("connect to TEST_DATABASE_URL");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.expect("create test database");
    let url = with_database(&admin_url, &name);
    let store = db::open(&url, 4).await.expect("open postgres");
    store.migrate().await.expect("migrate postgres");
    let folder = std::env::temp_dir().join(&name);
    Some(TestDb { store, url, folder, cleanup: Cleanup::PgDatabase { admin_url, name } })
}

/// The database the tests through the router run on: SQLite, or PostgreSQL when
/// `SENDA_TEST_ENGINE=postgres` (`scripts/test` runs them once on each).
pub async fn app_database() -> TestDb {
    match std::env::var("SENDA_TEST_ENGINE").as_deref() {
        Ok("postgres") => postgres().await.expect("SENDA_TEST_ENGINE=postgres needs TEST_DATABASE_URL"),
        Ok("sqlite") | Err(_) => sqlite().await,
        Ok(other) => panic!("SENDA_TEST_ENGINE={other}: sqlite or postgres"),
    }
}

/// `url` with its database name replaced.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map(|(b, q)| (b, Some(q))).unwrap_or((url, None));
    let authority_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let path_start = base[authority_end..].find('/').map(|i| i + authority_end).unwrap_or(base.len());
    let mut out = format!("{}/{name}", &base[..path_start]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// Says loudly that a PostgreSQL test did not run, so a skipped leg is never silent.
pub fn postgres_skipped(test: &str) {
    eprintln!("SKIPPED on PostgreSQL: {test} (TEST_DATABASE_URL is not set)");
}
