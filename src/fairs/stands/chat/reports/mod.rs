//! Reporting a message of a stand's live chat: either side of a conversation reports one of
//! the other side's messages (offensive, abusive, a scam) to the fair's organisers, saying why
//! if they want; the other side is not told. The organisers read each report with the message
//! and mark it reviewed; a company may also block the person itself (`BLOCK_CHAT_PATH`).
//!
//! `api.rs` what the pages read; `handlers.rs` the form posts and `store.rs` the storage
//! (server only).

pub mod api;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod store;

use super::ChatLine;
use serde::{Deserialize, Serialize};

/// Where either side of a conversation reports a message: `?id=` names the conversation; the
/// form posts here too.
pub const REPORT_PATH: &str = "/ferias/stand/chat/reportar";
/// A fair's reported messages, for its organisers: `?id=` names the fair.
pub const FAIR_REPORTS_PATH: &str = "/ferias/reportes";
/// Where an organiser marks a report reviewed (the form names the fair and the report).
pub const REVIEW_REPORT_PATH: &str = "/ferias/reportes/revisado";
/// The chosen message's field (radio buttons, one per message).
pub const REPORTED_FIELD: &str = "reported";
/// Why, in the reporter's words (may be left empty).
pub const REASON_FIELD: &str = "reason";
pub const MAX_REASON_CHARS: usize = 500;

/// The radio button of message `message_id`: the first one's is where a missing choice is said.
pub fn reported_field(message_id: i64) -> String {
    format!("{REPORTED_FIELD}-{message_id}")
}

pub fn report_page(conversation_id: i64) -> String {
    format!("{REPORT_PATH}?id={conversation_id}")
}

pub fn fair_reports_page(fair_id: i64) -> String {
    format!("{FAIR_REPORTS_PATH}?id={fair_id}")
}

/// The report form of a conversation, for one of its sides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportForm {
    pub conversation_id: i64,
    /// Whom the reader talks to: the company, for its job seeker; the job seeker's name, for
    /// the company.
    pub other_side: String,
    /// The reader's page of the conversation, to go back to.
    pub back: String,
    /// The reader reads as the conversation's job seeker.
    pub seeker_side: bool,
    /// The other side's messages, which the reader may report, in order.
    pub lines: Vec<ChatLine>,
    /// Those of them the reader has reported already.
    pub reported: Vec<i64>,
}

/// A reported message, for the fair's organisers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedMessage {
    pub id: i64,
    pub company_name: String,
    /// Who wrote it (empty once their account is gone), and on which side.
    pub author: String,
    pub from_company: bool,
    pub body: String,
    pub sent_at: i64,
    /// Who reported it (empty once their account is gone).
    pub reporter: String,
    pub reason: String,
    pub reported_at: i64,
    pub reviewed_at: Option<i64>,
}

/// A fair's reported messages: those to review, the oldest first, then those reviewed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairReports {
    pub fair_id: i64,
    pub fair_title: String,
    pub reports: Vec<ReportedMessage>,
}
