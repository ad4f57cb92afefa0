//! The endpoints of a fair's sign-language video: who may attach or take it away (its
//! organisers, while they may change the fair) and who may watch it (whoever may see the
//! fair); the upload, the removal and the serving are every slot's (`media::slot`).

use super::fair_path;
use super::rules::{may_edit, may_manage, phase, Refusal};
use crate::components::notice::Notice;
use crate::domain::{Actor, Role};
use crate::error::AppError;
use crate::media::slot::{self, ui_of};
use crate::media::store::VideoOwner;
use crate::server::access::permits;
use crate::server::auth::now;
use crate::server::forms::{field, read};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};

/// Who may change fair `id`'s video: whoever may change the fair. `Err` is the answer.
async fn editable(state: &AppState, ui: &Ui, id: Option<i64>) -> Result<(Actor, i64), Response> {
    let Some(actor) = ui.actor.clone() else { return Err(plain_page::sign_in_first(&ui.path)) };
    if !permits(&actor, &[Role::Counsellor]) {
        return Err(plain_page::forbidden(ui.lang));
    }
    let Some(id) = id else { return Err(AppError::NotFound.into_response()) };
    match state.store.fair_facts(id).await {
        Ok(Some(facts)) => match may_edit(&actor, &facts, now()) {
            Ok(()) => Ok((actor, id)),
            Err(Refusal::NotYours) => Err(AppError::NotFound.into_response()),
            // Over or cancelled: its page says how it stands.
            Err(_) => Err(see_other(&Notice::FairMoved.on(&fair_path(id)))),
        },
        Ok(None) => Err(AppError::NotFound.into_response()),
        Err(err) => Err(AppError::from(err).into_response()),
    }
}

/// Takes the upload form of a fair's video (`?id=`).
pub async fn upload_fair_video(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (ui, request) = ui_of(request);
    let (actor, id) = match editable(&state, &ui, ui.query_id("id")).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    slot::upload(&state, request, ui.lang, VideoOwner::Fair(id), actor.account_id, &fair_path(id)).await
}

/// Takes a fair's video away (the form names the fair).
pub async fn remove_fair_video(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (actor, id) = match editable(&state, &ui, field(&fields, "fair").parse().ok()).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    slot::remove(&state, VideoOwner::Fair(id), actor.account_id, &fair_path(id)).await
}

/// Whether whoever asks may see fair `id` (and so its video): anyone once published, its
/// organisers before.
async fn may_see(state: &AppState, ui: &Ui, id: i64) -> Result<(), AppError> {
    let facts = state.store.fair_facts(id).await?.ok_or(AppError::NotFound)?;
    let organiser = ui.actor.as_ref().is_some_and(|actor| may_manage(actor, facts.centre_id));
    if phase(&facts, now()).is_public() || organiser {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The video file of fair `id`.
pub async fn fair_video(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, AppError> {
    let (ui, request) = ui_of(request);
    may_see(&state, &ui, id).await?;
    slot::serve(&state, VideoOwner::Fair(id), request).await
}

/// The captions of fair `id`'s video, as WebVTT.
pub async fn fair_captions(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, AppError> {
    let (ui, _) = ui_of(request);
    may_see(&state, &ui, id).await?;
    slot::captions(&state, VideoOwner::Fair(id)).await
}
