//! Registering for a fair, with the accommodations a person needs there: a job seeker
//! registers (or their counsellor registers them), within the fair's capacity and before its
//! registration closes, and asks for what they need — an LSP interpreter, live captions, extra
//! time, breaks, step-free access, a companion, materials in easy read, or something else in
//! their words. Each request goes to the organiser, who answers it by a deadline: arranged, or
//! not possible saying why.
//!
//! `mod.rs` the addresses and what the pages read; `rules.rs` who may register, when, and
//! when an answer is due or late (pure); `api.rs` the server functions of the person's page,
//! the organiser's list and the fairs on a person's profile for their counsellor
//! (`section.rs`); `handlers.rs` the form posts (server only); `store.rs` the storage trait and
//! its SQL.

pub mod api;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod rules;
pub mod section;
#[cfg(feature = "ssr")]
pub mod store;

use crate::i18n::Key;
use serde::{Deserialize, Serialize};

/// A person's registration for a fair: `?id=` names the fair. The form registers by posting
/// here too.
pub const REGISTRATION_PATH: &str = "/ferias/inscripcion";
/// Where cancelling a registration posts (the form names the fair).
pub const CANCEL_REGISTRATION_PATH: &str = "/ferias/inscripcion/cancelar";
/// The organiser's list of who registered and what they asked for: `?id=` names the fair.
pub const REGISTRATIONS_PATH: &str = "/ferias/inscritos";
/// Where the organiser's answer to one request posts (the form names it).
pub const ANSWER_NEED_PATH: &str = "/ferias/inscritos/responder";
/// The check boxes of the accommodations asked for.
pub const NEED_FIELD: &str = "need";
/// What else the person needs, in their words.
pub const OTHER_FIELD: &str = "other";
/// The register's person a counsellor registers (in the page's address and the forms); absent
/// when people register themselves.
pub const PERSON_PARAM: &str = "persona";
/// Where a registration refused as a whole (closed, full) is said.
pub const REGISTER_FIELD: &str = "register";
/// The longest "something else", and the longest answer of the organiser.
pub const MAX_OTHER_CHARS: usize = 500;
pub const MAX_NEED_ANSWER_CHARS: usize = 1_000;

pub fn registration_page(fair_id: i64) -> String {
    format!("{REGISTRATION_PATH}?id={fair_id}")
}

/// The registration for fair `fair_id` of person `seeker_id`, as their counsellor makes it.
pub fn registration_page_for(fair_id: i64, seeker_id: i64) -> String {
    format!("{REGISTRATION_PATH}?id={fair_id}&{PERSON_PARAM}={seeker_id}")
}

pub fn registrations_page(fair_id: i64) -> String {
    format!("{REGISTRATIONS_PATH}?id={fair_id}")
}

/// The radio buttons of the organiser's answer to request `need` of registration `id`.
pub fn answer_to_field(id: i64, need: FairNeed) -> String {
    format!("to-{id}-{}", need.code())
}

/// The words of that answer (why, when it is not possible).
pub fn answer_words_field(id: i64, need: FairNeed) -> String {
    format!("why-{id}-{}", need.code())
}

coded_enum!(
    /// An accommodation a person may ask for at a fair.
    FairNeed {
        LspInterpreter => "lsp_interpreter",
        LiveCaptions => "live_captions",
        ExtraTime => "extra_time",
        Breaks => "breaks",
        StepFree => "step_free",
        Companion => "companion",
        EasyRead => "easy_read",
        /// Something else, said in the person's words.
        Other => "other",
    }
);

coded_enum!(
    /// Where an accommodation request stands.
    NeedStatus { Asked => "asked", Arranged => "arranged", NotPossible => "not_possible" }
);

coded_enum!(
    /// Whether a registration is in force.
    RegistrationStatus { Registered => "registered", Cancelled => "cancelled" }
);

impl FairNeed {
    pub fn label(self) -> Key {
        match self {
            FairNeed::LspInterpreter => Key::fair_need_lsp_interpreter,
            FairNeed::LiveCaptions => Key::fair_need_live_captions,
            FairNeed::ExtraTime => Key::fair_need_extra_time,
            FairNeed::Breaks => Key::fair_need_breaks,
            FairNeed::StepFree => Key::fair_need_step_free,
            FairNeed::Companion => Key::fair_need_companion,
            FairNeed::EasyRead => Key::fair_need_easy_read,
            FairNeed::Other => Key::fair_need_other,
        }
    }

