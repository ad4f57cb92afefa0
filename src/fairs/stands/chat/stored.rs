//! What the chat's storage takes and gives: a message as its author sends it, a conversation
//! changing hands, what an opening did, and a stored conversation and message. Never sent as
//! they are: the pages read view types made for their reader.

use super::rules::ChatStatus;

/// A message as its author sends it (already checked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewChatMessage<'a> {
    pub conversation_id: i64,
    pub author_id: i64,
    /// Sent by one of the stand's company's representatives, or by the job seeker.
    pub from_company: bool,
    pub body: &'a str,
    /// An interview slot of the stand the representative offers with it (the job seeker books
    /// it herself): only a free one, ahead, of the conversation's own stand is stored.
    pub offer: Option<i64>,
}

/// A conversation changing hands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChatHandover {
    pub conversation_id: i64,
    pub stand_id: i64,
    /// Who has it as the representative saw it; `None` while it waits.
    pub from: Option<i64>,
    pub to: i64,
}

/// What opening a conversation did: the conversation (new, or the one the person had in force
/// at the stand) and the first message's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChatOpened {
    pub conversation_id: i64,
    pub message_id: i64,
}

/// A conversation with its stand's company and fair and both people's names; never sent as is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredChat {
    pub id: i64,
    pub stand_id: i64,
    pub company_id: i64,
    pub fair_id: i64,
    pub account_id: i64,
    pub seeker_name: String,
    pub status: ChatStatus,
    pub taken_by: Option<i64>,
    /// Empty while no one has taken it.
    pub taker_name: String,
    pub opened_at: i64,
    pub taken_at: Option<i64>,
    pub closed_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct ChatRow {
    id: i64,
    stand_id: i64,
    company_id: i64,
    fair_id: i64,
    account_id: i64,
    seeker_name: String,
    status: String,
    taken_by: Option<i64>,
    taker_name: Option<String>,
    opened_at: i64,
    taken_at: Option<i64>,
    closed_at: Option<i64>,
}

impl ChatRow {
    /// The conversation, or `None` if its stored status is one this build does not know.
    pub(crate) fn into_chat(self) -> Option<StoredChat> {
        Some(StoredChat {
            id: self.id,
            stand_id: self.stand_id,
            company_id: self.company_id,
            fair_id: self.fair_id,
            account_id: self.account_id,
            seeker_name: self.seeker_name,
            status: ChatStatus::from_code(&self.status)?,
            taken_by: self.taken_by,
            taker_name: self.taker_name.unwrap_or_default(),
            opened_at: self.opened_at,
            taken_at: self.taken_at,
            closed_at: self.closed_at,
        })
    }
}

/// A stored message with its author's name (empty once their account is gone).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredChatMessage {
    pub id: i64,
    pub conversation_id: i64,
    pub author_id: Option<i64>,
    pub author_name: String,
    pub from_company: bool,
    pub body: String,
    pub sent_at: i64,
    /// The interview slot it offers; `None` once the slot is withdrawn (or gone).
    pub offer: Option<i64>,
}
