//! Storage of reported chat messages. A report is only written by the other side of the
//! message's conversation (checked in the insert itself), and only a report of the named fair
//! is marked reviewed.

use crate::server::db::DbResult;
use async_trait::async_trait;

/// A report as its reporter sends it (already checked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewReport<'a> {
    pub message_id: i64,
    pub by: i64,
    pub reason: &'a str,
}

/// A stored report with its message, its stand's company and both people's names. Never sent
/// as it is.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredReport {
    pub id: i64,
    pub company_name: String,
    pub author_name: String,
    pub from_company: bool,
    pub body: String,
    pub sent_at: i64,
    pub reporter_name: String,
    pub reason: String,
    pub reported_at: i64,
    pub reviewed_at: Option<i64>,
}

#[async_trait]
pub trait ChatReportStore: Send + Sync + 'static {
    /// Stores the report if `by` is the other side of the message's conversation: its job
    /// seeker for a representative's message, one of the company's representatives for the
    /// job seeker's. Reporting a message again replaces the reason and waits for review again.
    /// False, nothing written, otherwise.
    async fn report_message(&self, report: &NewReport<'_>, now: i64) -> DbResult<bool>;

    /// The messages of a conversation that the person has reported.
    async fn reported_in(&self, conversation_id: i64, account_id: i64) -> DbResult<Vec<i64>>;

    /// The reports of a fair's chats: those to review, the oldest first, then those reviewed.
    async fn fair_reports(&self, fair_id: i64) -> DbResult<Vec<StoredReport>>;

    /// How many of a fair's reports wait for review.
    async fn reports_to_review(&self, fair_id: i64) -> DbResult<i64>;

    /// Marks a report of the fair reviewed (kept as it was if it already is); false when the
    /// fair has no such report.
    async fn review_report(&self, report_id: i64, fair_id: i64, by: i64, now: i64) -> DbResult<bool>;
}

/// The report `r`'s fair is `$n`.
macro_rules! of_fair {
    ($fair:literal) => {
        concat!(
            "r.message_id IN (SELECT fm.id FROM booth_messages fm \
             JOIN booth_conversations fc ON fc.id = fm.conversation_id \
             JOIN fair_stands fs ON fs.id = fc.stand_id WHERE fs.fair_id = ",
            $fair,
            ")"
        )
    };
}
pub(crate) use of_fair;

macro_rules! impl_chat_report_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::fairs::stands::chat::reports::store::ChatReportStore for $store {
            async fn report_message(
                &self,
                report: &$crate::fairs::stands::chat::reports::store::NewReport<'_>,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                let id: Option<i64> = sqlx::query_scalar(
                    "INSERT INTO booth_reports (message_id, reported_by, reason, reported_at) \
                     SELECT m.id, $2, $3, $4 FROM booth_messages m \
                     JOIN booth_conversations c ON c.id = m.conversation_id JOIN fair_stands s ON s.id = c.stand_id \
                     WHERE m.id = $1 AND ((m.from_company AND c.account_id = $2) \
                       OR (NOT m.from_company AND EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = $2 \
                           AND r.role = 'employer' AND r.company_id = s.company_id))) \
                     ON CONFLICT (message_id, reported_by) DO UPDATE SET reason = excluded.reason, \
                     reported_at = excluded.reported_at, reviewed_by = NULL, reviewed_at = NULL \
                     RETURNING id",
                )
                .bind(report.message_id)
                .bind(report.by)
                .bind(report.reason)
                .bind(now)
                .fetch_optional(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(id.is_some())
            }

            async fn reported_in(
                &self,
                conversation_id: i64,
                account_id: i64,
            ) -> $crate::server::db::DbResult<Vec<i64>> {
                sqlx::query_scalar(
                    "SELECT r.message_id FROM booth_reports r JOIN booth_messages m ON m.id = r.message_id \
                     WHERE m.conversation_id = $1 AND r.reported_by = $2 ORDER BY r.message_id",
                )
                .bind(conversation_id)
                .bind(account_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn fair_reports(
                &self,
                fair_id: i64,
            ) -> $crate::server::db::DbResult<Vec<$crate::fairs::stands::chat::reports::store::StoredReport>> {
                sqlx::query_as(concat!(
                    "SELECT r.id, co.legal_name AS company_name, COALESCE(a.name, '') AS author_name, \
                     m.from_company, m.body, m.sent_at, COALESCE(p.name, '') AS reporter_name, r.reason, \
                     r.reported_at, r.reviewed_at FROM booth_reports r \
                     JOIN booth_messages m ON m.id = r.message_id \
                     JOIN booth_conversations c ON c.id = m.conversation_id \
                     JOIN fair_stands s ON s.id = c.stand_id JOIN companies co ON co.id = s.company_id \
                     LEFT JOIN accounts a ON a.id = m.author_id LEFT JOIN accounts p ON p.id = r.reported_by \
                     WHERE ",
                    $crate::fairs::stands::chat::reports::store::of_fair!("$1"),
                    " ORDER BY CASE WHEN r.reviewed_at IS NULL THEN 0 ELSE 1 END, r.reported_at, r.id"
                ))
                .bind(fair_id)
                .fetch_all(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn reports_to_review(&self, fair_id: i64) -> $crate::server::db::DbResult<i64> {
                sqlx::query_scalar(concat!(
                    "SELECT COUNT(*) FROM booth_reports r WHERE r.reviewed_at IS NULL AND ",
                    $crate::fairs::stands::chat::reports::store::of_fair!("$1")
                ))
                .bind(fair_id)
                .fetch_one(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)
            }

            async fn review_report(
                &self,
                report_id: i64,
                fair_id: i64,
                by: i64,
                now: i64,
            ) -> $crate::server::db::DbResult<bool> {
                let done = sqlx::query(concat!(
                    "UPDATE booth_reports SET reviewed_by = COALESCE(reviewed_by, $3), \
                     reviewed_at = COALESCE(reviewed_at, $4) WHERE id = $1 AND message_id IN \
                     (SELECT r.message_id FROM booth_reports r WHERE r.id = $1 AND ",
                    $crate::fairs::stands::chat::reports::store::of_fair!("$2"),
                    ")"
                ))
                .bind(report_id)
                .bind(fair_id)
                .bind(by)
                .bind(now)
                .execute(self.pool())
                .await
                .map_err($crate::server::db::DbError::from_sqlx)?;
                Ok(done.rows_affected() > 0)
            }
        }
    };
}
pub(crate) use impl_chat_report_store;
