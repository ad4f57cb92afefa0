//! Storage plumbing: one [`Store`] with an SQLite and a PostgreSQL implementation, chosen at
//! start from the scheme of `DATABASE_URL`; pools, transactions and migrations. No feature's
//! SQL lives here: each feature keeps its storage trait and its SQL in its own `store.rs`.
//!
//! The convention for the two engines: SQL that is the same on both is written once, in the
//! feature's `impl_<feature>_store!` macro, and compiled for each engine's store against its
//! own driver (`impl_store!` below lists them all); only what differs is written twice (in
//! `sqlite.rs` and `postgres.rs`, and in `search/`, whose word matching is the engine's own).
//! What those macros use of an engine is the trait [`EngineStore`], which both implement.

mod postgres;
pub mod search;
mod sqlite;

use crate::accounts::store::{AccountStore, CredentialStore, SessionStore, SignUpStore};
use crate::alerts::store::AlertStore;
use crate::applications::store::ApplicationStore;
use crate::audit::store::AuditStore;
use crate::casework::store::CaseworkStore;
use crate::fairs::outcomes::store::OutcomeStore;
use crate::fairs::registrations::store::RegistrationStore;
use crate::fairs::stands::chat::reports::store::ChatReportStore;
use crate::fairs::stands::chat::store::ChatStore;
use crate::fairs::stands::questions::store::QuestionStore;
use crate::fairs::stands::shifts::store::ShiftStore;
use crate::fairs::stands::slots::booking_store::BookingStore;
use crate::fairs::stands::slots::store::SlotStore;
use crate::fairs::stands::store::StandStore;
use crate::fairs::store::FairStore;
use crate::interviews::store::{RecordStore, TemplateStore};
use crate::matches::store::MatchStore;
use crate::media::store::SignVideoStore;
use crate::organisations::store::OrganisationStore;
use crate::second_factor::passkey_store::PasskeyStore;
use crate::second_factor::store::SecondFactorStore;
use crate::seekers::store::{CaseloadStore, ConsentStore, HistoryStore, SeekerStore};
use crate::server::auth::limit_store::LimitStore;
use crate::server::mail::outbox::OutboxStore;
use crate::vacancies::store::{AccommodationStore, ReportStore, VacancyStore};
use async_trait::async_trait;
use search::SearchStore;
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
    /// A rule refused the write: a unique or foreign-key constraint of the schema, or a rule
    /// the store checks itself inside the transaction. [`Rule`] says which, the same on both
    /// engines.
    #[error("conflict: {0:?}")]
    Conflict(Rule),
    #[error(transparent)]
    Other(#[from] sqlx::Error),
}

/// Which rule refused a write. Callers match on these, never on an engine's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// `accounts_email_key`: the address already has an account.
    AccountEmail,
    /// `companies_ruc_key`: the RUC is already registered.
    CompanyRuc,
    /// `seekers_document_key`: the identity document is already in the register.
    SeekerDocument,
    /// `applications_once`: the person already applied to the vacancy.
    AppliedOnce,
    /// `saved_searches (account_id, query)`: the search is already saved.
    SearchSavedOnce,
    /// The site's last admin would lose the role.
    LastAdmin,
    /// The person's saved searches are at their most.
    SavedSearchesFull,
    /// A profile's list (jobs, certificates) is at its most.
    ListFull,
    /// A profile cannot be kept without consent to the register.
    RegisterConsentMissing,
    /// The profile was deleted a moment ago.
    ProfileGone,
    /// The account already has a profile of its own.
    HasProfile,
    /// Any other constraint (a foreign key to a row just deleted, a code used twice …), by the
    /// name the engine gives it where it gives one.
    Other(String),
}

impl Rule {
    /// The rule a constraint stands for. PostgreSQL names the constraint; SQLite names none and
    /// says `UNIQUE constraint failed: table.column[, table.column]` instead — read here, once,
    /// so that both engines give callers the same rule.
    fn of(db: &dyn sqlx::error::DatabaseError) -> Rule {
        let name = match db.constraint() {
            Some(name) => name.to_string(),
            None => match db.message().strip_prefix("UNIQUE constraint failed: ") {
                Some(columns) => {
                    let columns: Vec<&str> = columns.split(", ").collect();
                    let table = columns.first().and_then(|c| c.split('.').next()).unwrap_or("");
                    let names: Vec<&str> = columns.iter().filter_map(|c| c.split('.').nth(1)).collect();
                    format!("{table}({})", names.join(","))
                }
                None => db.message().to_string(),
            },
        };
        match name.as_str() {
            "accounts_email_key" | "accounts(email)" => Rule::AccountEmail,
            "companies_ruc_key" | "companies(ruc)" => Rule::CompanyRuc,
            "seekers_document_key" | "seekers(document_type,document_number)" => Rule::SeekerDocument,
            "applications_once" | "applications(vacancy_id,seeker_id)" => Rule::AppliedOnce,
            "saved_searches_account_id_query_key" | "saved_searches(account_id,query)" => Rule::SearchSavedOnce,
            _ => Rule::Other(name),
        }
    }
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
                DbError::Conflict(Rule::of(db.as_ref()))
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

/// What every feature's storage macro uses of an engine's store: the one meeting point of
/// the SQL written once and the two engines, each of which implements it.
pub trait EngineStore {
    /// The engine's sqlx driver.
    type Db: sqlx::Database;

