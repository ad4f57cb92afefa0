//! The allow-lists of the interview templates' server functions, as `allowed.rs` has them for
//! the rest: the libraries, one template, and the libraries one writes into, for the staff who
//! work with them. The story's template is in the national library: every staff reader reads
//! it; the admin alone writes it; each copies it into their own library.

use super::allowed::Reader;

/// A library as pages name it, at `$at`.
macro_rules! library {
    ($at:literal) => {
        concat!($at, " ", $at, ".kind ", $at, ".name ")
    };
}
use Reader::*;

/// `(server function, its readers, form body, every field of its answer, space-separated)`, as
/// [`super::allowed::ANSWERS`].
pub const INTERVIEW_ANSWERS: &[(&str, &[Reader], &str, &str)] = &[
    (
        "/api/interviews/library",
        &[Employer, Counsellor, Admin],
        "",
        concat!(
            library!("shelves[].library"),
            "may_create shelves shelves[].templates shelves[].templates[].copied_from shelves[].templates[].id \
             shelves[].templates[].name shelves[].templates[].questions shelves[].templates[].sections \
             shelves[].templates[].skills shelves[].templates[].version "
        ),
    ),
    (
        "/api/interviews/template",
        &[Employer, Counsellor, Admin],
        "id={template}",
        concat!(
            library!("copy_into[].library"),
            library!("library"),
            "copied_from copy_into copy_into[].value current id in_use may_write name sections sections[].position \
             sections[].questions sections[].questions[].draft sections[].questions[].draft.adjustments \
             sections[].questions[].draft.easy_read sections[].questions[].draft.good_answer \
             sections[].questions[].draft.levels sections[].questions[].draft.question \
             sections[].questions[].position sections[].title skills version written_at "
        ),
    ),
    ("/api/interviews/own-libraries", &[Employer, Counsellor, Admin], "", concat!(library!("[].library"), "[].value ")),
    (
        "/api/interviews/vacancy-template",
        &[Employer, Counsellor],
        "vacancy={vacancy}",
        concat!(
            library!("attached.library"),
            library!("options[].library"),
            "attached attached.id attached.name attached.readable attached.version options options[].id \
             options[].name options[].readable options[].version vacancy_id "
        ),
    ),
    // The employer and the counsellor she lets act for her read the same record.
    (
        "/api/interviews/record",
        &[Employer, Counsellor],
        "application={application}",
        concat!(
            named!("names", "names[]"),
            "application_id asked_at candidate given needs saved_at sections sections[].position \
             sections[].questions sections[].questions[].draft sections[].questions[].draft.adjustments \
             sections[].questions[].draft.easy_read sections[].questions[].draft.good_answer \
             sections[].questions[].draft.levels sections[].questions[].draft.question \
             sections[].questions[].id sections[].questions[].note sections[].questions[].score \
             sections[].title summary template_name template_version vacancy_id vacancy_title version_id \
             writes "
        ),
    ),
    // The candidate: the questions without their guide, and the record in words once asked.
    (
        "/api/interviews/prepare",
        &[Person],
        "application={application}",
        "adjustments application_id company_name record record.Read record.Read.asked_at record.Read.given \
         record.Read.sections record.Read.sections[].answers record.Read.sections[].answers[].level \
         record.Read.sections[].answers[].level.Words record.Read.sections[].answers[].note \
         record.Read.sections[].answers[].question record.Read.sections[].title record.Read.summary sections \
         sections[].questions sections[].questions[].adjustments sections[].questions[].easy_read \
         sections[].questions[].question sections[].title vacancy_id vacancy_title ",
    ),
];
