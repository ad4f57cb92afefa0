//! Form posts of a template in use: a vacancy's template chosen, a section of an interview
//! record saved, its adjustments given and summary saved, and the candidate's asking to read
//! it. Each checks on the server who may (the vacancy's managers; the vacancy's employers while
//! they may read the applicant; the candidate), and a refused form comes back with what was
//! typed and the problem on its field, nothing stored.

use super::api::reading::{candidate, kept, options, prepares};
use super::{field, prepare_path, record_path};
use crate::components::notice::Notice;
use crate::domain::{Actor, Role};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key, Lang};
use crate::interviews::handlers::again;
use crate::interviews::rules::{self, RecordReader};
use crate::interviews::store::{RecordSave, StoredAnswer, StoredRecord, StoredTemplate};
use crate::interviews::{Adjustment, MAX_NOTE_CHARS, MAX_SUMMARY_CHARS};
use crate::server::access::permits;
use crate::server::auth::now;
use crate::server::form_fields::{text, value, Fields};
use crate::server::forms::read;
use crate::server::mail::compose;
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use crate::vacancies::vacancy_path;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Chooses the template a vacancy's interviews follow, or takes it off (an empty choice), for
/// the vacancy's company's employers and its centre's counsellors.
pub async fn attach(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let vacancy = number(&fields, field::VACANCY)?;
    let page = vacancy_path(vacancy);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(&page)) };
    if !permits(&actor, &[Role::Employer, Role::Counsellor]) {
        return Err(AppError::Forbidden);
    }
    let facts = state.store.vacancy_facts(vacancy).await?.ok_or(AppError::NotFound)?;
    if !crate::vacancies::workflow::may_manage(&actor, &facts) {
        return Err(AppError::NotFound);
    }
    let template = match value(&fields, field::TEMPLATE) {
        "" => None,
        chosen => {
            let offered = options(state.store.as_ref(), &actor, facts.company_id).await?;
            match chosen.parse::<i64>().ok().filter(|id| offered.iter().any(|o| o.id == *id)) {
                Some(id) => Some(id),
                None => {
                    let mut errors = FieldErrors::default();
                    errors.push(field::TEMPLATE, t(ui.lang, Key::record_err_template));
                    return Ok(again(&state, parts, &page, &fields, errors).await);
                }
            }
        }
    };
    if !state.store.attach_template(vacancy, template, actor.account_id, now()).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(vacancy_id = vacancy, template_id = ?template, by = actor.account_id, "vacancy's interview template set");
    Ok(see_other(&format!("{}#interview-template", Notice::VacancyTemplateSet.on(&page))))
}

/// Saves the scores and notes of one section of an applicant's interview record (opening the
/// record on its first save), for an employer of the vacancy.
pub async fn save_section(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let interview = match interviewer(&state, request).await? {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    let Interviewing { ref fields, lang, ref version, application, .. } = interview;
    let position = number(fields, field::SECTION)?;
    let section = version.sections.iter().find(|s| s.position == position).ok_or(AppError::NotFound)?;
    let mut errors = FieldErrors::default();
    let mut answers = Vec::new();
    for question in &section.questions {
        let score_field = field::score(question.id);
        let score = rules::score(value(fields, &score_field)).unwrap_or_else(|_| {
            errors.push(&score_field, t(lang, Key::record_err_score));
            None
        });
        let note = text(lang, fields, &field::note(question.id), MAX_NOTE_CHARS, None, &mut errors);
        answers.push(StoredAnswer { question_id: question.id, score, note: note.unwrap_or_default() });
    }
    let first = section.questions.first().map_or_else(|| field::SECTIONS.to_string(), |q| field::score(q.id));
    if !errors.is_empty() {
        let Interviewing { parts, fields, .. } = interview;
        return Ok(again(&state, parts, &record_path(application), &fields, errors).await);
    }
    let part = Part { answers: &answers, adjustments: None, summary: None };
    saved(&state, interview, part, &first, &format!("section-{position}")).await
}

/// Saves the adjustments given at the interview and its summary.
pub async fn save_summary(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let interview = match interviewer(&state, request).await? {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    let Interviewing { ref fields, lang, application, .. } = interview;
    let mut errors = FieldErrors::default();
    let mut given = Vec::new();
    for (_, code) in fields.iter().filter(|(k, _)| k == field::GIVEN) {
        match Adjustment::from_code(code) {
            Some(adjustment) => given.push(adjustment),
            None => errors.push(field::GIVEN, t(lang, Key::template_err_adjustment)),
        }
    }
    let given: Vec<Adjustment> = Adjustment::ALL.iter().copied().filter(|a| given.contains(a)).collect();
    let summary = text(lang, fields, field::SUMMARY, MAX_SUMMARY_CHARS, None, &mut errors);
    let (Some(summary), true) = (summary, errors.is_empty()) else {
        let Interviewing { parts, fields, .. } = interview;
        return Ok(again(&state, parts, &record_path(application), &fields, errors).await);
    };
    let part = Part { answers: &[], adjustments: Some(&given), summary: Some(&summary) };
    saved(&state, interview, part, field::GIVEN, "summary").await
}

/// The candidate asks to read the record of their interview; the vacancy's employers are told
/// by mail, once.
pub async fn ask(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let application = number(&fields, field::APPLICATION)?;
    let page = prepare_path(application);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(&page)) };
    if !permits(&actor, &[Role::Seeker]) {
        return Err(AppError::Forbidden);
    }
    let found = prepares(state.store.as_ref(), &actor, application).await?;
    let record = state.store.interview_record(application).await?.ok_or(AppError::NotFound)?;
    let link = format!("{}{}", state.public_origin, record_path(application));
    let candidate = found.profile.personal.full_name.as_str();
    let mail: Vec<_> = state
        .store
        .vacancy_employers(found.application.vacancy_id)
        .await?
        .iter()
        .map(|(name, email)| {
            compose(
                ui.lang,
                email,
                Key::mail_record_asked_subject,
                Key::mail_record_asked_body,
                &[
                    ("name", name),
                    ("candidate", candidate),
                    ("title", &found.application.vacancy_title),
                    ("link", &link),
                ],
            )
        })
        .collect();
    if state.store.ask_to_read_record(record.id, &mail, now()).await? {
        tracing::info!(record_id = record.id, "candidate asked to read an interview record");
        if !mail.is_empty() {
            state.outbox.queued();
        }
    }
    Ok(see_other(&format!("{}#record", Notice::RecordAsked.on(&page))))
}

