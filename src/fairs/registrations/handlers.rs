//! Form endpoints of registration: a job seeker registers with the accommodations they need,
//! or cancels; the fair's organiser answers each request, and the person is told by email,
//! queued with the answer. Every rule is checked here and again by the write.

use super::api::attendee;
use super::rules::{may_register, Closed};
use super::store::{NeedAnswer, NeedAsk, NewRegistration, Registering};
use super::{
    answer_to_field, answer_words_field, registration_page, registration_page_for, registrations_page, FairNeed,
    NeedStatus, RegistrationStatus, MAX_NEED_ANSWER_CHARS, MAX_OTHER_CHARS, NEED_FIELD, OTHER_FIELD, PERSON_PARAM,
    REGISTER_FIELD,
};
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::fairs::fair_path;
use crate::fairs::handlers::organiser_and_fair;
use crate::fairs::rules::phase;
use crate::i18n::{t, Key, Lang};
use crate::server::auth::now;
use crate::server::form_fields::text;
use crate::server::forms::{field, kept, read, render_again_at, render_conflict_at};
use crate::server::mail::compose;
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

/// Registers the signed-in job seeker — or the person the form names, for a counsellor they let
/// act for them, who is told by email — for the fair the form names, with what was ticked and
/// written. A refused form shows the page again with what was chosen and why; nothing is stored.
pub async fn register(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let fair_id = field(&fields, "fair").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let person = person_named(&fields)?;
    let page = page_of(fair_id, person);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(&page)) };
    let fair = state.store.fair(fair_id).await?.ok_or(AppError::NotFound)?;
    let attendee = attendee(state.store.as_ref(), &actor, person).await?;
    let facts = fair.facts();
    let now = now();
    if !phase(&facts, now).is_public() {
        return Err(AppError::NotFound);
    }
    let mut errors = FieldErrors::default();
    let account_id = match attendee.account_id {
        Some(account_id) => account_id,
        None => {
            errors.push(REGISTER_FIELD, t(lang, Key::registration_err_no_account));
            return Ok(render_again_at(&state, parts, &page, FormState { values: kept(&fields), errors }).await);
        }
    };
    let mine = state.store.registration(fair_id, account_id).await?;
    if mine.is_some_and(|r| r.status == RegistrationStatus::Registered) {
        // Registered already (from another tab): the registration is what the page shows.
        return Ok(see_other(&page));
    }
    if let Err(closed) =
        may_register(&facts, fair.draft.registration_closes_at, fair.draft.capacity, fair.registered, now)
    {
        errors.push(REGISTER_FIELD, closed_words(lang, closed));
    }
    let needs = asked_needs(lang, &fields, &mut errors);
    if !errors.is_empty() {
        return Ok(render_again_at(&state, parts, &page, FormState { values: kept(&fields), errors }).await);
    }
    let mail = match attendee.person {
        Some(_) => Some(
            told(
                &state,
                lang,
                &actor,
                account_id,
                &fair,
                Key::mail_registered_for_subject,
                Key::mail_registered_for_body,
            )
            .await?,
        ),
        None => None,
    };
    let registration = NewRegistration { fair_id, account_id, by: actor.account_id, needs, mail };
    let closed = match state.store.register(&registration, now).await? {
        Registering::Registered(id) => {
            if registration.mail.is_some() {
                state.outbox.queued();
            }
            tracing::info!(registration_id = id, fair_id, by = actor.account_id, "fair registration");
            let done = if person.is_some() { Notice::RegisteredFor } else { Notice::Registered };
            return Ok(see_other(&done.on(&page)));
        }
        // Registered from another tab: the registration is what the page shows.
        Registering::Already => return Ok(see_other(&page)),
        Registering::Full => Closed::Full,
        Registering::Closed => Closed::Deadline,
    };
    // The last place went, or registration closed, while the form was being filled in.
    let mut errors = FieldErrors::default();
    errors.push(REGISTER_FIELD, closed_words(lang, closed));
    Ok(render_again_at(&state, parts, &page, FormState { values: kept(&fields), errors }).await)
}

/// The person of the register the form names (a counsellor registering them), if any; a name
/// that is not a number is no one's.
fn person_named(fields: &[(String, String)]) -> Result<Option<i64>, AppError> {
    match field(fields, PERSON_PARAM) {
        "" => Ok(None),
        id => id.parse::<i64>().map(Some).map_err(|_| AppError::NotFound),
    }
}

/// The registration page the forms come from and go back to.
fn page_of(fair_id: i64, person: Option<i64>) -> String {
    match person {
        Some(seeker_id) => registration_page_for(fair_id, seeker_id),
        None => registration_page(fair_id),
    }
}

/// The message telling the person of account `account_id` what their counsellor `actor` did
/// about their registration for `fair`, with the way to it.
async fn told(
    state: &AppState,
    lang: Lang,
    actor: &crate::domain::Actor,
    account_id: i64,
    fair: &crate::fairs::Fair,
    subject: Key,
    body: Key,
) -> Result<crate::server::mail::OutgoingMail, AppError> {
    let person = state.store.account_actor(account_id).await?.ok_or(AppError::NotFound)?;
    let link = format!("{}{}", state.public_origin, registration_page(fair.id));
    let when = crate::fairs::cards::when_text(lang, fair.draft.starts_at, fair.draft.ends_at);
    Ok(compose(
        lang,
        &person.email,
        subject,
        body,
        &[
            ("name", &person.name),
            ("counsellor", &actor.name),
            ("fair", &fair.draft.title),
            ("when", &when),
            ("page", &link),
        ],
    ))
}

