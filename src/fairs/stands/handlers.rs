//! Form endpoints of stands: a company asks for one, the organiser answers, the company takes
//! it back; and who may change a stand, for the endpoints of its parts. Every rule is checked here against the stored fair and stand, and again by the
//! write itself.

use super::rules::{is_public, may_ask, may_change, may_decide, may_follow_up, Refusal};
use super::store::{StandAnswer, StandAsk, StoredStand};
use super::{reason_field, Decision, StandStatus, MAX_INTRODUCTION_CHARS, MAX_REASON_CHARS, STANDS_FIELD};
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::domain::lima_time::{lima_day_start, lima_moment};
use crate::domain::{Actor, Role};
use crate::error::{AppError, FieldErrors};
use crate::fairs::rules::phase;
use crate::fairs::{fair_path, FAIRS_PATH};
use crate::i18n::{t, t_with, Key, Lang};
use crate::server::access::permits;
use crate::server::auth::now;
use crate::server::form_fields::{codes, text, value};
use crate::server::forms::{field, kept, read, render_again, render_again_at, render_conflict_at};
use crate::server::mail::compose;
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

/// Asks for a stand at the fair `?feria=`, for the company chosen. A failed form comes back
/// with everything typed and each problem on its field; nothing is stored.
pub async fn ask_stand(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let back = parts.uri.path_and_query().map(|pq| pq.as_str().to_string()).unwrap_or_default();
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(&back)) };
    if !permits(&actor, &[Role::Employer]) {
        return Err(AppError::Forbidden);
    }
    let fair_id = ui.query_id("feria").ok_or(AppError::NotFound)?;
    let facts = state.store.fair_facts(fair_id).await?.ok_or(AppError::NotFound)?;
    let now = now();
    let phase = phase(&facts, now);
    if !phase.is_public() {
        return Err(AppError::NotFound);
    }
    let (stands, companies, list) = tokio::join!(
        state.store.fair_stands(fair_id),
        state.store.companies_of_account(actor.account_id),
        state.store.accommodations()
    );
    let (stands, companies, list) = (stands?, companies?, list?);
    let mut errors = FieldErrors::default();
    let company_id = field(&fields, "company").parse::<i64>().ok();
    match company_id {
        None => errors.push("company", t(ui.lang, Key::stand_err_company)),
        Some(company) => {
            let verified = companies.iter().any(|c| c.id == company && c.verified);
            let current = stands.iter().find(|s| s.company_id == company).map(|s| s.status);
            match may_ask(&actor, company, verified, phase, current) {
                Ok(()) => {}
                // Another company's number in the form: refused, never asked for someone else.
                Err(Refusal::NotYours) => return Err(AppError::Forbidden),
                Err(refusal) => errors.push("company", refusal_text(ui.lang, refusal)),
            }
        }
    }
    let introduction =
        text(ui.lang, &fields, "introduction", MAX_INTRODUCTION_CHARS, Some(Key::stand_err_introduction), &mut errors);
    let accommodations = codes(ui.lang, &fields, "accommodations", &list, &mut errors);
    let (Some(company_id), Some(introduction), true) = (company_id, introduction, errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    let ask = StandAsk { fair_id, company_id, introduction, accommodations, by: actor.account_id };
    match state.store.ask_stand(&ask, now).await? {
        Some(id) => {
            tracing::info!(stand_id = id, fair_id, company_id, by = actor.account_id, "stand asked");
            Ok(see_other(&Notice::StandAsked.on(&fair_path(fair_id))))
        }
        // The fair ended or the company asked from another tab meanwhile: said on the field.
        None => {
            let mut errors = FieldErrors::default();
            errors.push("company", t(ui.lang, Key::stand_err_changed_meanwhile));
            Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await)
        }
    }
}