    /// Ends a `SELECT` that holds the rows it reads until the transaction ends, so that
    /// transactions about the same thing run one after another: `FOR UPDATE` on PostgreSQL;
    /// nothing on SQLite, where a write transaction holds the whole database already.
    const ROW_LOCK: &'static str;

    /// The pool reads run on.
    fn pool(&self) -> &sqlx::Pool<Self::Db>;

    /// A transaction for a unit of work that writes, which waits its turn for the engine's
    /// write lock rather than failing on it; the unit commits it, or nothing changes.
    fn begin_write(&self) -> impl std::future::Future<Output = DbResult<sqlx::Transaction<'static, Self::Db>>> + Send;
}

/// Declares [`Store`] as every storage trait at once, and makes any type with them all a
/// `Store`: the list is written once.
macro_rules! store_of {
    ($first:ident $(, $part:ident)* $(,)?) => {
        /// Everything Senda keeps: one trait per area, each in its own file with its SQL.
        /// Each method is one unit of work: it commits, or changes nothing.
        pub trait Store: $first $(+ $part)* {}

        impl<T> Store for T where T: $first $(+ $part)* {}
    };
}

store_of!(
    OrganisationStore,
    AccountStore,
    SignUpStore,
    CredentialStore,
    SessionStore,
    AuditStore,
    VacancyStore,
    AccommodationStore,
    ReportStore,
    SearchStore,
    SignVideoStore,
    SeekerStore,
    HistoryStore,
    ConsentStore,
    CaseloadStore,
    ApplicationStore,
    MatchStore,
    CaseworkStore,
    FairStore,
    StandStore,
    ShiftStore,
    QuestionStore,
    RegistrationStore,
    SlotStore,
    BookingStore,
    ChatStore,
    ChatReportStore,
    OutcomeStore,
    TemplateStore,
    RecordStore,
    OutboxStore,
    AlertStore,
    SecondFactorStore,
    PasskeyStore,
    LimitStore,
    Maintenance,
);

/// The storage traits, for `use crate::server::db::prelude::*` where a store is used.
pub mod prelude {
    pub use super::search::SearchStore;
    pub use super::{DbError, DbResult, Maintenance, Rule, Store};
    pub use crate::accounts::store::{AccountStore, CredentialStore, SessionStore, SignUpStore};
    pub use crate::alerts::store::AlertStore;
    pub use crate::applications::store::ApplicationStore;
    pub use crate::audit::store::AuditStore;
    pub use crate::casework::store::CaseworkStore;
    pub use crate::fairs::outcomes::store::OutcomeStore;
    pub use crate::fairs::registrations::store::RegistrationStore;
    pub use crate::fairs::stands::chat::reports::store::ChatReportStore;
    pub use crate::fairs::stands::chat::store::ChatStore;
    pub use crate::fairs::stands::questions::store::QuestionStore;
    pub use crate::fairs::stands::shifts::store::ShiftStore;
    pub use crate::fairs::stands::slots::booking_store::BookingStore;
    pub use crate::fairs::stands::slots::store::SlotStore;
    pub use crate::fairs::stands::store::StandStore;
    pub use crate::fairs::store::FairStore;
    pub use crate::interviews::store::{RecordStore, TemplateStore};
    pub use crate::matches::store::MatchStore;
    pub use crate::media::store::SignVideoStore;
    pub use crate::organisations::store::OrganisationStore;
    pub use crate::second_factor::passkey_store::PasskeyStore;
    pub use crate::second_factor::store::SecondFactorStore;
    pub use crate::seekers::store::{CaseloadStore, ConsentStore, HistoryStore, SeekerStore};
    pub use crate::server::auth::limit_store::LimitStore;
    pub use crate::server::mail::outbox::OutboxStore;
    pub use crate::vacancies::store::{AccommodationStore, ReportStore, VacancyStore};
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
    /// rate-limit counters a day old, delivered or given-up mail, the stand chats of ended
    /// fairs and the interview records of decided applications as long after as `kept` says
    /// (of a withdrawn one at once). Returns how many rows went.
    async fn purge_expired(&self, now: i64, kept: &Retention) -> DbResult<u64>;
}

/// How long what people wrote is kept once its use is over, in seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retention {
    /// A delivered (or given-up) message, its body already blanked.
    pub mail: i64,
    /// A stand's chats after its fair ends.
    pub chats: i64,
    /// An interview record after its application is decided (withdrawn: none).
    pub applicants: i64,
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
                sqlx::query("SELECT 1").execute(self.pool()).await.map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn describe(&self) -> $crate::server::db::DbResult<String> {
                self.describe_settings().await
            }

