//! Live chat at a stand while its fair runs: a job seeker writes to the stand and waits in its
//! queue until one of the company's representatives takes the conversation (or is handed it);
//! either side ends it, and the company may block a person from its stand. After the fair the
//! stand takes questions instead (`questions/`), and its conversations are kept for
//! `SENDA_CHATS_KEPT_DAYS`, then deleted (`Maintenance::purge_expired`).
//!
//! Every page works without JavaScript: writing is a form post, and a reload (the page's
//! "Actualizar" link) brings the replies. With it, new messages arrive in the transcript as
//! they are written.
//!
//! `mod.rs` the addresses and the view types, one per reader; `rules.rs` the pure rules;
//! `api.rs` what the pages read; `handlers.rs` the form posts, `events.rs` the stream of new
//! messages the page's script follows, `store.rs` the storage (what it takes and gives in
//! `stored.rs`) and `hub.rs` how news of a conversation reaches the app servers (server only).

pub mod api;
#[cfg(feature = "ssr")]
pub mod events;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod hub;
pub mod reports;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod stored;

use serde::{Deserialize, Serialize};

/// A job seeker's chat with a stand: `?id=` names the stand; their messages post here too.
pub const CHAT_PATH: &str = "/ferias/stand/chat";
/// A conversation's new messages as server-sent events (`events.rs`): `?id=` names it.
pub const CHAT_EVENTS_PATH: &str = "/ferias/stand/chat/mensajes";
/// The stream's event saying the conversation is over: the page's script stops following it.
pub const ENDED_EVENT: &str = "ended";
/// Where either side ends a conversation (the form names it).
pub const END_CHAT_PATH: &str = "/ferias/stand/chat/terminar";
/// A stand's live conversations, for its company's representatives: `?id=` names the stand.
pub const STAND_CHATS_PATH: &str = "/ferias/stand/chats";
/// One conversation, for the company's representatives: `?id=` names it; replies post here.
pub const CONVERSATION_PATH: &str = "/ferias/stand/chats/conversacion";
/// Where a representative takes a conversation, or hands it to a colleague.
pub const TAKE_CHAT_PATH: &str = "/ferias/stand/chats/atender";
/// Where the representative who has a conversation offers its job seeker an interview slot.
pub const OFFER_SLOT_PATH: &str = "/ferias/stand/chats/ofrecer";
/// The offered slot's field (a list of the stand's free slots).
pub const OFFER_FIELD: &str = "slot";
/// Where a representative ends a conversation and blocks the person from the stand.
pub const BLOCK_CHAT_PATH: &str = "/ferias/stand/chats/bloquear";
/// The message's field, on both sides' pages.
pub const MESSAGE_FIELD: &str = "message";
/// The transcript's id: a sent message comes back to it.
pub const LOG_ID: &str = "chat-log";

pub fn chat_page(stand_id: i64) -> String {
    format!("{CHAT_PATH}?id={stand_id}")
}

/// The event stream of conversation `conversation_id` for a reader who has every message up to
/// `after`.
pub fn chat_events(conversation_id: i64, after: i64) -> String {
    format!("{CHAT_EVENTS_PATH}?id={conversation_id}&despues={after}")
}

pub fn stand_chats_page(stand_id: i64) -> String {
    format!("{STAND_CHATS_PATH}?id={stand_id}")
}

pub fn conversation_page(conversation_id: i64) -> String {
    format!("{CONVERSATION_PATH}?id={conversation_id}")
}

/// Where each side reads a conversation: its job seeker on their chat page at the stand, the
/// company on the conversation's own page.
pub fn side_page(side: rules::ChatSide, stand_id: i64, conversation_id: i64) -> String {
    match side {
        rules::ChatSide::Seeker => chat_page(stand_id),
        rules::ChatSide::Company => conversation_page(conversation_id),
    }
}

/// A message as one side of the conversation reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatLine {
    /// The store's order: a reader resumes after the last one it has.
    pub id: i64,
    /// Written by the reader.
    pub mine: bool,
    /// The author's name, as the reader may know it (empty once their account is gone).
    pub author: String,
    pub from_company: bool,
    pub body: String,
    pub sent_at: i64,
    /// The interview slot the company offers with it, while still in force: its job seeker
    /// books it (or finds it taken) on the booking page.
    pub offer: Option<i64>,
}

