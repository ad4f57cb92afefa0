//! Casework: what a counsellor keeps while following a person to a job — dated case notes, and
//! the outcome (hired, in formal or informal employment, or closed with a reason). Outcomes are
//! what the indicators count as placements.

pub mod api;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod pages;
pub mod section;
#[cfg(feature = "ssr")]
pub mod store;

use crate::i18n::Key;
use crate::vacancies::WorkingHours;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// Whether the job comes with a contract and social security (Peru's formal employment).
    Employment { Formal => "formal", Informal => "informal" }
);

coded_enum!(
    /// The monthly wage, in bands around the minimum wage (RMV, S/ 1,130 in 2025).
    WageBand {
        BelowMinimum => "below_minimum",
        MinimumTo1500 => "minimum_to_1500",
        From1500To2500 => "1500_to_2500",
        Over2500 => "over_2500",
    }
);

coded_enum!(
    /// Why following a person ended without a placement.
    ClosedReason {
        FoundWorkAlone => "found_work_alone",
        NoLongerLooking => "no_longer_looking",
        Moved => "moved",
        NoContact => "no_contact",
        Other => "other",
    }
);

impl Employment {
    pub fn label(self) -> Key {
        match self {
            Employment::Formal => Key::outcome_formal,
            Employment::Informal => Key::outcome_informal,
        }
    }
}

impl WageBand {
    pub fn label(self) -> Key {
        match self {
            WageBand::BelowMinimum => Key::wage_below_minimum,
            WageBand::MinimumTo1500 => Key::wage_minimum_to_1500,
            WageBand::From1500To2500 => Key::wage_1500_to_2500,
            WageBand::Over2500 => Key::wage_over_2500,
        }
    }
}

impl ClosedReason {
    pub fn label(self) -> Key {
        match self {
            ClosedReason::FoundWorkAlone => Key::closed_found_work_alone,
            ClosedReason::NoLongerLooking => Key::closed_no_longer_looking,
            ClosedReason::Moved => Key::closed_moved,
            ClosedReason::NoContact => Key::closed_no_contact,
            ClosedReason::Other => Key::closed_other,
        }
    }
}

/// A job found: what the indicators count as a placement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub employment: Employment,
    /// `yyyy-mm-dd`.
    pub started_on: String,
    pub employer: String,
    pub job_title: String,
    pub hours: WorkingHours,
    pub wage: WageBand,
}

/// How following a person ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Hired(Placement),
    Closed(ClosedReason),
}

/// An outcome as recorded, by whom and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedOutcome {
    pub outcome: Outcome,
    /// The application it came from, when it did.
    pub application_id: Option<i64>,
    pub recorded_by: String,
    pub at: i64,
}

/// One dated note in a person's case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseNote {
    pub author: String,
    pub body: String,
    pub at: i64,
}

/// Where a counsellor records an outcome: `?id=` names the person, `&postulacion=` the
/// application it came from (the form posts here too).
pub const OUTCOME_PATH: &str = "/personas/resultado";
/// Where a case note is posted: the person's page (the route; `seekers::seeker_path` makes an
/// address).
pub const CASE_NOTE_PATH: &str = "/persona/{id}";

pub fn outcome_path(seeker_id: i64, application_id: Option<i64>) -> String {
    match application_id {
        Some(application) => format!("{OUTCOME_PATH}?id={seeker_id}&postulacion={application}"),
        None => format!("{OUTCOME_PATH}?id={seeker_id}"),
    }
}

/// The longest case note.
pub const MAX_NOTE: usize = 4000;
/// The id of the case-note field on a person's page (its form posts to the page).
pub const NOTE_FIELD: &str = "case_note";
