//! The form endpoints of casework: a case note (posted to the person's page), and an outcome.

use super::{ClosedReason, Employment, Outcome, Placement, WageBand, MAX_NOTE, NOTE_FIELD};
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key};
use crate::seekers::seeker_path;
use crate::server::auth::now;
use crate::server::form_fields::{choice, text, value};
use crate::server::forms::{kept, read, render_again};
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use crate::vacancies::WorkingHours;
use axum::extract::{Request, State};
use axum::response::Response;

/// A counsellor of the person's centre adds a note to their case.
pub async fn add_note(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let actor = ui.actor.clone().ok_or(AppError::Unauthorized)?;
    let id = ui.path.strip_prefix("/persona/").and_then(|id| id.parse::<i64>().ok()).ok_or(AppError::NotFound)?;
    let store = state.store.as_ref();
    crate::seekers::api::follows(store, &actor, id).await?;
    let mut errors = FieldErrors::default();
    let body = text(ui.lang, &fields, NOTE_FIELD, MAX_NOTE, Some(Key::case_note_err_empty), &mut errors);
    let Some(body) = body else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    store.add_case_note(id, actor.account_id, &body, now()).await?;
    Ok(see_other(&format!("{}#casework-h", Notice::CaseNoteAdded.on(&seeker_path(id)))))
}

/// A counsellor of the person's centre records how following them ended.
pub async fn record_outcome(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let actor = ui.actor.clone().ok_or(AppError::Unauthorized)?;
    let id = ui.query_id("id").ok_or(AppError::NotFound)?;
    let store = state.store.as_ref();
    crate::seekers::api::follows(store, &actor, id).await?;
    let application = match ui.query_id("postulacion") {
        Some(application) => Some(super::api::from_application(store, id, application).await?.0),
        None => None,
    };
    let lang = ui.lang;
    let mut errors = FieldErrors::default();
    let outcome = match value(&fields, "kind") {
        "hired" => {
            // Said on the first radio button, where the error summary's link lands.
            let employment = Employment::from_code(value(&fields, "employment"));
            if employment.is_none() {
                errors.push("employment-formal", t(lang, Key::outcome_err_employment));
            }
            let started_on = started_on(lang, value(&fields, "started_on"), &mut errors);
            let employer = text(lang, &fields, "employer", 200, Some(Key::outcome_err_employer), &mut errors);
            let job_title = text(lang, &fields, "job_title", 200, Some(Key::outcome_err_job_title), &mut errors);
            let hours = choice(lang, &fields, "hours", WorkingHours::from_code, Key::vacancy_err_hours, &mut errors);
            let wage = choice(lang, &fields, "wage", WageBand::from_code, Key::outcome_err_wage, &mut errors);
            match (employment, started_on, employer, job_title, hours, wage) {
                (Some(employment), Some(started_on), Some(employer), Some(job_title), Some(hours), Some(wage)) => {
                    Some(Outcome::Hired(Placement { employment, started_on, employer, job_title, hours, wage }))
                }
                _ => None,
            }
        }
        "closed" => choice(lang, &fields, "reason", ClosedReason::from_code, Key::outcome_err_reason, &mut errors)
            .map(Outcome::Closed),
        _ => {
            errors.push("kind-hired", t(lang, Key::outcome_err_kind));
            None
        }
    };
    let Some(outcome) = outcome.filter(|_| errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    store.record_outcome(id, &outcome, application, actor.account_id, now()).await?;
    tracing::info!(seeker_id = id, by = actor.account_id, "outcome recorded");
    Ok(see_other(&format!("{}#casework-h", Notice::OutcomeRecorded.on(&seeker_path(id)))))
}

/// A start date: a real day, from 2000 to a year from today (a job can start soon).
fn started_on(lang: crate::i18n::Lang, typed: &str, errors: &mut FieldErrors) -> Option<String> {
    use crate::domain::lima_time::{lima_date, lima_day_start};
    let day = lima_day_start(typed);
    let latest = now() + 366 * 86_400;
    match day {
        Some(start) if start >= lima_day_start("2000-01-01").unwrap_or(0) && start <= latest => Some(lima_date(start)),
        _ => {
            errors.push("started_on", t(lang, Key::outcome_err_started_on));
            None
        }
    }
}
