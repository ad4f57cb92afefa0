//! The form endpoints of applications: applying (for oneself, or as a counsellor for a person
//! they act for), withdrawing, and the employer moving an application along.

use super::api::applicant;
use super::workflow::may_move;
use super::{ApplicationStatus, Side, MAX_MESSAGE, MAX_NOTE, MY_APPLICATIONS_PATH};
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key};
use crate::seekers::consent::{ConsentKind, RecordedBy};
use crate::seekers::seeker_path;
use crate::server::auth::now;
use crate::server::db::applications::{Applied, Move, NewApplication};
use crate::server::db::seekers::ConsentGiven;
use crate::server::form_fields::{codes, text, value};
use crate::server::forms::{kept, read, render_again};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};

/// Where the person applying (or their counsellor) goes after a change.
fn back_to(side: Side, seeker_id: i64) -> String {
    match side {
        Side::Counsellor => seeker_path(seeker_id),
        _ => MY_APPLICATIONS_PATH.to_string(),
    }
}

pub async fn apply(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return plain_page::sign_in_first(&ui.path) };
    let Some(vacancy_id) = ui.query_id("vacante") else { return AppError::NotFound.into_response() };
    let store = state.store.as_ref();
    let (profile, consents, side) = match applicant(store, &actor, ui.query_id("persona")).await {
        Ok(Some(found)) => found,
        // No profile yet: the form says how to make one.
        Ok(None) => return see_other(&super::apply_path(vacancy_id, None)),
        Err(err) => return err.into_response(),
    };
    let accommodations = match store.accommodations().await {
        Ok(list) => list,
        Err(err) => return AppError::from(err).into_response(),
    };
    let lang = ui.lang;
    let mut errors = FieldErrors::default();
    let message = text(lang, &fields, "message", MAX_MESSAGE, None, &mut errors);
    let needs = codes(lang, &fields, "interview", &accommodations, &mut errors);
    let disclose = value(&fields, "disclose") == "si";
    let share_now = value(&fields, "share") == "si";
    let shares = consents.has(ConsentKind::ShareWithEmployers);
    if !shares && !share_now {
        errors.push("share", t(lang, Key::apply_err_share));
    }
    let (Some(message), true) = (message, errors.is_empty()) else {
        return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
    };
    let at = now();
    if !shares {
        let by = if side == Side::Applicant { RecordedBy::Themselves } else { RecordedBy::Counsellor };
        let given = ConsentGiven { by, recorder_id: actor.account_id, at };
        if let Err(err) = store.give_consent(profile.id, ConsentKind::ShareWithEmployers, given).await {
            return AppError::from(err).into_response();
        }
    }
    let new = NewApplication {
        vacancy_id,
        seeker_id: profile.id,
        message,
        needs_at_interview: needs,
        disclose,
        side,
        by: actor.account_id,
    };
    match store.apply(&new, at).await {
        Ok(Applied::Done(id)) => {
            tracing::info!(application_id = id, vacancy_id, side = side.code(), "application made");
            see_other(&Notice::Applied.on(&back_to(side, profile.id)))
        }
        Ok(Applied::Already(_)) => see_other(&Notice::AlreadyApplied.on(&back_to(side, profile.id))),
        // Closed a moment ago: the form says so.
        Ok(Applied::VacancyNotOpen) => see_other(&super::apply_path(vacancy_id, ui.query_id("persona"))),
        // Withdrawn a moment ago, in another tab.
        Ok(Applied::NotShared) => {
            let mut errors = FieldErrors::default();
            errors.push("share", t(lang, Key::apply_err_share));
            render_again(&state, parts, FormState { values: kept(&fields), errors }).await
        }
        Err(err) => AppError::from(err).into_response(),
    }
}

/// The person, or their counsellor, withdraws an open application.
pub async fn withdraw(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return plain_page::sign_in_first(MY_APPLICATIONS_PATH) };
    let store = state.store.as_ref();
    let Some(found) = (match value(&fields, "id").parse::<i64>() {
        Ok(id) => match store.application(id).await {
            Ok(found) => found,
            Err(err) => return AppError::from(err).into_response(),
        },
        Err(_) => None,
    }) else {
        return AppError::NotFound.into_response();
    };
    let Some(seeker) = found.seeker_id else { return AppError::NotFound.into_response() };
    let side = match applicant(store, &actor, Some(seeker)).await {
        Ok(Some((_, _, side))) => side,
        Ok(None) => return AppError::NotFound.into_response(),
        Err(err) => return err.into_response(),
    };
    let to = ApplicationStatus::Withdrawn;
    if !may_move(side, found.status, to) {
        return see_other(&Notice::ApplicationChangedMeanwhile.on(&back_to(side, seeker)));
    }
    let change = Move { from: found.status, to, side, by: actor.account_id, note: "", at: now() };
    match store.move_application(found.id, &change).await {
        Ok(true) => {
            tracing::info!(application_id = found.id, side = side.code(), "application withdrawn");
            see_other(&Notice::ApplicationWithdrawn.on(&back_to(side, seeker)))
        }
        Ok(false) => see_other(&Notice::ApplicationChangedMeanwhile.on(&back_to(side, seeker))),
        Err(err) => AppError::from(err).into_response(),
    }
}

/// The employer (or the vacancy's centre) moves an application along, with a note the person
/// reads. The move starts from the status the employer saw (`from`): if someone changed it
/// since, nothing happens and they are told.
pub async fn move_application(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return plain_page::sign_in_first(&ui.path) };
    let store = state.store.as_ref();
    let found = match value(&fields, "id").parse::<i64>() {
        Ok(id) => match store.application(id).await {
            Ok(found) => found,
            Err(err) => return AppError::from(err).into_response(),
        },
        Err(_) => None,
    };
    let Some(found) = found else { return AppError::NotFound.into_response() };
    let facts = match store.vacancy_facts(found.vacancy_id).await {
        Ok(Some(facts)) => facts,
        Ok(None) => return AppError::NotFound.into_response(),
        Err(err) => return AppError::from(err).into_response(),
    };
    // Another company's applicant is not found, exactly like one that does not exist.
    if !crate::vacancies::workflow::may_manage(&actor, &facts) {
        return AppError::NotFound.into_response();
    }
    let back = super::applicants_path(found.vacancy_id);
    let (from, to) =
        (ApplicationStatus::from_code(value(&fields, "from")), ApplicationStatus::from_code(value(&fields, "to")));
    let (Some(from), Some(to)) = (from, to) else { return AppError::NotFound.into_response() };
    if from != found.status {
        return see_other(&Notice::ApplicationChangedMeanwhile.on(&back));
    }
    let mut errors = FieldErrors::default();
    let note = text(ui.lang, &fields, &format!("note-{}", found.id), MAX_NOTE, None, &mut errors);
    let Some(note) = note else {
        return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
    };
    if !may_move(Side::Employer, from, to) {
        return plain_page::forbidden(ui.lang);
    }
    let change = Move { from, to, side: Side::Employer, by: actor.account_id, note: &note, at: now() };
    match store.move_application(found.id, &change).await {
        Ok(true) => {
            tracing::info!(application_id = found.id, to = to.code(), by = actor.account_id, "application moved");
            see_other(&Notice::ApplicationMoved.on(&back))
        }
        Ok(false) => see_other(&Notice::ApplicationChangedMeanwhile.on(&back)),
        Err(err) => AppError::from(err).into_response(),
    }
}