/// Accepts or declines a request (a decline says why, on its own field). The company's asker
/// is told by email, queued with the answer. A request answered meanwhile, or a fair that
/// ended, shows the fair's page again saying so, as `409`.
pub async fn decide_stand(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    // Signed out, nothing about the stand is said: not even whether it exists.
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(FAIRS_PATH)) };
    let stand_id = field(&fields, "stand").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let stand = state.store.stand(stand_id).await?.ok_or(AppError::NotFound)?;
    let decision = Decision::from_code(field(&fields, "decision")).ok_or(AppError::NotFound)?;
    let facts = stand.fair;
    let now = now();
    match may_decide(&actor, facts.centre_id, phase(&facts, now), stand.status) {
        Ok(()) => {}
        // Another centre's fair: its requests are none of this counsellor's business.
        Err(Refusal::NotYours) => return Err(AppError::NotFound),
        Err(refusal) => return refused(&state, parts, stand.fair_id, refusal_text(ui.lang, refusal)).await,
    }
    let reason_name = reason_field(stand_id);
    let (to, reason) = match decision {
        Decision::Accept => (StandStatus::Accepted, String::new()),
        Decision::Decline => {
            let mut errors = FieldErrors::default();
            let reason =
                text(ui.lang, &fields, &reason_name, MAX_REASON_CHARS, Some(Key::stand_err_reason), &mut errors);
            let Some(reason) = reason.filter(|_| errors.is_empty()) else {
                return Ok(again_on_fair(&state, parts, stand.fair_id, kept(&fields), errors).await);
            };
            (StandStatus::Declined, reason)
        }
    };
    let mail = stand.asker.as_ref().map(|(name, email)| {
        let fair_url = format!("{}{}", state.public_origin, fair_path(stand.fair_id));
        let (subject, body) = match to {
            StandStatus::Accepted => (Key::mail_stand_accepted_subject, Key::mail_stand_accepted_body),
            _ => (Key::mail_stand_declined_subject, Key::mail_stand_declined_body),
        };
        compose(
            ui.lang,
            email,
            subject,
            body,
            &[("name", name), ("company", &stand.company_name), ("reason", &reason), ("fair", &fair_url)],
        )
    });
    let answer = StandAnswer { stand_id, to, reason: &reason, by: actor.account_id, mail: mail.as_ref() };
    if !state.store.answer_stand(&answer, now).await? {
        return refused(&state, parts, stand.fair_id, t(ui.lang, Key::stand_err_changed_meanwhile)).await;
    }
    if mail.is_some() {
        state.outbox.queued();
    }
    tracing::info!(stand_id, fair_id = stand.fair_id, to = to.code(), by = actor.account_id, "stand answered");
    let notice = if to == StandStatus::Accepted { Notice::StandAccepted } else { Notice::StandDeclined };
    Ok(see_other(&notice.on(&fair_path(stand.fair_id))))
}

/// Takes back a company's request or stand.
pub async fn withdraw_stand(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    // Signed out, nothing about the stand is said: not even whether it exists.
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(FAIRS_PATH)) };
    let stand_id = field(&fields, "stand").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let stand = state.store.stand(stand_id).await?.ok_or(AppError::NotFound)?;
    let facts = stand.fair;
    let now = now();
    match may_change(&actor, stand.company_id, phase(&facts, now), stand.status) {
        Ok(()) => {}
        Err(Refusal::NotYours) => return Err(AppError::NotFound),
        Err(refusal) => return refused(&state, parts, stand.fair_id, refusal_text(ui.lang, refusal)).await,
    }
    if !state.store.withdraw_stand(stand_id, now).await? {
        return refused(&state, parts, stand.fair_id, t(ui.lang, Key::stand_err_changed_meanwhile)).await;
    }
    tracing::info!(stand_id, fair_id = stand.fair_id, by = actor.account_id, "stand withdrawn");
    Ok(see_other(&Notice::StandWithdrawn.on(&fair_path(stand.fair_id))))
}

/// How a form about a stand names it: its own page's address (`?id=`; a form that comes back
/// there), or a `stand` field (a button on a list).
pub enum StandNamed<'a> {
    InAddress,
    InForm(&'a [(String, String)]),
}

