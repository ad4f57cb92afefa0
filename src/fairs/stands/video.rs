//! The endpoints of a stand's sign-language introduction video: its company's employers attach
//! or take it away while they may change the stand; whoever may see the stand watches it. The
//! upload, the removal and the serving are every slot's (`media::slot`).

use super::rules::{acts_for, is_public, may_change, Refusal};
use super::stand_path;
use crate::components::notice::Notice;
use crate::domain::{Actor, Role};
use crate::error::AppError;
use crate::fairs::fair_path;
use crate::fairs::rules::{may_manage, phase};
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

/// Who may change stand `id`'s video: its company's employers, while the stand may change.
/// `Err` is the answer.
async fn editable(state: &AppState, ui: &Ui, id: Option<i64>) -> Result<(Actor, i64), Response> {
    let Some(actor) = ui.actor.clone() else { return Err(plain_page::sign_in_first(&ui.path)) };
    if !permits(&actor, &[Role::Employer]) {
        return Err(plain_page::forbidden(ui.lang));
    }
    let Some(id) = id else { return Err(AppError::NotFound.into_response()) };
    let found = async {
        let stand = state.store.stand(id).await?.ok_or(AppError::NotFound)?;
        let facts = state.store.fair_facts(stand.fair_id).await?.ok_or(AppError::NotFound)?;
        Ok::<_, AppError>((stand, facts))
    };
    match found.await {
        Ok((stand, facts)) => match may_change(&actor, stand.company_id, phase(&facts, now()), stand.status) {
            Ok(()) => Ok((actor, id)),
            Err(Refusal::NotYours) => Err(AppError::NotFound.into_response()),
            // Over, or the stand was declined or taken back: the fair's page says how it stands.
            Err(_) => Err(see_other(&Notice::FairMoved.on(&fair_path(stand.fair_id)))),
        },
        Err(err) => Err(err.into_response()),
    }
}

/// Takes the upload form of a stand's video (`?id=`).
pub async fn upload_stand_video(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (ui, request) = ui_of(request);
    let (actor, id) = match editable(&state, &ui, ui.query_id("id")).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    slot::upload(&state, request, ui.lang, VideoOwner::Stand(id), actor.account_id, &stand_path(id)).await
}

/// Takes a stand's video away (the form names the stand).
pub async fn remove_stand_video(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (actor, id) = match editable(&state, &ui, field(&fields, "stand").parse().ok()).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    slot::remove(&state, VideoOwner::Stand(id), actor.account_id, &stand_path(id)).await
}

/// Whether whoever asks may see stand `id` (and so its video): everyone once it is public, its
/// company and the fair's organisers before.
async fn may_see(state: &AppState, ui: &Ui, id: i64) -> Result<(), AppError> {
    let stand = state.store.stand(id).await?.ok_or(AppError::NotFound)?;
    let facts = state.store.fair_facts(stand.fair_id).await?.ok_or(AppError::NotFound)?;
    let insider =
        ui.actor.as_ref().is_some_and(|actor| acts_for(actor, stand.company_id) || may_manage(actor, facts.centre_id));
    if is_public(stand.status, phase(&facts, now())) || insider {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The video file of stand `id`.
pub async fn stand_video(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, AppError> {
    let (ui, request) = ui_of(request);
    may_see(&state, &ui, id).await?;
    slot::serve(&state, VideoOwner::Stand(id), request).await
}

/// The captions of stand `id`'s video, as WebVTT.
pub async fn stand_captions(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, AppError> {
    let (ui, _) = ui_of(request);
    may_see(&state, &ui, id).await?;
    slot::captions(&state, VideoOwner::Stand(id)).await
}
