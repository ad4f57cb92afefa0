//! The endpoints every video slot shares: taking an upload into the slot, taking the video
//! away, and serving the video (with byte ranges) and its captions. A feature says only who
//! may change and who may see its owners' videos (`Owners`); the rest is here, once.
//!
//! Nothing is half-stored: the file reaches the media store under a new key only when the
//! whole form is right, the database names it after that, and a replaced file goes last. A
//! form that comes back with a problem keeps the transcript, and keeps a good video on the
//! server for the second try, so nobody on slow data sends 200 MB twice.

use super::store::VideoOwner;
use super::upload::{checked_upload, forget, Checked};
use crate::components::notice::Notice;
use crate::domain::{Actor, Role};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::server::access::permits;
use crate::server::forms::{field, read};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use std::future::Future;

/// The owners of one kind of video (vacancies, fairs, stands) as their feature rules them.
pub trait Owners: Send + Sync + 'static {
    /// The roles that may change such a video at all (the route table says the same).
    const CHANGERS: &'static [Role];
    /// The form field naming the owner whose video is taken away.
    const FIELD: &'static str;

    /// The slot of owner `id`.
    fn slot(id: i64) -> VideoOwner;

    /// The owner's page, where a change sends the person back.
    fn page(id: i64) -> String;

    /// Whether `actor` may change owner `id`'s video now. `Err` is the answer: not found when
    /// they may not know it, its page saying how it stands when it may no longer change.
    fn may_change(state: &AppState, actor: &Actor, id: i64) -> impl Future<Output = Result<(), Response>> + Send;

    /// Whether whoever `ui` is may see owner `id`, and so its video and captions.
    fn may_see(state: &AppState, ui: &Ui, id: i64) -> impl Future<Output = Result<(), AppError>> + Send;
}

/// Who may change owner `id`'s video, when it is named at all. `Err` is the answer.
async fn changer<O: Owners>(state: &AppState, ui: &Ui, id: Option<i64>) -> Result<(Actor, i64), Response> {
    let Some(actor) = ui.actor.clone() else { return Err(plain_page::sign_in_first(&ui.path)) };
    if !permits(&actor, O::CHANGERS) {
        return Err(plain_page::forbidden(ui.lang));
    }
    let Some(id) = id else { return Err(AppError::NotFound.into_response()) };
    O::may_change(state, &actor, id).await?;
    Ok((actor, id))
}

/// Takes the upload form of an owner's video (`?id=`).
pub async fn take_upload<O: Owners>(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (ui, request) = ui_of(request);
    match changer::<O>(&state, &ui, ui.query_id("id")).await {
        Ok((actor, id)) => upload(&state, request, ui.lang, O::slot(id), actor.account_id, &O::page(id)).await,
        Err(answer) => Ok(answer),
    }
}

/// Takes an owner's video away (the form names the owner).
pub async fn take_away<O: Owners>(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    match changer::<O>(&state, &ui, field(&fields, O::FIELD).parse().ok()).await {
        Ok((actor, id)) => remove(&state, O::slot(id), actor.account_id, &O::page(id)).await,
        Err(answer) => Ok(answer),
    }
}

/// The video file of owner `id`, for whoever may see the owner.
pub async fn video_file<O: Owners>(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, AppError> {
    let (ui, request) = ui_of(request);
    O::may_see(&state, &ui, id).await?;
    serve(&state, O::slot(id), request).await
}

/// The captions of owner `id`'s video, as WebVTT, for whoever may see the owner.
pub async fn captions_file<O: Owners>(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, AppError> {
    let (ui, _) = ui_of(request);
    O::may_see(&state, &ui, id).await?;
    captions(&state, O::slot(id)).await
}

/// Who is asking and in which language, read off a request that is handed back whole (the
/// upload's body is read later, part by part).
fn ui_of(request: Request) -> (crate::ui::Ui, Request) {
    let (parts, body) = request.into_parts();
    (crate::ui::Ui::from_request(&parts), Request::from_parts(parts, body))
}

/// Takes the upload form posted by `account` into `owner`'s slot, then sends them to `page`
/// (the owner's page) saying so. A form with problems is answered with its page again.
async fn upload(
    state: &AppState,
    request: Request,
    lang: Lang,
    owner: VideoOwner,
    account: i64,
    page: &str,
) -> Result<Response, AppError> {
    let Checked { video, fresh } = match checked_upload(state, request, lang, &owner.slot(), account).await {
        Ok(checked) => checked,
        Err(answer) => return Ok(answer),
    };
    match state.store.attach_sign_video(owner, &video).await {
        Ok(replaced) => {
            forget(state, replaced, "replaced").await;
            // Never the file's own name: people name files after themselves.
            tracing::info!(?owner, by = account, bytes = video.bytes, fresh, "sign-language video attached");
            Ok(see_other(&Notice::VideoSaved.on(page)))
        }
        Err(err) => {
            // No row names it: nothing may keep it.
            let _ = state.media.remove(&video.media_key).await;
            Err(err.into())
        }
    }
}

/// Takes `owner`'s video away, for `account`, then sends them to `page`.
async fn remove(state: &AppState, owner: VideoOwner, account: i64, page: &str) -> Result<Response, AppError> {
    if let Some(key) = state.store.remove_sign_video(owner).await? {
        forget(state, Some(key), "removed").await;
        tracing::info!(?owner, by = account, "sign-language video removed");
    }
    Ok(see_other(&Notice::VideoRemoved.on(page)))
}

/// `owner`'s video file, in byte ranges when asked (seeking, and phones that fetch a video in
/// pieces), for someone the feature let see the owner.
async fn serve(state: &AppState, owner: VideoOwner, request: Request) -> Result<Response, AppError> {
    let file = state.store.sign_video_file(owner).await?.ok_or(AppError::NotFound)?;
    Ok(state.media.serve(&file.media_key, file.kind.mime(), request).await)
}

/// The captions of `owner`'s video, as WebVTT. Their address names the video's version, so
/// they are kept for good.
async fn captions(state: &AppState, owner: VideoOwner) -> Result<Response, AppError> {
    let captions = state.store.sign_video_captions(owner).await?.ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/vtt; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=31536000, immutable")),
        ],
        captions,
    )
        .into_response())
}

/// `owner`'s slot as its page shows it, named `title`, for someone the feature let fill it.
pub async fn slot_view(
    state: &AppState,
    owner: VideoOwner,
    title: String,
) -> Result<super::slot_form::VideoSlot, AppError> {
    Ok(super::slot_form::VideoSlot {
        owner_id: owner.id(),
        title,
        video: state.store.sign_video(owner).await?,
        max_bytes: i64::try_from(state.video_max_bytes).unwrap_or(i64::MAX),
    })
}