/// Whether a job seeker may write to a stand now, and if not, why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChatDoor {
    /// The fair runs: they may write. `on_duty` names the representatives keeping the stand
    /// now (empty: nobody on duty, and a question may be the better way).
    Open { on_duty: Vec<String> },
    /// The fair has not started: the chat opens at `starts_at`.
    NotYet { starts_at: i64 },
    /// The fair is over, or the stand no longer takes part: questions are left instead.
    Over,
    /// The company no longer chats with this person here.
    Blocked,
}

/// The job seeker's conversation in force at a stand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeekerConversation {
    pub id: i64,
    /// Their place in the stand's queue (1 is next) while no one has taken it.
    pub queue_place: Option<usize>,
    /// The representative who has it; empty while it waits.
    pub taken_by: String,
    pub lines: Vec<ChatLine>,
}

/// A job seeker's chat page at a stand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeekerChat {
    pub stand_id: i64,
    pub company_name: String,
    pub fair_title: String,
    pub door: ChatDoor,
    pub conversation: Option<SeekerConversation>,
    /// Their ended conversations at the stand still kept, the most recent first.
    pub earlier: Vec<EndedConversation>,
}

/// A job seeker's ended conversation at a stand, to read again (and report from).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndedConversation {
    pub id: i64,
    pub opened_at: i64,
    pub lines: Vec<ChatLine>,
}

/// A conversation in a stand's lists, for its company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatSummary {
    pub id: i64,
    pub seeker_name: String,
    pub opened_at: i64,
    /// Who has it; empty while it waits.
    pub taken_by: String,
    pub mine: bool,
}

/// A stand's live conversations, for its company's representatives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandChats {
    pub stand_id: i64,
    pub company_name: String,
    pub fair_title: String,
    /// The fair runs: conversations may be taken and written to.
    pub live: bool,
    /// Waiting to be taken, oldest first.
    pub queue: Vec<ChatSummary>,
    /// Taken, by the reader or a colleague.
    pub taken: Vec<ChatSummary>,
    /// Ended and still kept, the most recent first: to follow up with the people met.
    pub ended: Vec<ChatSummary>,
}

/// One of the company's representatives, to hand a conversation to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    pub account_id: i64,
    pub name: String,
}

/// One conversation, for the stand's company's representatives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyConversation {
    pub id: i64,
    pub stand_id: i64,
    pub company_name: String,
    /// The job seeker's name, to talk to them as a person; never their email or profile.
    pub seeker_name: String,
    pub status: rules::ChatStatus,
    /// Who has it; empty while it waits.
    pub taken_by: String,
    /// Their account, for the forms that hand it on to say whom they saw with it.
    pub taken_by_id: Option<i64>,
    pub mine: bool,
    /// The fair runs: it may be taken, handed over and written to.
    pub live: bool,
    pub lines: Vec<ChatLine>,
    /// The other representatives it may be handed to.
    pub colleagues: Vec<Colleague>,
    /// The stand's interview slots free and ahead, which the reader may offer while they have
    /// the conversation (empty otherwise).
    pub offerable: Vec<OfferableSlot>,
}

/// An interview slot of the stand a representative may offer in a conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferableSlot {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub mode: crate::fairs::stands::slots::SlotMode,
    pub interviewer: String,
}

/// The chat part of a stand's page, for its reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StandChatPart {
    /// Nothing to say: the fair is not running, or the reader does not chat here.
    None,
    /// Signed out while the fair runs: signing in as a job seeker opens the chat.
    SignInFirst,
    /// A job seeker while the fair runs; `in_conversation` when they have one in force.
    Seeker { in_conversation: bool },
    /// The stand's company while the fair runs: how many wait to be taken.
    Company { waiting: usize },
    /// A job seeker when the fair is not running, who has ended conversations here still kept.
    Earlier,
}

/// Where a refused take, handover or ending is said, on the lists' and the chat's pages.
pub const CHATS_FIELD: &str = "stand-chats";
