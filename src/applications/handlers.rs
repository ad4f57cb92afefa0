//! The form endpoints of applications: applying (for oneself, or as a counsellor for a person
//! they act for), withdrawing, and the employer moving an application along.

use super::api::applicant;
use super::workflow::may_move;
use super::{ApplicationStatus, Side, MAX_MESSAGE, MAX_NOTE, MY_APPLICATIONS_PATH};
use crate::applications::store::{Applied, Move, NewApplication};
use crate::audit::AuditAction;
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key};
use crate::seekers::consent::{ConsentKind, RecordedBy};
use crate::seekers::seeker_path;
use crate::seekers::store::ConsentGiven;
use crate::server::audit::record_staff_edit;
use crate::server::auth::now;
use crate::server::form_fields::{codes, text, value};
use crate::server::forms::{kept, read, render_again};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

/// Where the person applying (or their counsellor) goes after a change.
fn back_to(side: Side, seeker_id: i64) -> String {
    match side {
        Side::Counsellor => seeker_path(seeker_id),
        _ => MY_APPLICATIONS_PATH.to_string(),
    }
}

/// The person applies, or their counsellor applies for them, with the accommodations wanted at
/// the interview; consent to share the profile can be given on the form itself.
pub async fn apply(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let actor = ui.actor.clone().ok_or(AppError::Unauthorized)?;
    let vacancy_id = ui.query_id("vacante").ok_or(AppError::NotFound)?;
    let store = state.store.as_ref();
    let Some((profile, consents, side)) = applicant(store, &actor, ui.query_id("persona")).await? else {
        // No profile yet: the form says how to make one.
        return Ok(see_other(&super::apply_path(vacancy_id, None)));
    };
    let accommodations = store.accommodations().await?;
    let lang = ui.lang;
    let mut errors = FieldErrors::default();
    let message = text(lang, &fields, "message", MAX_MESSAGE, None, &mut errors);
    let needs = codes(lang, &fields, "interview", &accommodations, &mut errors);
    let disclose = value(&fields, "disclose") == "si";
    let share_now = value(&fields, "share") == "si";
    let shares = consents.in_force.has(ConsentKind::ShareWithEmployers);
    // Consent comes from the person: a counsellor's word for it waits for the person, unless
    // the person signed it on the consent sheet.
    let by = match side {
        Side::Applicant => RecordedBy::Themselves,
        _ if value(&fields, "sheet") == "si" => RecordedBy::Counsellor,
        _ => RecordedBy::OnBehalf,
    };
    let awaits = !shares && consents.awaiting.has(ConsentKind::ShareWithEmployers);
    // Already waiting for the person, the counsellor's application needs no new word for it.
    let goes_waiting = awaits && by == RecordedBy::OnBehalf;
    if !shares && !share_now && !goes_waiting {
        let key = if by == RecordedBy::Counsellor { Key::apply_err_sheet } else { Key::apply_err_share };
        errors.push("share", t(lang, key));
    }
    let (Some(message), true) = (message, errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    let at = now();
    if !shares && share_now {
        let given = ConsentGiven { by, recorder_id: actor.account_id, at };
        if store.give_consent(profile.id, ConsentKind::ShareWithEmployers, given).await? && side != Side::Applicant {
            let detail = match by {
                RecordedBy::OnBehalf => "share_with_employers: awaiting the person",
                _ => "share_with_employers: signed sheet",
            };
            record_staff_edit(
                &state,
                &parts,
                AuditAction::PersonConsentRecorded,
                profile.id,
                profile.account_id,
                detail,
            )
            .await;
        }
    }
    let without_profile = !shares && by == RecordedBy::OnBehalf;
    let new = NewApplication {
        vacancy_id,
        seeker_id: profile.id,
        message,
        needs_at_interview: needs,
        disclose,
        side,
        by: actor.account_id,
        stand_id: ui.query_id(crate::vacancies::STAND_PARAM),
    };
    Ok(match store.apply(&new, at).await? {
        Applied::Done(id) if without_profile => {
            tracing::info!(
                application_id = id,
                vacancy_id,
                side = side.code(),
                "application made, profile awaiting consent"
            );
            ask_the_person(&state, &profile, &actor, vacancy_id).await;
            see_other(&Notice::AppliedAwaitingConsent.on(&back_to(side, profile.id)))
        }
        Applied::Done(id) => {
            tracing::info!(application_id = id, vacancy_id, side = side.code(), "application made");
            see_other(&Notice::Applied.on(&back_to(side, profile.id)))
        }
        Applied::Already(_) => see_other(&Notice::AlreadyApplied.on(&back_to(side, profile.id))),
        // Closed a moment ago: the form says so.
        Applied::VacancyNotOpen => see_other(&super::apply_path(vacancy_id, ui.query_id("persona"))),
        // Withdrawn a moment ago, in another tab.
        Applied::NotShared => {
            let mut errors = FieldErrors::default();
            errors.push("share", t(lang, Key::apply_err_share));
            render_again(&state, parts, FormState { values: kept(&fields), errors }).await
        }
    })
}

/// Tells the person their counsellor applied for them and that the employer reads their
/// profile only once they give the permission themselves (when they left an email address).
async fn ask_the_person(
    state: &AppState,
    profile: &crate::seekers::SeekerProfile,
    counsellor: &crate::domain::Actor,
    vacancy_id: i64,
) {
    let to = profile.personal.email.trim();
    if to.is_empty() {
        return;
    }
    let vacancy = match state.store.vacancy(vacancy_id).await {
        Ok(Some(found)) => found.draft.title,
        _ => return,
    };
    let link = format!("{}{}#my-consents-h", state.public_origin, crate::seekers::MY_PROFILE_PATH);
    let mail = crate::server::mail::compose(
        crate::i18n::Lang::Es,
        to,
        Key::mail_consent_awaits_subject,
        Key::mail_consent_awaits_body,
        &[
            ("name", &profile.personal.full_name),
            ("counsellor", &counsellor.name),
            ("vacancy", &vacancy),
            ("link", &link),
        ],
    );
    match state.store.queue_mail(&mail, now()).await {
        Ok(_) => state.outbox.queued(),
        Err(err) => tracing::error!(error = %err, seeker_id = profile.id, "cannot queue the consent request"),
    }
}

/// The person, or their counsellor, withdraws an open application.
pub async fn withdraw(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(MY_APPLICATIONS_PATH)) };
    let store = state.store.as_ref();
    let found = application_named(store, &fields).await?;
    let seeker = found.seeker_id.ok_or(AppError::NotFound)?;
    let (_, _, side) = applicant(store, &actor, Some(seeker)).await?.ok_or(AppError::NotFound)?;
    let to = ApplicationStatus::Withdrawn;
    let change = Move { from: found.status, to, side, by: actor.account_id, note: "", at: now() };
    if !may_move(side, found.status, to) || !store.move_application(found.id, &change).await? {
        return Ok(see_other(&Notice::ApplicationChangedMeanwhile.on(&back_to(side, seeker))));
    }
    tracing::info!(application_id = found.id, side = side.code(), "application withdrawn");
    Ok(see_other(&Notice::ApplicationWithdrawn.on(&back_to(side, seeker))))
}