    /// The fair's counterpart of an accommodation a profile names for interviews, where there
    /// is one: what registering starts from.
    pub fn of_profile_need(code: &str) -> Option<FairNeed> {
        match code {
            "sign_interpreter_interview" | "sign_interpreter_work" => Some(FairNeed::LspInterpreter),
            "step_free_access" => Some(FairNeed::StepFree),
            "easy_read_materials" => Some(FairNeed::EasyRead),
            "job_coach" => Some(FairNeed::Companion),
            _ => None,
        }
    }
}

impl NeedStatus {
    pub fn label(self) -> Key {
        match self {
            NeedStatus::Asked => Key::fair_need_status_asked,
            NeedStatus::Arranged => Key::fair_need_status_arranged,
            NeedStatus::NotPossible => Key::fair_need_status_not_possible,
        }
    }
}

/// One accommodation request with where it stands, as the person who asked and the organiser
/// who answers both read it: nothing in it is more than the two of them share.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedView {
    pub need: FairNeed,
    /// In the person's words (always, for "something else").
    pub details: String,
    pub status: NeedStatus,
    /// The organiser's words: why it is not possible, or a note on how it is arranged.
    pub answer: String,
    pub due_at: i64,
    /// Still unanswered after it was due.
    pub late: bool,
}

/// A registration as its person reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnRegistration {
    pub registered_at: i64,
    /// Their counsellor registered them.
    pub by_counsellor: bool,
    pub needs: Vec<NeedView>,
    /// The fair is not over: cancelling frees the place.
    pub may_cancel: bool,
    /// The person's interviews at the fair, soonest first: for the person alone (a counsellor
    /// reading for them gets none: the rooms are the person's).
    pub interviews: Vec<crate::fairs::stands::slots::api::OwnInterview>,
}

/// Where the reader stands with a fair's registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Joining {
    /// The form, ticked with what the person's profile says they need at interviews (and
    /// the rest of it, named, in "something else").
    Open {
        needs: Vec<FairNeed>,
        other: Vec<crate::vacancies::Accommodation>,
    },
    Registered(OwnRegistration),
    /// Every place is taken.
    Full,
    /// Registration is closed, or the fair is over or cancelled.
    Closed,
    /// The person a counsellor would register has no account yet: they need one to take part.
    NoAccount,
}

/// The person a counsellor registers, whom they act for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisteredFor {
    pub seeker_id: i64,
    pub name: String,
}

/// A person's registration page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationView {
    pub fair_id: i64,
    pub fair_title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub registration_closes_at: i64,
    pub places_left: i64,
    pub joining: Joining,
    /// Whom a counsellor registers; `None` when it is the reader's own registration.
    pub person: Option<RegisteredFor>,
}

/// A registered person as the fair's organiser reads them: their name and what they asked for,
/// never their contact details (the answers reach them by email from Senda).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registrant {
    pub registration_id: i64,
    pub name: String,
    pub registered_at: i64,
    pub by_counsellor: bool,
    pub needs: Vec<NeedView>,
    /// When the organiser marked that the person came.
    pub attended_at: Option<i64>,
}

/// The organiser's list of a fair's registrations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FairRegistrations {
    pub fair_id: i64,
    pub fair_title: String,
    pub starts_at: i64,
    pub capacity: i64,
    /// The fair has begun (or is over): who came may be marked.
    pub marks_attendance: bool,
    /// By name.
    pub people: Vec<Registrant>,
}

/// A fair ahead as a person's counsellor sees it on the person's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeekerFair {
    pub fair_id: i64,
    pub title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    /// The person is registered for it.
    pub registered: bool,
}

/// The fairs on a person's page, for a counsellor they let act for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeekerFairs {
    pub seeker_id: i64,
    /// The person has an account: they may be registered (one takes part signed in).
    pub has_account: bool,
    /// Those the person is registered for, and those still taking registrations; soonest first.
    pub fairs: Vec<SeekerFair>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_s_interview_needs_become_the_fair_s_where_they_match() {
        assert_eq!(FairNeed::of_profile_need("sign_interpreter_interview"), Some(FairNeed::LspInterpreter));
        assert_eq!(FairNeed::of_profile_need("sign_interpreter_work"), Some(FairNeed::LspInterpreter));
        assert_eq!(FairNeed::of_profile_need("step_free_access"), Some(FairNeed::StepFree));
        assert_eq!(FairNeed::of_profile_need("easy_read_materials"), Some(FairNeed::EasyRead));
        assert_eq!(FairNeed::of_profile_need("job_coach"), Some(FairNeed::Companion));
        assert_eq!(FairNeed::of_profile_need("accessible_toilet"), None, "said in words instead");
    }
}
