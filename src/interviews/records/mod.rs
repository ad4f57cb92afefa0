//! A template in use: the one a vacancy's interviews follow (chosen by its employer or its
//! centre), each applicant's interview record — a score and a note per question, the
//! adjustments given and a summary, written by the vacancy's employers and read by the
//! candidate's counsellor — and the candidate's page to prepare from the questions and, once
//! they ask, to read the record in plain words.
//!
//! `api.rs` is what the pages read, `pages/` the pages, `handlers.rs` the form posts.

pub mod api;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod pages;

/// Where a vacancy's template is chosen (the form posts here, from the vacancy's page).
pub const VACANCY_TEMPLATE_PATH: &str = "/entrevistas/vacante";
/// An applicant's interview record: `?postulacion=`; a section's form posts here.
pub const RECORD_PATH: &str = "/entrevistas/registro";
/// Where the record's adjustments given and summary post.
pub const RECORD_SUMMARY_PATH: &str = "/entrevistas/registro/resumen";
/// The candidate's page to prepare for the interview and read its record: `?postulacion=`.
pub const PREPARE_PATH: &str = "/entrevistas/preparar";
/// Where the candidate asks to read the record.
pub const ASK_PATH: &str = "/entrevistas/preparar/pedir";

pub fn record_path(application: i64) -> String {
    format!("{RECORD_PATH}?postulacion={application}")
}

pub fn prepare_path(application: i64) -> String {
    format!("{PREPARE_PATH}?postulacion={application}")
}

/// The form fields of the record and the vacancy's template.
pub mod field {
    pub const APPLICATION: &str = "postulacion";
    pub const VACANCY: &str = "vacante";
    pub const TEMPLATE: &str = "plantilla";
    /// The template version the page showed.
    pub const VERSION: &str = "version";
    pub const SECTION: &str = "seccion";
    pub const GIVEN: &str = "given";
    pub const SUMMARY: &str = "summary";
    /// The record's sections, where a problem with the whole form is said.
    pub const SECTIONS: &str = "sections";

    /// The score of question `id` (a radio group).
    pub fn score(id: i64) -> String {
        format!("score-{id}")
    }

    pub fn note(id: i64) -> String {
        format!("note-{id}")
    }
}