/// The application the form's `id` names; not found when there is none.
async fn application_named(
    store: &dyn crate::server::db::Store,
    fields: &[(String, String)],
) -> Result<super::Application, AppError> {
    let id = value(fields, "id").parse::<i64>().map_err(|_| AppError::NotFound)?;
    store.application(id).await?.ok_or(AppError::NotFound)
}

/// The employer (or the vacancy's centre) moves an application along, with a note the person
/// reads. The move starts from the status the employer saw (`from`): if someone changed it
/// since, nothing happens and they are told.
pub async fn move_application(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let actor = ui.actor.clone().ok_or(AppError::Unauthorized)?;
    let store = state.store.as_ref();
    let found = application_named(store, &fields).await?;
    let facts = store.vacancy_facts(found.vacancy_id).await?.ok_or(AppError::NotFound)?;
    // Another company's applicant is not found, exactly like one that does not exist.
    if !crate::vacancies::workflow::may_manage(&actor, &facts) {
        return Err(AppError::NotFound);
    }
    let back = super::applicants_path(found.vacancy_id);
    let (from, to) =
        (ApplicationStatus::from_code(value(&fields, "from")), ApplicationStatus::from_code(value(&fields, "to")));
    let (Some(from), Some(to)) = (from, to) else { return Err(AppError::NotFound) };
    if from != found.status {
        return Ok(see_other(&Notice::ApplicationChangedMeanwhile.on(&back)));
    }
    let mut errors = FieldErrors::default();
    let note = text(ui.lang, &fields, &format!("note-{}", found.id), MAX_NOTE, None, &mut errors);
    let Some(note) = note else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    if !may_move(Side::Employer, from, to) {
        return Err(AppError::Forbidden);
    }
    let change = Move { from, to, side: Side::Employer, by: actor.account_id, note: &note, at: now() };
    if !store.move_application(found.id, &change).await? {
        return Ok(see_other(&Notice::ApplicationChangedMeanwhile.on(&back)));
    }
    tracing::info!(application_id = found.id, to = to.code(), by = actor.account_id, "application moved");
    Ok(see_other(&Notice::ApplicationMoved.on(&back)))
}
