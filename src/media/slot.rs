//! The endpoints every video slot shares, once its feature has decided who may do what: taking
//! an upload into the slot, taking the video away, and serving the video (with byte ranges)
//! and its captions.
//!
//! Nothing is half-stored: the file reaches the media store under a new key only when the
//! whole form is right, the database names it after that, and a replaced file goes last. A
//! form that comes back with a problem keeps the transcript, and keeps a good video on the
//! server for the second try, so nobody on slow data sends 200 MB twice.

use super::store::VideoOwner;
use super::upload::{checked_upload, forget, Checked};
use crate::components::notice::Notice;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// Who is asking and in which language, read off a request that is handed back whole (the
/// upload's body is read later, part by part).
pub fn ui_of(request: Request) -> (crate::ui::Ui, Request) {
    let (parts, body) = request.into_parts();
    (crate::ui::Ui::from_request(&parts), Request::from_parts(parts, body))
}

/// Takes the upload form posted by `account` into `owner`'s slot, then sends them to `page`
/// (the owner's page) saying so. A form with problems is answered with its page again.
pub async fn upload(
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
pub async fn remove(state: &AppState, owner: VideoOwner, account: i64, page: &str) -> Result<Response, AppError> {
    if let Some(key) = state.store.remove_sign_video(owner).await? {
        forget(state, Some(key), "removed").await;
        tracing::info!(?owner, by = account, "sign-language video removed");
    }
    Ok(see_other(&Notice::VideoRemoved.on(page)))
}

/// `owner`'s video file, in byte ranges when asked (seeking, and phones that fetch a video in
/// pieces), for someone the feature let see the owner.
pub async fn serve(state: &AppState, owner: VideoOwner, request: Request) -> Result<Response, AppError> {
    let file = state.store.sign_video_file(owner).await?.ok_or(AppError::NotFound)?;
    Ok(state.media.serve(&file.media_key, file.kind.mime(), request).await)
}

/// The captions of `owner`'s video, as WebVTT. Their address names the video's version, so
/// they are kept for good.
pub async fn captions(state: &AppState, owner: VideoOwner) -> Result<Response, AppError> {
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
