//! Vacancies: what a job is, the accommodations it offers, and the way it goes from an
//! employer's draft to a published vacancy a job seeker can find.

//!
//! What lives where: `mod.rs` a vacancy's types and paths; `pages/` one file per page;
//! `handlers/` the form posts and the video's endpoints (and `fields.rs`, reading the vacancy
//! form); `api.rs` the
//! server functions the pages read; `store.rs` the storage trait and its SQL; pure rules in
//! `workflow.rs` (who may move a vacancy where), `wording.rs` (fair-wording rules) and
//! `search.rs` (a search's terms and stems); `filter_count.rs` the one island of the search
//! page.

pub mod api;
#[cfg(feature = "ssr")]
pub mod fields;
mod filter_count;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod pages;
pub mod search;
#[cfg(feature = "ssr")]
pub mod store;
pub mod wording;
pub mod workflow;

/// Where employers and counsellors write a new vacancy (the form posts here too).
pub const NEW_VACANCY_PATH: &str = "/vacantes/nueva";
/// Where a vacancy's text is changed: `?id=` names it (the form posts here too).
pub const EDIT_VACANCY_PATH: &str = "/vacantes/editar";
/// Where the buttons that move a vacancy along its workflow post.
pub const VACANCY_STEP_PATH: &str = "/vacantes/estado";
/// An employer's vacancies, and a counsellor's centre's.
pub const MY_VACANCIES_PATH: &str = "/mis-vacantes";
/// Where the "report this vacancy" form posts.
pub const REPORT_VACANCY_PATH: &str = "/vacantes/reportar";
/// The first radio button of the report's reasons: where the error summary links to.
pub const REPORT_REASON_FIELD: &str = "reason-discrimination";
/// Where admins keep the accommodations list (the form posts here too).
pub const ACCOMMODATIONS_PATH: &str = "/ajustes";
/// The address parameter naming the entry whose names are being changed.
pub const EDIT_ACCOMMODATION: &str = "cambiar";
/// Where a counsellor marks a report as looked at.
pub const RESOLVE_REPORT_PATH: &str = "/vacantes/reportes/revisado";

/// Where an employer or counsellor attaches a vacancy's video: `?id=` names the vacancy (the
/// form posts here too).
pub const VACANCY_VIDEO_PATH: &str = "/vacantes/video";
/// Where the form that takes a vacancy's video away posts.
pub const REMOVE_VACANCY_VIDEO_PATH: &str = "/vacantes/video/quitar";
/// A vacancy's video file, read with byte ranges (the route; `vacancy_video_src` makes an address).
pub const VACANCY_VIDEO_FILE_PATH: &str = "/vacante/{id}/lsp";
/// A vacancy's captions (the route; `vacancy_captions_src` makes an address).
pub const VACANCY_CAPTIONS_FILE_PATH: &str = "/vacante/{id}/lsp.vtt";

/// The video of vacancy `id`; `version` makes each upload a new address.
pub fn vacancy_video_src(id: i64, version: i64) -> String {
    format!("/vacante/{id}/lsp?v={version}")
}

/// The captions of vacancy `id`'s video.
pub fn vacancy_captions_src(id: i64, version: i64) -> String {
    format!("/vacante/{id}/lsp.vtt?v={version}")
}

/// The page where vacancy `id`'s video is attached or changed.
pub fn vacancy_video_page(id: i64) -> String {
    format!("{VACANCY_VIDEO_PATH}?id={id}")
}

/// The form to apply: `?vacante=` names the vacancy, and `&persona=` the person a counsellor
/// applies for (the form posts here too). The applications feature answers it.
pub const APPLY_PATH: &str = "/postular";
/// The applicants to one vacancy: `?vacante=` names it. The employer's form that moves an
/// application along posts here too, so a note that is wrong comes back on this page. The
/// applications feature answers it.
pub const APPLICANTS_PATH: &str = "/postulantes";

pub fn apply_path(vacancy_id: i64, seeker_id: Option<i64>) -> String {
    apply_path_at(vacancy_id, seeker_id, None)
}

