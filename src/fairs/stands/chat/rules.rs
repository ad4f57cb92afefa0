//! The pure rules of a stand's live chat: what a message may be, where a conversation stands,
//! who may report which message, and a waiting person's place in the stand's queue.

use crate::fairs::rules::Phase;
use crate::fairs::stands::StandStatus;
use serde::{Deserialize, Serialize};

/// The longest message, in characters: a few sentences, read aloud in well under a minute.
pub const MAX_MESSAGE_CHARS: usize = 1_000;

/// Where a conversation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChatStatus {
    /// In the stand's queue: no representative has taken it yet.
    Waiting,
    /// A representative has it.
    Open,
    /// Ended, by either side (or by a block).
    Closed,
}

impl ChatStatus {
    pub fn code(self) -> &'static str {
        match self {
            ChatStatus::Waiting => "waiting",
            ChatStatus::Open => "open",
            ChatStatus::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<ChatStatus> {
        [ChatStatus::Waiting, ChatStatus::Open, ChatStatus::Closed].into_iter().find(|s| s.code() == code)
    }
}

/// Why a person cannot start or go on chatting at a stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChatRefusal {
    /// The stand is not accepted, or its fair is not running now: questions are left instead.
    NotLive,
    /// The company no longer chats with this person at this stand.
    Blocked,
}

/// The two sides of a conversation: its job seeker, and the stand's company (any of its
/// representatives).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChatSide {
    Seeker,
    Company,
}

impl ChatSide {
    /// Whether this side wrote a message (`from_company` as stored).
    pub fn wrote(self, from_company: bool) -> bool {
        from_company == (self == ChatSide::Company)
    }

    /// Whether this side may report a message: only the other side's.
    pub fn may_report(self, from_company: bool) -> bool {
        !self.wrote(from_company)
    }
}

/// What is wrong with a message as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageProblem {
    Empty,
    TooLong,
}

/// The message as stored (ends trimmed), or what is wrong with it.
pub fn message(text: &str) -> Result<String, MessageProblem> {
    let text = text.trim();
    if text.is_empty() {
        Err(MessageProblem::Empty)
    } else if text.chars().count() > MAX_MESSAGE_CHARS {
        Err(MessageProblem::TooLong)
    } else {
        Ok(text.to_string())
    }
}

/// Whether people chat at a stand now: it is accepted and its fair is running.
pub fn is_live(stand: StandStatus, fair: Phase) -> bool {
    stand == StandStatus::Accepted && fair == Phase::Running
}

/// Whether a representative may offer a slot of their live stand starting at `starts_at` in a
/// conversation at `now`: nobody has booked it and it may still be booked (the store checks
/// both again as it stores the offer).
pub fn offerable(starts_at: i64, booked: bool, now: i64) -> bool {
    !booked && crate::fairs::stands::slots::rules::bookable(starts_at, true, true, now)
}

/// A conversation's place in its stand's queue (1 is next), given how many wait ahead of it;
/// `None` once it is taken or over.
pub fn queue_place(status: ChatStatus, ahead: i64) -> Option<usize> {
    (status == ChatStatus::Waiting).then(|| usize::try_from(ahead).unwrap_or(0) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_free_slot_still_ahead_is_offered() {
        assert!(offerable(1_000, false, 999));
        assert!(!offerable(1_000, true, 999), "booked by someone");
        assert!(!offerable(1_000, false, 1_000), "started");
        assert!(!offerable(1_000, false, 2_000), "over");
    }

    #[test]
    fn a_message_is_trimmed_and_neither_empty_nor_too_long() {
        assert_eq!(message("  ¿Hay turnos de tarde?\n"), Ok("¿Hay turnos de tarde?".to_string()));
        assert_eq!(message(" \n\t "), Err(MessageProblem::Empty));
        assert_eq!(message(&"ñ".repeat(MAX_MESSAGE_CHARS)).map(|m| m.chars().count()), Ok(MAX_MESSAGE_CHARS));
        assert_eq!(message(&"ñ".repeat(MAX_MESSAGE_CHARS + 1)), Err(MessageProblem::TooLong));
        // Markup is text like any other: it is shown as typed, never read as markup.
        assert_eq!(message("<b>hola</b>"), Ok("<b>hola</b>".to_string()));
    }

    #[test]
    fn only_a_waiting_conversation_has_a_place_in_the_queue() {
        assert_eq!(queue_place(ChatStatus::Waiting, 0), Some(1), "next");
        assert_eq!(queue_place(ChatStatus::Waiting, 2), Some(3));
        assert_eq!(queue_place(ChatStatus::Open, 0), None, "taken");
        assert_eq!(queue_place(ChatStatus::Closed, 0), None, "over");
    }

    #[test]
    fn people_chat_only_at_an_accepted_stand_while_its_fair_runs() {
        assert!(is_live(StandStatus::Accepted, Phase::Running));
        for phase in [Phase::Draft, Phase::Upcoming, Phase::Finished, Phase::Cancelled] {
            assert!(!is_live(StandStatus::Accepted, phase), "{phase:?}");
        }
        for stand in [StandStatus::Asked, StandStatus::Declined, StandStatus::Withdrawn] {
            assert!(!is_live(stand, Phase::Running), "{stand:?}");
        }
    }

    #[test]
    fn each_side_reports_only_the_other_sides_messages() {
        assert!(ChatSide::Seeker.may_report(true) && !ChatSide::Seeker.may_report(false));
        assert!(ChatSide::Company.may_report(false) && !ChatSide::Company.may_report(true));
    }

    #[test]
    fn statuses_read_back_from_their_codes() {
        for status in [ChatStatus::Waiting, ChatStatus::Open, ChatStatus::Closed] {
            assert_eq!(ChatStatus::from_code(status.code()), Some(status));
        }
        assert_eq!(ChatStatus::from_code("lost"), None);
    }
}
