//! The endpoints of a vacancy's sign-language video: who may attach or take it away (whoever
//! may change the vacancy's text) and who may watch it (whoever may see the vacancy); the
//! upload, the removal and the serving are every slot's (`media::slot`).

use crate::components::notice::Notice;
use crate::domain::{Actor, Role};
use crate::error::AppError;
use crate::media::slot::{self, ui_of};
use crate::media::store::VideoOwner;
use crate::server::access::permits;
use crate::server::forms::{field, read};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use crate::vacancies::workflow::{may_edit, may_manage, Facts, Refusal};
use crate::vacancies::{vacancy_path, VacancyStatus};
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};

/// Who may change the vacancy `id`'s video: whoever may change its text. `Err` is the answer.
async fn editable(state: &AppState, ui: &Ui, id: Option<i64>) -> Result<(Actor, i64), Response> {
    let back = ui.path.clone();
    let Some(actor) = ui.actor.clone() else { return Err(plain_page::sign_in_first(&back)) };
    if !permits(&actor, &[Role::Employer, Role::Counsellor]) {
        return Err(plain_page::forbidden(ui.lang));
    }
    let Some(id) = id else { return Err(AppError::NotFound.into_response()) };
    match state.store.vacancy_facts(id).await {
        Ok(Some(facts)) => match may_edit(&actor, &facts) {
            Ok(()) => Ok((actor, id)),
            Err(refusal @ Refusal::NotYours) => Err(refusal.as_error(&actor, &facts).into_response()),
            Err(_) => Err(see_other(&Notice::VacancyMoved.on(&vacancy_path(id)))),
        },
        Ok(None) => Err(AppError::NotFound.into_response()),
        Err(err) => Err(AppError::from(err).into_response()),
    }
}

/// Takes the upload form of a vacancy's video (`?id=`).
pub async fn upload_vacancy_video(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (ui, request) = ui_of(request);
    let (actor, id) = match editable(&state, &ui, ui.query("id").and_then(|id| id.parse().ok())).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    slot::upload(&state, request, ui.lang, VideoOwner::Vacancy(id), actor.account_id, &vacancy_path(id)).await
}

/// Takes a vacancy's video away (the form names the vacancy).
pub async fn remove_vacancy_video(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (actor, id) = match editable(&state, &ui, field(&fields, "vacancy").parse().ok()).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    slot::remove(&state, VideoOwner::Vacancy(id), actor.account_id, &vacancy_path(id)).await
}

/// Whether whoever asks may see vacancy `id` (and so its video): anyone once it is published
/// or closed, its company's employers and its centre's counsellors before.
async fn may_see(state: &AppState, ui: &Ui, id: i64) -> Result<(), AppError> {
    let visible = |facts: &Facts| {
        matches!(facts.status, VacancyStatus::Published | VacancyStatus::Closed)
            || ui.actor.as_ref().is_some_and(|actor| may_manage(actor, facts))
    };
    match state.store.vacancy_facts(id).await? {
        Some(facts) if visible(&facts) => Ok(()),
        _ => Err(AppError::NotFound),
    }
}

/// The video file of vacancy `id`.
pub async fn vacancy_video(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, AppError> {
    let (ui, request) = ui_of(request);
    may_see(&state, &ui, id).await?;
    slot::serve(&state, VideoOwner::Vacancy(id), request).await
}

/// The captions of vacancy `id`'s video, as WebVTT.
pub async fn vacancy_captions(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, AppError> {
    let (ui, _) = ui_of(request);
    may_see(&state, &ui, id).await?;
    slot::captions(&state, VideoOwner::Vacancy(id)).await
}
