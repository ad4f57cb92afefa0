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

/// The database the tests through the router run on, migrated and holding the demo records:
/// SQLite, or PostgreSQL when `SENDA_TEST_ENGINE=postgres` (`scripts/test` runs them once on
/// each). Each is a copy of one made once per test run ([`Template`]).
pub async fn app_database() -> TestDb {
    let postgres = match std::env::var("SENDA_TEST_ENGINE").as_deref() {
        Ok("postgres") => true,
        Ok("sqlite") | Err(_) => false,
        Ok(other) => panic!("SENDA_TEST_ENGINE={other}: sqlite or postgres"),
    };
    match TEMPLATE.get_or_init(|| Template::make(postgres)).await {
        Template::Sqlite(file) => {
            let folder = std::env::temp_dir().join(unique_name("senda_test"));
            let copy = folder.join("nested").join("senda.db");
            std::fs::create_dir_all(copy.parent().unwrap()).expect("test folder");
            std::fs::copy(file, &copy).expect("copy the template database");
            // Closed, SQLite folds its write-ahead log into the file; were one left, it goes too.
            let wal = |path: &std::path::Path| path.with_extension("db-wal");
            if wal(file).exists() {
                std::fs::copy(wal(file), wal(&copy)).expect("copy the template's log");
            }
            let url = format!("sqlite://{}", copy.display());
            let store = db::open(&url, 4).await.expect("open sqlite");
            TestDb { store, url, folder, cleanup: Cleanup::File }
        }
        Template::Postgres { admin_url, name: template } => {
            use sqlx::Connection;
            let name = unique_name("senda_test");
            let mut conn = sqlx::PgConnection::connect(admin_url).await.expect("connect to TEST_DATABASE_URL");
            sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                .execute(&mut conn)
                .await
                .expect("copy the template database");
            let url = with_database(admin_url, &name);
            let store = db::open(&url, 4).await.expect("open postgres");
            let folder = std::env::temp_dir().join(&name);
            let cleanup = Cleanup::PgDatabase { admin_url: admin_url.clone(), name };
            TestDb { store, url, folder, cleanup }
        }
    }
}

/// What every test through the router starts from, made once per test run: migrating and
/// loading the demo records for each test took most of its time.
enum Template {
    Sqlite(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

static TEMPLATE: tokio::sync::OnceCell<Template> = tokio::sync::OnceCell::const_new();

impl Template {
    async fn make(postgres: bool) -> Template {
        let mut db = if postgres {
            self::postgres().await.expect("SENDA_TEST_ENGINE=postgres needs TEST_DATABASE_URL")
        } else {
            sqlite().await
        };
        senda::server::demo::seed(db.store.as_ref()).await.expect("load the demo records");
        // Copied file by file, or by PostgreSQL from a database nobody is connected to.
        db.store.close().await;
        let cleanup = std::mem::replace(&mut db.cleanup, Cleanup::Done);
        forget_finished_runs(&cleanup).await;
        match cleanup {
            Cleanup::PgDatabase { admin_url, name } => Template::Postgres { admin_url, name },
            _ => Template::Sqlite(db.url.trim_start_matches("sqlite://").into()),
        }
    }
}

/// Removes the templates of test runs whose process is gone (their names hold its id), beside
/// this run's `own`: a template lives as long as its run, which has no end to clean up at.
async fn forget_finished_runs(own: &Cleanup) {
    let finished = |name: &str| {
        let pid = name.strip_prefix("senda_test_").and_then(|rest| rest.split('_').next()?.parse::<u32>().ok());
        pid.is_some_and(|pid| pid != std::process::id() && !std::path::Path::new(&format!("/proc/{pid}")).exists())
    };
    match own {
        Cleanup::PgDatabase { admin_url, .. } => {
            use sqlx::Connection;
            let Ok(mut conn) = sqlx::PgConnection::connect(admin_url).await else { return };
            let names: Vec<String> =
                sqlx::query_scalar("SELECT datname FROM pg_database WHERE datname LIKE 'senda_test_%'")
                    .fetch_all(&mut conn)
                    .await
                    .unwrap_or_default();
            for name in names.iter().filter(|n| finished(n)) {
                drop_database(admin_url, name).await;
            }
        }
        _ => {
            let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else { return };
            for entry in entries.flatten() {
                if finished(&entry.file_name().to_string_lossy()) {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
        }
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