/// The opening of every form about one stand by its company's employers: signed in (or sent
/// to sign in and back), an employer, and the stand named theirs to change now. `Err` is the
/// answer, as [`changeable`] gives it.
pub async fn employer_and_stand(
    state: &AppState,
    ui: &Ui,
    named: StandNamed<'_>,
) -> Result<(Actor, StoredStand), Response> {
    employer_opening(state, ui, named, Opening::Change).await
}

/// As [`employer_and_stand`], for a form that follows up the stand's interviews: the stand
/// named theirs to follow up now, which lasts some weeks past the fair.
pub async fn employer_following_up(
    state: &AppState,
    ui: &Ui,
    named: StandNamed<'_>,
) -> Result<(Actor, StoredStand), Response> {
    employer_opening(state, ui, named, Opening::FollowUp).await
}

/// What an employer's form about a stand does: which rule lets them in.
#[derive(Clone, Copy)]
enum Opening {
    Change,
    FollowUp,
}

async fn employer_opening(
    state: &AppState,
    ui: &Ui,
    named: StandNamed<'_>,
    opening: Opening,
) -> Result<(Actor, StoredStand), Response> {
    // Signed out, a button's form says nothing about the stand: not even whether it exists.
    let back = match named {
        StandNamed::InAddress => ui.path.as_str(),
        StandNamed::InForm(_) => FAIRS_PATH,
    };
    let Some(actor) = ui.actor.clone() else { return Err(plain_page::sign_in_first(back)) };
    if !permits(&actor, &[Role::Employer]) {
        return Err(AppError::Forbidden.into_response());
    }
    let id = match named {
        StandNamed::InAddress => ui.query_id("id"),
        StandNamed::InForm(fields) => field(fields, "stand").parse::<i64>().ok(),
    };
    let Some(id) = id else { return Err(AppError::NotFound.into_response()) };
    let stand = match opening {
        Opening::Change => changeable(state, &actor, id).await?,
        Opening::FollowUp => {
            let stand = stand_or_answer(state, id).await?;
            match may_follow_up(&actor, stand.company_id, &stand.fair, now(), stand.status) {
                Ok(()) => stand,
                Err(refusal) => return Err(refused_change(refusal, stand.fair_id)),
            }
        }
    };
    Ok((actor, stand))
}

/// The opening of a job seeker's form at a stand (a question, a chat message): signed in (or
/// sent to sign in and back to the `back` page of the stand), a job seeker, and the stand the
/// form names one everyone may see now — with that moment. `Err` is the answer.
pub async fn seeker_at_stand(
    state: &AppState,
    ui: &Ui,
    fields: &[(String, String)],
    back: fn(i64) -> String,
) -> Result<(Actor, StoredStand, i64), Response> {
    let Ok(stand_id) = field(fields, "stand").parse::<i64>() else { return Err(AppError::NotFound.into_response()) };
    let Some(actor) = ui.actor.clone() else { return Err(plain_page::sign_in_first(&back(stand_id))) };
    if !permits(&actor, &[Role::Seeker]) {
        return Err(AppError::Forbidden.into_response());
    }
    let stand = match state.store.stand(stand_id).await {
        Ok(Some(stand)) => stand,
        Ok(None) => return Err(AppError::NotFound.into_response()),
        Err(err) => return Err(AppError::from(err).into_response()),
    };
    let now = now();
    // A stand nobody may see is unknown, not closed.
    if !is_public(stand.status, phase(&stand.fair, now)) {
        return Err(AppError::NotFound.into_response());
    }
    Ok((actor, stand, now))
}

/// Stand `id` when `actor` may change it now (its video, its shifts). `Err` is the answer: not
/// found when it is not theirs to know, the fair's page saying how it stands when it may no
/// longer change (over, or declined or taken back).
pub async fn changeable(state: &AppState, actor: &Actor, id: i64) -> Result<StoredStand, Response> {
    let stand = stand_or_answer(state, id).await?;
    match may_change(actor, stand.company_id, phase(&stand.fair, now()), stand.status) {
        Ok(()) => Ok(stand),
        Err(refusal) => Err(refused_change(refusal, stand.fair_id)),
    }
}

