//! What a fair came to: who registered, who came (marked at the door by the organiser, or
//! seen at a stand's chat or at an interview), who talked with a stand, booked an interview and
//! had it, applied from a stand, and — from the applications' and casework's own records — who
//! was called to interview, offered a job and hired from those applications. Counted in people,
//! broken down by sex, disability type (only of people whose consent to statistics is in force)
//! and region, with every small group protected (`domain::small_counts`). The organisers read a
//! whole fair; a company reads its own stand.
//!
//! `rules.rs` the tallies (pure); `api.rs` what the pages read; `handlers.rs` the organiser's
//! attendance mark and the interviewer's "did not come" (server only); `store.rs` the storage.

pub mod api;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;

use crate::domain::small_counts::Shown;
use crate::i18n::Key;
use crate::seekers::Sex;
use serde::{Deserialize, Serialize};

/// A fair's outcomes, for its organisers: `?id=` names the fair.
pub const FAIR_OUTCOMES_PATH: &str = "/ferias/resultados";
/// A stand's outcomes, for its company: `?id=` names the stand.
pub const STAND_OUTCOMES_PATH: &str = "/ferias/stand/resultados";
/// Where the organiser marks whether a registered person came (the form names the fair and
/// the registration); it goes back to the list of registrations.
pub const ATTENDANCE_PATH: &str = "/ferias/inscritos/asistencia";
/// The value of the attendance form's `came` that marks the person as come; any other takes
/// the mark away.
pub const CAME: &str = "si";

/// The registrations list's entry of registration `id`, where marking it comes back to.
pub fn attendance_anchor(registration_id: i64) -> String {
    format!("asistencia-{registration_id}")
}

pub fn fair_outcomes_page(fair_id: i64) -> String {
    format!("{FAIR_OUTCOMES_PATH}?id={fair_id}")
}

pub fn stand_outcomes_page(stand_id: i64) -> String {
    format!("{STAND_OUTCOMES_PATH}?id={stand_id}")
}

coded_enum!(
    /// What a person did at a fair: each is counted once per person.
    Measure {
        Registered => "registered",
        /// Marked at the door, or seen at a stand's chat or at an interview.
        Attended => "attended",
        Chatted => "chatted",
        Booked => "booked",
        /// A booked interview whose time has passed, the interviewer not saying they did not come.
        Interviewed => "interviewed",
        Applied => "applied",
        /// Called to interview by the employer, on an application made at the fair.
        CalledToInterview => "interview",
        Offered => "offer",
        Hired => "hired",
    }
);

impl Measure {
    /// What a fair's organisers read.
    pub const OF_FAIR: &'static [Measure] = Measure::ALL;
    /// What a company reads of its stand: its visitors, not the fair's.
    pub const OF_STAND: &'static [Measure] = &[
        Measure::Chatted,
        Measure::Booked,
        Measure::Interviewed,
        Measure::Applied,
        Measure::CalledToInterview,
        Measure::Offered,
        Measure::Hired,
    ];

    pub fn label(self) -> Key {
        match self {
            Measure::Registered => Key::outcome_registered,
            Measure::Attended => Key::outcome_attended,
            Measure::Chatted => Key::outcome_chatted,
            Measure::Booked => Key::outcome_booked,
            Measure::Interviewed => Key::outcome_interviewed,
            Measure::Applied => Key::outcome_applied,
            Measure::CalledToInterview => Key::outcome_called,
            Measure::Offered => Key::outcome_offered,
            Measure::Hired => Key::outcome_hired,
        }
    }
}

/// A group of people a table's row counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Group {
    Sex(Sex),
    /// A disability type, named in both languages; people with more than one are counted as
    /// "multiple".
    Disability {
        name_es: String,
        name_en: String,
    },
    /// People whose consent to statistics is not in force: their disability is not counted.
    WithoutStatisticsConsent,
    /// A region's slug.
    Region(String),
    /// No record of it: no profile in the register (or no longer), or no disability recorded.
    NotRecorded,
}

/// One row: a group's count for each measure, in the measures' order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeRow {
    pub group: Group,
    pub counts: Vec<Shown>,
}

/// Counts that are not of people: conversations, interviews offered, booked and held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub conversations: Shown,
    pub slots_published: Shown,
    pub slots_booked: Shown,
    pub slots_held: Shown,
}

/// A fair's or a stand's outcomes, every count already protected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcomes {
    pub fair_id: i64,
    pub fair_title: String,
    /// The stand's company, when a company reads its stand's.
    pub company: Option<String>,
    /// The fair is over: the figures may still grow as applications move on.
    pub over: bool,
    /// The columns.
    pub measures: Vec<Measure>,
    /// Everyone, per measure.
    pub totals: Vec<Shown>,
    pub by_sex: Vec<OutcomeRow>,
    pub by_disability: Vec<OutcomeRow>,
    pub by_region: Vec<OutcomeRow>,
    pub activity: Activity,
}