            async fn migrate(&self) -> Result<(), $crate::server::db::OpenError> {
                MIGRATOR.run(self.pool()).await.map_err($crate::server::db::migrate_error)?;
                self.refresh_word_index().await.map_err($crate::server::db::OpenError::Reindex)
            }

            async fn close(&self) {
                self.pool().close().await;
            }

            async fn refresh_statistics(&self) -> $crate::server::db::DbResult<()> {
                let sql = match $engine {
                    $crate::server::db::Engine::Postgres => "VACUUM (ANALYZE)",
                    $crate::server::db::Engine::Sqlite => {
                        "INSERT INTO vacancy_search (vacancy_search) VALUES ('optimize')"
                    }
                };
                sqlx::query(sql).execute(self.pool()).await.map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(())
            }

            async fn purge_expired(
                &self,
                now: i64,
                kept: &$crate::server::db::Retention,
            ) -> $crate::server::db::DbResult<u64> {
                use $crate::server::db::DbError;
                let mut tx = self.begin_write().await?;
                let mut purged = 0;
                for (sql, before) in [
                    ("DELETE FROM sessions WHERE expires_at < $1", now),
                    ("DELETE FROM account_tokens WHERE expires_at < $1", now - 86_400),
                    ("DELETE FROM rate_limits WHERE window_start < $1", now - 86_400),
                    ("DELETE FROM outbox WHERE sent_at < $1", now - kept.mail),
                    (
                        "DELETE FROM booth_conversations WHERE stand_id IN \
                         (SELECT s.id FROM fair_stands s JOIN fairs f ON f.id = s.fair_id WHERE f.ends_at < $1)",
                        now - kept.chats,
                    ),
                    // An interview record goes when the employer's sight of its applicant ends.
                    (
                        "DELETE FROM interview_records WHERE application_id IN (SELECT id FROM applications \
                         WHERE status = 'withdrawn' OR (status IN ('hired', 'not_selected') AND updated_at < $1))",
                        now - kept.applicants,
                    ),
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

/// Holds account `$id`'s row until transaction `$tx` ends ([`EngineStore::ROW_LOCK`]), so that
/// one person's transactions of a kind run one after another, each seeing the ones before it.
macro_rules! hold_account {
    ($store:ty, $tx:expr, $id:expr) => {
        sqlx::query(&format!(
            "SELECT id FROM accounts WHERE id = $1{}",
            <$store as $crate::server::db::EngineStore>::ROW_LOCK
        ))
        .bind($id)
        .fetch_optional(&mut *$tx)
        .await
        .map_err($crate::server::db::DbError::from_sqlx)?
    };
}

/// Implements every storage trait for one engine's store.
macro_rules! impl_store {
    ($store:ty, $engine:expr) => {
        $crate::server::db::impl_maintenance!($store, $engine);
        $crate::organisations::store::impl_organisation_store!($store);
        $crate::accounts::store::impl_accounts_store!($store);
        $crate::audit::store::impl_audit_store!($store);
        $crate::server::mail::outbox::impl_outbox_store!($store);
        $crate::vacancies::store::impl_vacancies_store!($store);
        $crate::server::auth::limit_store::impl_limit_store!($store);
        $crate::media::store::impl_sign_video_store!($store);
        $crate::seekers::store::impl_seeker_store!($store);
        $crate::applications::store::impl_application_store!($store);
        $crate::matches::store::impl_match_store!($store);
        $crate::casework::store::impl_casework_store!($store);
        $crate::fairs::store::impl_fair_store!($store);
        $crate::fairs::stands::store::impl_stand_store!($store);
        $crate::fairs::stands::shifts::store::impl_shift_store!($store);
        $crate::fairs::stands::questions::store::impl_question_store!($store);
        $crate::fairs::registrations::store::impl_registration_store!($store);
        $crate::fairs::stands::slots::store::impl_slot_store!($store);
        $crate::fairs::stands::slots::booking_store::impl_booking_store!($store);
        $crate::fairs::stands::chat::store::impl_chat_store!($store);
        $crate::fairs::stands::chat::reports::store::impl_chat_report_store!($store);
        $crate::fairs::outcomes::store::impl_outcome_store!($store);
        $crate::interviews::store::impl_template_store!($store);
        $crate::interviews::store::impl_record_store!($store);
        $crate::alerts::store::impl_alert_store!($store);
        $crate::second_factor::store::impl_second_factor_store!($store);
        $crate::second_factor::passkey_store::impl_passkey_store!($store);
    };
}
pub(crate) use {hold_account, impl_maintenance, impl_store};