/// The stand of a fair a vacancy was reached from (in the vacancy's and the form's address):
/// an application made from there counts among the fair's outcomes.
pub const STAND_PARAM: &str = "stand";

/// The form to apply, reached from stand `stand` when given.
pub fn apply_path_at(vacancy_id: i64, seeker_id: Option<i64>, stand: Option<i64>) -> String {
    let mut path = format!("{APPLY_PATH}?vacante={vacancy_id}");
    if let Some(seeker) = seeker_id {
        path.push_str(&format!("&persona={seeker}"));
    }
    if let Some(stand) = stand {
        path.push_str(&format!("&{STAND_PARAM}={stand}"));
    }
    path
}

pub fn applicants_path(vacancy_id: i64) -> String {
    format!("{APPLICANTS_PATH}?vacante={vacancy_id}")
}

/// The page of one vacancy.
pub fn vacancy_path(id: i64) -> String {
    format!("/vacante/{id}")
}

/// The page of one vacancy, reached from stand `stand` of a fair.
pub fn vacancy_at_stand(id: i64, stand: i64) -> String {
    format!("/vacante/{id}?{STAND_PARAM}={stand}")
}

/// The edit form of one vacancy.
pub fn edit_vacancy_path(id: i64) -> String {
    format!("{EDIT_VACANCY_PATH}?id={id}")
}

use crate::i18n::Key;
use serde::{Deserialize, Serialize};

impl Modality {
    pub fn label(self) -> Key {
        match self {
            Modality::OnSite => Key::modality_on_site,
            Modality::Hybrid => Key::modality_hybrid,
            Modality::Remote => Key::modality_remote,
        }
    }
}

impl ContractType {
    pub fn label(self) -> Key {
        match self {
            ContractType::Indefinite => Key::contract_indefinite,
            ContractType::FixedTerm => Key::contract_fixed_term,
            ContractType::Internship => Key::contract_internship,
            ContractType::Service => Key::contract_service,
        }
    }
}

impl WorkingHours {
    pub fn label(self) -> Key {
        match self {
            WorkingHours::FullTime => Key::hours_full_time,
            WorkingHours::PartTime => Key::hours_part_time,
            WorkingHours::Flexible => Key::hours_flexible,
        }
    }
}

impl VacancyStatus {
    pub fn label(self) -> Key {
        match self {
            VacancyStatus::Draft => Key::status_draft,
            VacancyStatus::Submitted => Key::status_submitted,
            VacancyStatus::Returned => Key::status_returned,
            VacancyStatus::Published => Key::status_published,
            VacancyStatus::Closed => Key::status_closed,
        }
    }
}

coded_enum!(
    /// Where the work is done.
    Modality { OnSite => "on_site", Hybrid => "hybrid", Remote => "remote" }
);

coded_enum!(
    /// The kind of contract offered.
    ContractType {
        Indefinite => "indefinite",
        FixedTerm => "fixed_term",
        Internship => "internship",
        Service => "service",
    }
);

coded_enum!(
    /// How many hours the job takes.
    WorkingHours { FullTime => "full_time", PartTime => "part_time", Flexible => "flexible" }
);

coded_enum!(
    /// Where a vacancy is on its way to job seekers. Only `Published` ones can be found.
    VacancyStatus {
        Draft => "draft",
        Submitted => "submitted",
        Returned => "returned",
        Published => "published",
        Closed => "closed",
    }
);

impl workflow::Step {
    pub const ALL: [workflow::Step; 5] = [
        workflow::Step::Submit,
        workflow::Step::Publish,
        workflow::Step::Return,
        workflow::Step::Close,
        workflow::Step::Reopen,
    ];