/// A form post about an interview record, from an employer of the vacancy who may still read
/// the applicant.
struct Interviewing {
    parts: axum::http::request::Parts,
    fields: Vec<(String, String)>,
    lang: Lang,
    application: i64,
    by: i64,
    /// The record, once its first save opened it.
    record: Option<StoredRecord>,
    /// The template version the form was made from: the record's, or before its first save the
    /// current version of the vacancy's template.
    version: StoredTemplate,
}

/// Reads a post about an interview record and checks its sender writes it: `Ok(Err(answer))`
/// is the answer for someone signed out, or for a form made from another version than the
/// record keeps (`409`, what was typed kept); an employer of another company, or one the
/// candidate no longer lets read them, is told it does not exist; anyone else who is not an
/// employer is `Forbidden`.
async fn interviewer(state: &AppState, request: Request) -> Result<Result<Interviewing, Response>, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let application = number(&fields, field::APPLICATION)?;
    let page = record_path(application);
    let Some(actor): Option<Actor> = ui.actor.clone() else {
        return Ok(Err(plain_page::sign_in_first(&page)));
    };
    if !permits(&actor, &[Role::Employer]) {
        return Err(AppError::Forbidden);
    }
    let found = candidate(state.store.as_ref(), application).await?;
    if found.reader(&actor) != Some(RecordReader::Employer) || !found.employer_reads(state.applicant_kept_secs) {
        return Err(AppError::NotFound);
    }
    let (record, version) = kept(state.store.as_ref(), &found.application).await?;
    if value(&fields, field::VERSION) != version.version_id.to_string() {
        return Ok(Err(conflict(state, parts, &fields, field::SECTIONS, Key::record_err_version).await));
    }
    let by = actor.account_id;
    Ok(Ok(Interviewing { parts, fields, lang: ui.lang, application, by, record, version }))
}

/// What one form saves of a record.
struct Part<'a> {
    answers: &'a [StoredAnswer],
    adjustments: Option<&'a [Adjustment]>,
    summary: Option<&'a str>,
}

/// Stores `part` — opening the record first if this is its first save, against the version the
/// form showed — and goes back to the record at `anchor`. A record gone meanwhile, one opened
/// meanwhile with another version, or a question no longer in it comes back with what was typed
/// (`409`), the problem on `first`.
async fn saved(
    state: &AppState,
    interview: Interviewing,
    part: Part<'_>,
    first: &str,
    anchor: &str,
) -> Result<Response, AppError> {
    let Interviewing { parts, fields, application, by, record, version, .. } = interview;
    let record_id = match record {
        Some(record) => record.id,
        None => {
            let id = state.store.open_record(application, by, now()).await?.ok_or(AppError::NotFound)?;
            let opened = state.store.interview_record(application).await?.ok_or(AppError::NotFound)?;
            if opened.version_id != version.version_id {
                return Ok(conflict(state, parts, &fields, field::SECTIONS, Key::record_err_version).await);
            }
            tracing::info!(application_id = application, by, "interview record opened");
            id
        }
    };
    let save = RecordSave { record_id, answers: part.answers, adjustments: part.adjustments, summary: part.summary };
    if state.store.save_record(&save, now()).await? {
        return Ok(see_other(&format!("{}#{anchor}", Notice::RecordSaved.on(&record_path(application)))));
    }
    Ok(conflict(state, parts, &fields, first, Key::record_err_gone).await)
}

/// The record's page again with what was typed and `why` on `first`, as a conflict.
async fn conflict(
    state: &AppState,
    parts: axum::http::request::Parts,
    fields: &Fields,
    first: &str,
    why: Key,
) -> Response {
    let lang = Ui::from_request(&parts).lang;
    let page = record_path(value(fields, field::APPLICATION).parse().unwrap_or_default());
    let mut errors = FieldErrors::default();
    errors.push(first, t(lang, why));
    let mut response = again(state, parts, &page, fields, errors).await;
    *response.status_mut() = StatusCode::CONFLICT;
    response.into_response()
}

/// A record's or vacancy's number from the form; anything else is a tampered form.
fn number(fields: &Fields, name: &str) -> Result<i64, AppError> {
    value(fields, name).parse::<i64>().map_err(|_| AppError::NotFound)
}
