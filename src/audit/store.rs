//! Storage of the audit log: appended to, read by admins, never changed.

use crate::audit::{AuditEntry, AuditParty};
use crate::server::audit::AuditEvent;
use crate::server::db::DbResult;
use async_trait::async_trait;

/// What the reader asks the store for, already resolved: dates to unix seconds, a person to
/// an account number.
#[derive(Clone, Debug, Default)]
pub struct AuditQuery {
    pub action: Option<String>,
    pub account_id: Option<i64>,
    pub from: Option<i64>,
    pub until: Option<i64>,
    pub before: Option<i64>,
    pub limit: i64,
}

#[async_trait]
pub trait AuditStore: Send + Sync + 'static {
    /// Appends one event on its own.
    async fn record(&self, event: &AuditEvent) -> DbResult<()>;

    /// Events matching `query`, newest first.
    async fn audit_events(&self, query: &AuditQuery) -> DbResult<Vec<AuditEntry>>;

    /// The account with this email, as the reader's person filter finds it.
    async fn account_id_by_email(&self, email: &str) -> DbResult<Option<i64>>;
}

/// An audit event as stored; `parties` below turns the joined names into an [`AuditEntry`].
#[derive(sqlx::FromRow)]
pub(crate) struct AuditRow {
    id: i64,
    at: i64,
    action: String,
    actor_id: Option<i64>,
    actor_name: Option<String>,
    actor_email: Option<String>,
    subject_id: Option<i64>,
    subject_name: Option<String>,
    subject_email: Option<String>,
    detail: String,
    ip: String,
}

impl From<AuditRow> for AuditEntry {
    fn from(row: AuditRow) -> AuditEntry {
        let party = |id: Option<i64>, name, email| id.map(|id| AuditParty { id, name, email });
        AuditEntry {
            id: row.id,
            at: row.at,
            action: row.action,
            actor: party(row.actor_id, row.actor_name, row.actor_email),
            subject: party(row.subject_id, row.subject_name, row.subject_email),
            detail: row.detail,
            ip: row.ip,
        }
    }
}

/// Appends an event on a transaction (or pool); `$subject` overrides the event's subject
/// where the store learns it on the way (the account a link belonged to).
macro_rules! insert_audit {
    ($executor:expr, $event:expr) => {{
        let event = $event;
        $crate::audit::store::insert_audit!($executor, event, event.subject_id)
    }};
    ($executor:expr, $event:expr, $subject:expr) => {{
        let event = $event;
        sqlx::query(
            "INSERT INTO audit_events (at, action, actor_id, subject_id, detail, ip) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(event.at)
        .bind(event.action.code())
        .bind(event.actor_id)
        .bind($subject)
        .bind(&event.detail)
        .bind(&event.ip)
        .execute($executor)
        .await
        .map_err($crate::server::db::DbError::from_sqlx)?;
    }};
}

macro_rules! impl_audit_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::audit::store::AuditStore for $store {
            async fn record(&self, event: &$crate::server::audit::AuditEvent) -> $crate::server::db::DbResult<()> {
                $crate::audit::store::insert_audit!(self.pool(), event);
                Ok(())
            }

            async fn audit_events(
                &self,
                query: &$crate::audit::store::AuditQuery,
            ) -> $crate::server::db::DbResult<Vec<$crate::audit::AuditEntry>> {
                let rows: Vec<$crate::audit::store::AuditRow> = sqlx::query_as(
                    "SELECT e.id, e.at, e.action, e.actor_id, a.name AS actor_name, a.email AS actor_email, \
                            e.subject_id, s.name AS subject_name, s.email AS subject_email, e.detail, e.ip \
                     FROM audit_events e \
                     LEFT JOIN accounts a ON a.id = e.actor_id \
                     LEFT JOIN accounts s ON s.id = e.subject_id \
                     WHERE ($1 IS NULL OR e.action = $1) \
                       AND ($2 IS NULL OR e.actor_id = $2 OR e.subject_id = $2) \
                       AND ($3 IS NULL OR e.at >= $3) \
                       AND ($4 IS NULL OR e.at < $4) \
                       AND ($5 IS NULL OR e.id < $5) \
                     ORDER BY e.id DESC LIMIT $6",
                )
                .bind(&query.action)
                .bind(query.account_id)
                .bind(query.from)
                .bind(query.until)
                .bind(query.before)
                .bind(query.limit)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn account_id_by_email(&self, email: &str) -> $crate::server::db::DbResult<Option<i64>> {
                sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1")
                    .bind(email)
                    .fetch_optional(self.pool())
                    .await
                    .map_err($crate::server::db::DbError::from_sqlx)
            }
        }
    };
}
pub(crate) use {impl_audit_store, insert_audit};
