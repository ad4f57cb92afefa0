//! Form endpoints of fairs — saving the form, publishing and cancelling — and the calendar
//! file. Every rule is checked here, on the server, against the stored fair.

use super::fields::read_fair;
use super::rules::{may_edit, may_manage, next_status, phase, Phase, Refusal, Step};
use super::{fair_path, FairStatus, FAIRS_PATH, NEW_FAIR_PATH};
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::domain::Role;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key, Lang};
use crate::server::access::permits;
use crate::server::auth::now;
use crate::server::db::prelude::*;
use crate::server::forms::{field, kept, read, render_again};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Path, Request, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// Saves the fair form: a new draft (posted to the new-fair page) or the changes to one (posted
/// to its edit page, `?id=`). A failed form comes back with everything typed.
pub async fn save_fair(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let back = parts.uri.path_and_query().map(|pq| pq.as_str().to_string()).unwrap_or_default();
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(&back)) };
    if !permits(&actor, &[Role::Counsellor]) {
        return Err(AppError::Forbidden);
    }
    let now = now();
    let existing = if parts.uri.path() != NEW_FAIR_PATH {
        let id = ui.query_id("id").ok_or(AppError::NotFound)?;
        let facts = state.store.fair_facts(id).await?.ok_or(AppError::NotFound)?;
        match may_edit(&actor, &facts, now) {
            Ok(()) => Some((id, facts)),
            Err(Refusal::NotYours) => return Err(AppError::NotFound),
            // Over or cancelled a moment ago: its page says how it stands now.
            Err(_) => return Ok(see_other(&Notice::FairMoved.on(&fair_path(id)))),
        }
    } else {
        None
    };
    let mut errors = FieldErrors::default();
    let centre_id = match existing {
        Some((_, facts)) => facts.centre_id,
        None => match field(&fields, "centre").parse::<i64>() {
            // A tampered centre is refused, not saved for someone else.
            Ok(centre) if may_manage(&actor, centre) => centre,
            Ok(_) => return Err(AppError::Forbidden),
            Err(_) => {
                errors.push("centre", t(ui.lang, Key::fair_err_centre));
                0
            }
        },
    };
    let stored_start = existing.map(|(_, facts)| facts.starts_at);
    let draft = read_fair(ui.lang, &fields, centre_id, stored_start, now, &mut errors);
    let Some(draft) = draft.filter(|_| errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    let saved = match existing {
        Some((id, _)) => state.store.update_fair(id, &draft, now).await.map(|written| written.then_some(id)),
        None => state.store.create_fair(&draft, actor.account_id, now).await.map(Some),
    };
    match saved {
        Ok(Some(id)) => {
            tracing::info!(fair_id = id, by = actor.account_id, "fair saved");
            Ok(see_other(&Notice::FairSaved.on(&fair_path(id))))
        }
        // Over or cancelled between the check and the write: nothing was written.
        Ok(None) => match existing {
            Some((id, _)) => Ok(see_other(&Notice::FairMoved.on(&fair_path(id)))),
            None => Err(AppError::NotFound),
        },
        // The centre was removed a moment ago: said on the field, nothing stored.
        Err(DbError::Conflict(_)) => {
            let mut errors = FieldErrors::default();
            errors.push("centre", t(ui.lang, Key::fair_err_centre));
            Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await)
        }
        Err(err) => Err(err.into()),
    }
}

/// The opening of an organiser's form about the fair it names (`fair`): signed in (or sent to
/// sign in — nothing about the fair said, not even whether it exists), a counsellor, and one of
/// the fair's organising centre's; anyone else is not told the fair exists. `Err` is the answer.
pub async fn organiser_and_fair(
    state: &AppState,
    ui: &Ui,
    fields: &[(String, String)],
) -> Result<(crate::domain::Actor, super::Fair), Response> {
    let Some(actor) = ui.actor.clone() else { return Err(plain_page::sign_in_first(FAIRS_PATH)) };
    if !permits(&actor, &[Role::Counsellor]) {
        return Err(AppError::Forbidden.into_response());
    }
    let fair_id = field(fields, "fair").parse::<i64>().map_err(|_| AppError::NotFound.into_response())?;
    match state.store.fair(fair_id).await {
        Ok(Some(fair)) if may_manage(&actor, fair.draft.centre_id) => Ok((actor, fair)),
        Ok(_) => Err(AppError::NotFound.into_response()),
        Err(err) => Err(AppError::from(err).into_response()),
    }
}

