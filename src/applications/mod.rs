//! Applications: a job seeker (or their counsellor, for them) applies to a published vacancy
//! with their profile, a message and the accommodations they want at the interview; the
//! employer moves the application along its statuses, and the person reads each change in
//! plain words.
//!
//! What lives where: `mod.rs` an application's types and paths; `pages/` one file per page;
//! `card.rs` one application as a card; `section.rs` a person's applications on their profile
//! page; `handlers.rs` the form posts; `api.rs` the server functions, each answering a view
//! made for its viewer; `store.rs` the storage trait and its SQL; `workflow.rs` the pure rules
//! of who may move an application where.

pub mod api;
pub mod card;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod pages;
pub mod section;
#[cfg(feature = "ssr")]
pub mod store;
pub mod workflow;

use crate::i18n::Key;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// Where an application stands. `Hired`, `NotSelected` and `Withdrawn` are final.
    ApplicationStatus {
        Submitted => "submitted",
        Seen => "seen",
        Interview => "interview",
        Offer => "offer",
        Hired => "hired",
        NotSelected => "not_selected",
        Withdrawn => "withdrawn",
    }
);

impl ApplicationStatus {
    /// The status's name, as in a list.
    pub fn label(self) -> Key {
        match self {
            ApplicationStatus::Submitted => Key::application_submitted,
            ApplicationStatus::Seen => Key::application_seen,
            ApplicationStatus::Interview => Key::application_interview,
            ApplicationStatus::Offer => Key::application_offer,
            ApplicationStatus::Hired => Key::application_hired,
            ApplicationStatus::NotSelected => Key::application_not_selected,
            ApplicationStatus::Withdrawn => Key::application_withdrawn,
        }
    }

    /// What it means for the person who applied, in a plain sentence.
    pub fn meaning(self) -> Key {
        match self {
            ApplicationStatus::Submitted => Key::application_meaning_submitted,
            ApplicationStatus::Seen => Key::application_meaning_seen,
            ApplicationStatus::Interview => Key::application_meaning_interview,
            ApplicationStatus::Offer => Key::application_meaning_offer,
            ApplicationStatus::Hired => Key::application_meaning_hired,
            ApplicationStatus::NotSelected => Key::application_meaning_not_selected,
            ApplicationStatus::Withdrawn => Key::application_meaning_withdrawn,
        }
    }

    pub fn is_final(self) -> bool {
        matches!(self, ApplicationStatus::Hired | ApplicationStatus::NotSelected | ApplicationStatus::Withdrawn)
    }
}

coded_enum!(
    /// On whose side the person who changed an application stands.
    Side {
        /// The person who applied.
        Applicant => "applicant",
        /// Their counsellor, acting for them.
        Counsellor => "counsellor",
        /// The employer, or the vacancy's centre on its behalf.
        Employer => "employer",
    }
);

impl From<crate::seekers::visibility::Acting> for Side {
    fn from(acting: crate::seekers::visibility::Acting) -> Side {
        match acting {
            crate::seekers::visibility::Acting::Themselves => Side::Applicant,
            crate::seekers::visibility::Acting::Counsellor => Side::Counsellor,
        }
    }
}

/// One change of an application's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationEvent {
    pub status: ApplicationStatus,
    pub side: Side,
    /// A note for the person who applied (the employer's, on a change they made).
    pub note: String,
    pub at: i64,
}

/// An application as its readers see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub id: i64,
    pub vacancy_id: i64,
    pub vacancy_title: String,
    pub company_name: String,
    /// `None` once the person deleted their profile: the employer keeps only that they
    /// withdrew.
    pub seeker_id: Option<i64>,
    pub status: ApplicationStatus,
    pub message: String,
    /// Codes of the accommodations wanted at the interview.
    pub needs_at_interview: Vec<String>,
    /// Whether the person chose to tell the employer the kind of their disability.
    pub disclose: bool,
    /// The counsellor who applied for the person, when one did.
    pub applied_by_counsellor: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Oldest first; the first is the application itself.
    pub events: Vec<ApplicationEvent>,
}

/// One application as the person's side reads it — the person on their list, or their
/// centre's counsellor on the person's page: what the card shows, made for them rather than
/// the stored application with parts taken out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonsApplication {
    pub id: i64,
    pub vacancy_id: i64,
    pub vacancy_title: String,
    pub company_name: String,
    pub status: ApplicationStatus,
    /// The counsellor who applied for the person, when one did.
    pub applied_by_counsellor: Option<String>,
    pub created_at: i64,
    /// Oldest first; the first is the application itself.
    pub events: Vec<ApplicationEvent>,
    /// What the person asked for with it, which is disability data: `None` for a reader the
    /// person has not let see that.
    pub asked: Option<Asked>,
    /// The person was called to an interview that follows a template: the person prepares from
    /// it, the counsellor they let act for them reads its record.
    pub interview_guide: bool,
}

/// What a person asked for with an application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked {
    /// Codes of the accommodations wanted at the interview.
    pub needs_at_interview: Vec<String>,
    /// Whether they chose to tell the employer the kind of their disability.
    pub disclose: bool,
}

impl PersonsApplication {
    /// `application` for a reader on the person's side; `sees_asked` when they may see what
    /// was asked for, `interview_guide` when its interview's template is theirs to use.
    pub fn of(application: Application, sees_asked: bool, interview_guide: bool) -> PersonsApplication {
        PersonsApplication {
            interview_guide,
            asked: sees_asked.then_some(Asked {
                needs_at_interview: application.needs_at_interview,
                disclose: application.disclose,
            }),
            id: application.id,
            vacancy_id: application.vacancy_id,
            vacancy_title: application.vacancy_title,
            company_name: application.company_name,
            status: application.status,
            applied_by_counsellor: application.applied_by_counsellor,
            created_at: application.created_at,
            events: application.events,
        }
    }
}

impl Application {
    /// Where it stands for the employer's sight of the person: open, decided when its last
    /// change was, or withdrawn.
    pub fn stage(&self) -> crate::seekers::visibility::ApplicationStage {
        use crate::seekers::visibility::ApplicationStage;
        match self.status {
            ApplicationStatus::Withdrawn => ApplicationStage::Withdrawn,
            ApplicationStatus::Hired | ApplicationStatus::NotSelected => {
                ApplicationStage::Decided { at: self.events.last().map_or(self.updated_at, |event| event.at) }
            }
            _ => ApplicationStage::Open,
        }
    }
}

/// A job seeker's applications.
pub const MY_APPLICATIONS_PATH: &str = "/mis-postulaciones";
/// Where a person (or their counsellor) withdraws an application.
pub const WITHDRAW_PATH: &str = "/postulaciones/retirar";
/// Applying to a vacancy and reading its applicants are pages of a vacancy, which the
/// vacancies feature links to; their addresses live there and this feature answers them.
pub use crate::vacancies::{applicants_path, apply_path, apply_path_at, APPLICANTS_PATH, APPLY_PATH};

/// The longest message an applicant may write.
pub const MAX_MESSAGE: usize = 2000;
/// The longest note an employer may add to a change.
pub const MAX_NOTE: usize = 1000;