/// The accommodations ticked, each once, and "something else" when written; a code that is
/// not one (a tampered or stale form) or words too long are said on their field.
fn asked_needs(lang: Lang, fields: &[(String, String)], errors: &mut FieldErrors) -> Vec<NeedAsk> {
    let mut needs: Vec<NeedAsk> = Vec::new();
    for (_, code) in fields.iter().filter(|(name, _)| name == NEED_FIELD) {
        match FairNeed::from_code(code).filter(|need| *need != FairNeed::Other) {
            Some(need) if needs.iter().all(|ask| ask.need != need) => {
                needs.push(NeedAsk { need, details: String::new() });
            }
            Some(_) => {}
            None => {
                errors.push(NEED_FIELD, t(lang, Key::registration_err_need));
                break;
            }
        }
    }
    if let Some(other) = text(lang, fields, OTHER_FIELD, MAX_OTHER_CHARS, None, errors).filter(|o| !o.is_empty()) {
        needs.push(NeedAsk { need: FairNeed::Other, details: other });
    }
    needs
}

fn closed_words(lang: Lang, closed: Closed) -> &'static str {
    match closed {
        Closed::Full => t(lang, Key::registration_err_full),
        Closed::Deadline => t(lang, Key::registration_err_closed),
    }
}

/// Cancels the registration for the fair the form names — the signed-in person's, or that of
/// the person named, for a counsellor they let act for them, who is told — freeing the place.
/// One cancelled meanwhile, or a fair over, shows the page again saying so, as `409`.
pub async fn cancel_registration(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let fair_id = field(&fields, "fair").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let person = person_named(&fields)?;
    let page = page_of(fair_id, person);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(&page)) };
    let fair = state.store.fair(fair_id).await?.ok_or(AppError::NotFound)?;
    let attendee = attendee(state.store.as_ref(), &actor, person).await?;
    let Some(account_id) = attendee.account_id else { return Err(AppError::NotFound) };
    let mail = match attendee.person {
        Some(_) => Some(
            told(
                &state,
                ui.lang,
                &actor,
                account_id,
                &fair,
                Key::mail_cancelled_for_subject,
                Key::mail_cancelled_for_body,
            )
            .await?,
        ),
        None => None,
    };
    if state.store.cancel_registration(fair_id, account_id, mail.as_ref(), now()).await? {
        if mail.is_some() {
            state.outbox.queued();
        }
        tracing::info!(fair_id, by = actor.account_id, "fair registration cancelled");
        let (done, back) = match person {
            Some(_) => (Notice::RegistrationCancelledFor, page),
            None => (Notice::RegistrationCancelled, fair_path(fair_id)),
        };
        return Ok(see_other(&done.on(&back)));
    }
    let mut errors = FieldErrors::default();
    errors.push(REGISTER_FIELD, t(ui.lang, Key::registration_err_not_cancelled));
    Ok(render_conflict_at(&state, parts, &page, errors).await)
}

/// The organiser's answer to one request (the form names the registration and the need):
/// arranged, or not possible saying why. The person is told by email.
pub async fn answer_need(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let (actor, fair) = match organiser_and_fair(&state, &ui, &fields).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let fair_id = fair.id;
    let registration_id = field(&fields, "registration").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let need = FairNeed::from_code(field(&fields, "need")).ok_or(AppError::NotFound)?;
    let registrations = state.store.fair_registrations(fair_id).await?;
    let person = registrations.iter().find(|r| r.id == registration_id).ok_or(AppError::NotFound)?;
    let asked = person.needs.iter().find(|n| n.need == need).ok_or(AppError::NotFound)?;
    let page = registrations_page(fair_id);
    let (to_field, words_field) = (answer_to_field(registration_id, need), answer_words_field(registration_id, need));
    let mut errors = FieldErrors::default();
    let to = match NeedStatus::from_code(field(&fields, &to_field)) {
        Some(to @ (NeedStatus::Arranged | NeedStatus::NotPossible)) => Some(to),
        _ => {
            errors.push(format!("{to_field}-arranged"), t(lang, Key::registration_err_answer_choice));
            None
        }
    };
    let why = (to == Some(NeedStatus::NotPossible)).then_some(Key::registration_err_answer_why);
    let words = text(lang, &fields, &words_field, MAX_NEED_ANSWER_CHARS, why, &mut errors);
    let (Some(to), Some(words), true) = (to, words, errors.is_empty()) else {
        return Ok(render_again_at(&state, parts, &page, FormState { values: kept(&fields), errors }).await);
    };
    let what = if asked.need == FairNeed::Other { asked.details.clone() } else { t(lang, need.label()).to_string() };
    let (subject, body) = match to {
        NeedStatus::NotPossible => (Key::mail_need_not_possible_subject, Key::mail_need_not_possible_body),
        _ => (Key::mail_need_arranged_subject, Key::mail_need_arranged_body),
    };
    let link = format!("{}{}", state.public_origin, registration_page(fair_id));
    let mail = compose(
        lang,
        &person.email,
        subject,
        body,
        &[("name", &person.name), ("fair", &fair.draft.title), ("need", &what), ("answer", &words), ("page", &link)],
    );
    let answer = NeedAnswer { registration_id, need, to, answer: &words, by: actor.account_id, mail: Some(&mail) };
    if !state.store.answer_need(&answer, now()).await? {
        // Cancelled meanwhile: there is nothing left to answer.
        let mut errors = FieldErrors::default();
        errors.push(format!("{to_field}-arranged"), t(lang, Key::registration_err_answer_gone));
        return Ok(render_conflict_at(&state, parts, &page, errors).await);
    }
    state.outbox.queued();
    tracing::info!(registration_id, need = need.code(), to = to.code(), "fair accommodation answered");
    Ok(see_other(&Notice::NeedAnswered.on(&page)))
}
