//! The endpoints of a vacancy's sign-language video: the upload form's post (read and
//! checked by `media::upload`), taking the video away, and serving the video (with byte
//! ranges) and its captions to whoever may see the vacancy.
//!
//! Nothing is half-stored: the file reaches the media store under a new key only when the
//! whole form is right, the database names it after that, and a replaced file goes last. A
//! form that comes back with a problem keeps the transcript, and keeps a good video on the
//! server for the second try, so nobody on slow data sends 200 MB twice.

use crate::components::notice::Notice;
use crate::domain::{Actor, Role};
use crate::error::AppError;
use crate::media::upload::{checked_upload, forget, Checked};
use crate::server::access::permits;
use crate::server::forms::{field, read};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use crate::vacancies::workflow::{may_edit, may_manage, Facts, Refusal};
use crate::vacancies::{vacancy_path, VacancyStatus};
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// Who is asking, in which language, with the request handed back.
fn ui_of(request: Request) -> (Ui, Request) {
    let (parts, body) = request.into_parts();
    (Ui::from_request(&parts), Request::from_parts(parts, body))
}

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
    let Checked { video, fresh } =
        match checked_upload(&state, request, ui.lang, &id.to_string(), actor.account_id).await {
            Ok(checked) => checked,
            Err(answer) => return Ok(answer),
        };
    match state.store.attach_vacancy_video(id, &video).await {
        Ok(replaced) => {
            forget(&state, replaced, "replaced").await;
            let bytes = video.bytes;
            // Never the file's own name: people name files after themselves.
            tracing::info!(vacancy_id = id, by = actor.account_id, bytes, fresh, "sign-language video attached");
            Ok(see_other(&Notice::VideoSaved.on(&vacancy_path(id))))
        }
        Err(err) => {
            // No row names it: nothing may keep it.
            let _ = state.media.remove(&video.media_key).await;
            Err(err.into())
        }
    }
}

/// Takes a vacancy's video away (the form names the vacancy).
pub async fn remove_vacancy_video(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (actor, id) = match editable(&state, &ui, field(&fields, "vacancy").parse().ok()).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    if let Some(key) = state.store.remove_vacancy_video(id).await? {
        forget(&state, Some(key), "removed").await;
        tracing::info!(vacancy_id = id, by = actor.account_id, "sign-language video removed");
    }
    Ok(see_other(&Notice::VideoRemoved.on(&vacancy_path(id))))
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

/// The video file of vacancy `id`, in byte ranges when asked (seeking, and phones that fetch
/// a video in pieces).
pub async fn vacancy_video(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, AppError> {
    let (ui, request) = ui_of(request);
    may_see(&state, &ui, id).await?;
    let file = state.store.vacancy_video_file(id).await?.ok_or(AppError::NotFound)?;
    Ok(state.media.serve(&file.media_key, file.kind.mime(), request).await)
}

/// The captions of vacancy `id`'s video, as WebVTT.
pub async fn vacancy_captions(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, AppError> {
    let (ui, _) = ui_of(request);
    may_see(&state, &ui, id).await?;
    let captions = state.store.vacancy_captions(id).await?.ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/vtt; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=31536000, immutable")),
        ],
        captions,
    )
        .into_response())
}
