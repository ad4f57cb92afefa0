//! The asynchronous stand: a job seeker leaves a question at a public stand — before the fair,
//! during it, or for some weeks after — and its company answers it later; the answer reaches
//! them by email (through the outbox) and on the stand's and the fair's pages.
//!
//! `api.rs` what the company's page reads; `handlers.rs` the form posts (server only);
//! `store.rs` the storage trait and its SQL. The rules are the stand's (`stands::rules`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod store;

use serde::{Deserialize, Serialize};

/// Where a job seeker's question posts (the form names the stand; it is on the stand's page).
pub const LEAVE_QUESTION_PATH: &str = "/ferias/stand/preguntar";
/// Where a stand's employers read and answer its questions: `?id=` names the stand.
pub const QUESTIONS_PATH: &str = "/ferias/stand/preguntas";
/// Where an answer posts (the form names the stand and the question).
pub const ANSWER_QUESTION_PATH: &str = "/ferias/stand/preguntas/responder";
/// The question's field on the stand's page.
pub const QUESTION_FIELD: &str = "question";
/// The longest question, and the longest answer.
pub const MAX_QUESTION_CHARS: usize = 1_000;
pub const MAX_ANSWER_CHARS: usize = 2_000;

pub fn questions_page(stand_id: i64) -> String {
    format!("{QUESTIONS_PATH}?id={stand_id}")
}

/// The field of the answer to question `id`: each question on the page has its own.
pub fn answer_field(id: i64) -> String {
    format!("answer-{id}")
}

/// A question as the person who left it follows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnQuestion {
    pub id: i64,
    pub stand_id: i64,
    pub company_name: String,
    pub question: String,
    pub asked_at: i64,
    /// Empty until the company answers.
    pub answer: String,
    pub answered_at: Option<i64>,
}

/// Whether the reader may leave a question at a stand, and if not, why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Asking {
    /// Signed out: signing in as a job seeker opens the form.
    SignInFirst,
    /// The form, open until `closes_at`.
    Open { closes_at: i64 },
    /// The reader has as many questions waiting here as one may.
    TooMany,
    /// The stand no longer takes questions.
    Closed,
    /// The reader does not leave questions here (not a job seeker).
    NotAsker,
}

/// The questions part of a stand's page, for its reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandQuestionsPart {
    /// The reader's own questions at this stand, oldest first.
    pub own: Vec<OwnQuestion>,
    pub asking: Asking,
    /// For the stand's employers: how many wait for an answer.
    pub unanswered: Option<usize>,
}