    /// How the step is sent by its button.
    pub fn code(self) -> &'static str {
        match self {
            workflow::Step::Submit => "enviar",
            workflow::Step::Publish => "publicar",
            workflow::Step::Return => "devolver",
            workflow::Step::Close => "cerrar",
            workflow::Step::Reopen => "reabrir",
        }
    }

    pub fn from_code(code: &str) -> Option<workflow::Step> {
        workflow::Step::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The words on its button.
    pub fn label(self) -> Key {
        match self {
            workflow::Step::Submit => Key::step_submit,
            workflow::Step::Publish => Key::step_publish,
            workflow::Step::Return => Key::step_return,
            workflow::Step::Close => Key::step_close,
            workflow::Step::Reopen => Key::step_reopen,
        }
    }
}

coded_enum!(
    /// Why someone reports a published vacancy.
    ReportReason {
        Discrimination => "discrimination",
        Scam => "scam",
        FalseInformation => "false_information",
        Other => "other",
    }
);

impl ReportReason {
    pub fn label(self) -> Key {
        match self {
            ReportReason::Discrimination => Key::report_reason_discrimination,
            ReportReason::Scam => Key::report_reason_scam,
            ReportReason::FalseInformation => Key::report_reason_false,
            ReportReason::Other => Key::report_reason_other,
        }
    }
}

/// A report about a vacancy that no counsellor has looked at yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VacancyReport {
    pub id: i64,
    pub vacancy_id: i64,
    pub vacancy_title: String,
    pub reason: ReportReason,
    pub details: String,
    pub created_at: i64,
}

/// A report as the person who filed it downloads it with their data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiledReport {
    pub vacancy_id: i64,
    pub vacancy_title: String,
    pub reason: ReportReason,
    pub details: String,
    pub created_at: i64,
    /// When the vacancy's centre looked at it.
    pub resolved_at: Option<i64>,
}

/// One entry of the maintained accommodations list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accommodation {
    pub code: String,
    pub name_es: String,
    pub name_en: String,
}

impl Accommodation {
    /// A code for a new entry from its Spanish name: "Pausas activas" → "pausas_activas".
    pub fn code_from_name(name: &str) -> String {
        let folded: String = search::folded_words(name).join("_");
        folded.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').take(48).collect()
    }

    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Es => &self.name_es,
            crate::i18n::Lang::En => &self.name_en,
        }
    }
}

/// One entry of the accommodations list as the admins who keep it see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedAccommodation {
    pub entry: Accommodation,
    /// No longer offered; the vacancies that name it keep it.
    pub retired: bool,
    /// How many vacancies, of any status, name it.
    pub vacancies: i64,
}

/// A vacancy as an employer or counsellor writes it, already checked field by field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VacancyDraft {
    pub company_id: i64,
    pub centre_id: i64,
    pub title: String,
    /// A region slug.
    pub region: String,
    pub province: String,
    pub district: String,
    pub modality: Modality,
    pub contract: ContractType,
    pub hours: WorkingHours,
    /// Monthly salary range in soles; `None` means "to be agreed".
    pub salary: Option<(i64, i64)>,
    pub openings: i64,
    pub description: String,
    pub requirements: String,
    pub easy_read: String,
    pub workplace_access: String,
    pub interview: String,
    /// Accommodation codes from the maintained list.
    pub accommodations: Vec<String>,
    pub skills: Vec<String>,
    /// The end of the closing day in Lima, unix seconds.
    pub closes_at: i64,
}

/// A stored vacancy, with the names the pages show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vacancy {
    pub id: i64,
    pub draft: VacancyDraft,
    pub company_name: String,
    pub centre_name: String,
    pub status: VacancyStatus,
    pub review_comment: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

/// A vacancy in a list: enough to recognise it and act on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VacancySummary {
    pub id: i64,
    pub title: String,
    pub company_name: String,
    pub region: String,
    pub status: VacancyStatus,
    pub closes_at: i64,
    pub updated_at: i64,
}

/// One change of a vacancy's status, as its history shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VacancyEvent {
    pub at: i64,
    /// `None` when Senda itself made the change (the closing date, the demo data), or the
    /// account is gone.
    pub actor_name: Option<String>,
    pub from_status: Option<VacancyStatus>,
    pub to_status: VacancyStatus,
    pub comment: String,
}