/// Stand `id`, or the answer when there is none.
async fn stand_or_answer(state: &AppState, id: i64) -> Result<StoredStand, Response> {
    match state.store.stand(id).await {
        Ok(Some(stand)) => Ok(stand),
        Ok(None) => Err(AppError::NotFound.into_response()),
        Err(err) => Err(AppError::from(err).into_response()),
    }
}

/// The answer to an employer's form about a stand of a fair `fair_id` refused for `refusal`:
/// another company's stand is unknown; the rest is a fair that moved on, said on its page.
fn refused_change(refusal: Refusal, fair_id: i64) -> Response {
    match refusal {
        Refusal::NotYours => AppError::NotFound.into_response(),
        _ => see_other(&Notice::FairMoved.on(&fair_path(fair_id))),
    }
}

/// Who and when a stand's duty form (a shift, a block of interview slots) says: one of the
/// company's representatives, and from and to on a day, in Lima time. A part that is not one
/// is `None`, with its message on its field.
pub struct WhoAndWhen {
    pub account: Option<i64>,
    pub from: Option<i64>,
    pub until: Option<i64>,
}

/// Reads [`WhoAndWhen`] from the fields `person` (its message `missing`), `day`, `from_time`
/// and `to_time`.
pub fn who_and_when(
    lang: Lang,
    fields: &[(String, String)],
    (person, missing): (&str, Key),
    day: &str,
    representatives: &[super::shifts::store::StoredRepresentative],
    errors: &mut FieldErrors,
) -> WhoAndWhen {
    // Only the company's own representatives: another account's number is a tampered form.
    let account =
        field(fields, person).parse::<i64>().ok().filter(|a| representatives.iter().any(|r| r.account_id == *a));
    if account.is_none() {
        errors.push(person, t(lang, missing));
    }
    let on = value(fields, day);
    let (mut from, mut until) = (None, None);
    if lima_day_start(on).is_none() {
        errors.push(day, t(lang, Key::fair_err_date));
    } else {
        from = lima_moment(on, value(fields, "from_time"));
        until = lima_moment(on, value(fields, "to_time"));
        if from.is_none() {
            errors.push("from_time", t(lang, Key::fair_err_time));
        }
        if until.is_none() {
            errors.push("to_time", t(lang, Key::fair_err_time));
        }
    }
    WhoAndWhen { account, from, until }
}

/// What a duty outside the fair's hours is told: the hours.
pub fn outside_hours(lang: Lang, fair: &crate::fairs::rules::Facts) -> String {
    let hours = crate::fairs::cards::when_text(lang, fair.starts_at, fair.ends_at);
    t_with(lang, Key::shift_err_outside, &[("hours", &hours)])
}

fn refusal_text(lang: Lang, refusal: Refusal) -> &'static str {
    match refusal {
        Refusal::Unverified => t(lang, Key::stand_err_unverified),
        Refusal::Closed => t(lang, Key::stand_err_closed),
        Refusal::WrongStatus | Refusal::NotYours => t(lang, Key::stand_err_changed_meanwhile),
    }
}

/// The fair's page again, `message` on its stands, as `409`.
async fn refused(state: &AppState, parts: Parts, fair_id: i64, message: &str) -> Result<Response, AppError> {
    let mut errors = FieldErrors::default();
    errors.push(STANDS_FIELD, message);
    Ok(render_conflict_at(state, parts, &fair_path(fair_id), errors).await)
}

/// The fair's page again with what was typed and what is wrong (`422`).
async fn again_on_fair(
    state: &AppState,
    parts: Parts,
    fair_id: i64,
    values: Vec<(String, String)>,
    errors: FieldErrors,
) -> Response {
    render_again_at(state, parts, &fair_path(fair_id), FormState { values, errors }).await
}