/// Publishes or cancels a fair. A step that cannot be taken now shows the fair's page again
/// saying why, as `409`.
pub async fn fair_step(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let id = field(&fields, "fair").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(&fair_path(id))) };
    let step = Step::from_code(field(&fields, "step")).ok_or(AppError::NotFound)?;
    let facts = state.store.fair_facts(id).await?.ok_or(AppError::NotFound)?;
    let now = now();
    let to = match next_status(&actor, &facts, step, now) {
        Ok(to) => to,
        // A draft is nobody else's business; a public fair is, but not theirs to change.
        Err(Refusal::NotYours) if phase(&facts, now) == Phase::Draft => return Err(AppError::NotFound),
        Err(Refusal::NotYours) => return Err(AppError::Forbidden),
        Err(refusal) => return step_refused(&state, parts, id, refusal_text(ui.lang, refusal)).await,
    };
    if !state.store.move_fair(id, facts.status, to, now).await? {
        // Moved by someone else, or the clock passed a line, since it was read.
        return step_refused(&state, parts, id, t(ui.lang, Key::fair_err_moved_meanwhile)).await;
    }
    tracing::info!(fair_id = id, by = actor.account_id, to = to.code(), "fair moved");
    let notice = if to == FairStatus::Published { Notice::FairPublished } else { Notice::FairCancelled };
    Ok(see_other(&notice.on(&fair_path(id))))
}

fn refusal_text(lang: Lang, refusal: Refusal) -> &'static str {
    match refusal {
        Refusal::AlreadyStarted => t(lang, Key::fair_err_already_started),
        Refusal::Over => t(lang, Key::fair_err_over),
        Refusal::WrongStatus | Refusal::NotYours => t(lang, Key::fair_err_moved_meanwhile),
    }
}

async fn step_refused(state: &AppState, mut parts: Parts, id: i64, message: &str) -> Result<Response, AppError> {
    let mut errors = FieldErrors::default();
    errors.push(super::FAIR_STEPS_FIELD, message);
    parts.uri = fair_path(id).parse().map_err(|_| AppError::NotFound)?;
    let mut response = render_again(state, parts, FormState { values: Vec::new(), errors }).await;
    if response.status() == StatusCode::UNPROCESSABLE_ENTITY {
        *response.status_mut() = StatusCode::CONFLICT;
    }
    Ok(response)
}

/// The fair's iCalendar file, for whoever may see the fair.
pub async fn fair_calendar(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Result<Response, AppError> {
    use super::ics::{calendar, CalendarEvent};
    let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
    let ui = Ui::from_request(&request.into_parts().0);
    let fair = state.store.fair(id).await?.ok_or(AppError::NotFound)?;
    let facts = fair.facts();
    let now = now();
    let organiser = ui.actor.as_ref().is_some_and(|actor| may_manage(actor, facts.centre_id));
    let phase = phase(&facts, now);
    if !phase.is_public() && !organiser {
        return Err(AppError::NotFound);
    }
    let url = format!("{}{}", state.public_origin, fair_path(id));
    let host = state.public_origin.split("://").nth(1).unwrap_or("senda");
    let location = match fair.draft.venue {
        Some(_) => fair.place(),
        None => format!("{} — {url}", t(ui.lang, Key::fair_online_location)),
    };
    let file = calendar(&CalendarEvent {
        uid: format!("fair-{id}@{host}"),
        title: &fair.draft.title,
        description: &format!("{}\n\n{url}", fair.draft.easy_read),
        location: &location,
        url: &url,
        starts_at: fair.draft.starts_at,
        ends_at: fair.draft.ends_at,
        stamped_at: now,
        sequence: fair.revision,
        cancelled: phase == Phase::Cancelled,
    });
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"feria-{id}.ics\"")),
            (header::CACHE_CONTROL, "no-cache".to_string()),
        ],
        file,
    )
        .into_response())
}
