//! The uploaded CV: the form's post (the file checked by its first bytes and its size before
//! anything is kept), taking it away, and reading it — by whoever may read the CV page.
//! The media store gets the file under a new key first; the profile names it after that; a
//! replaced or removed file goes last.

use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, t_with, Key};
use crate::seekers::cv::{cv_subject, is_pdf, CvFile, CV_FILE_PATH, MAX_CV_BYTES};
use crate::seekers::data::{forget, kept_file};
use crate::seekers::handlers::step_profile;
use crate::seekers::steps::ProfileStep;
use crate::server::auth::{now, tokens};
use crate::server::forms::{read, render_again};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{header, HeaderValue};
use axum::response::Response;

/// The name of the file field.
pub const FILE_FIELD: &str = "cv";

/// What came in for the file field.
#[derive(Debug, PartialEq, Eq)]
enum Received {
    Nothing,
    Pdf(Vec<u8>),
    NotPdf,
    TooLarge,
    /// The body ended before the form did.
    CutShort,
}

/// Reads the form: the file (kept in memory up to [`MAX_CV_BYTES`], the rest read and dropped
/// so the browser gets the answer), every other field read and dropped.
async fn receive(state: &AppState, request: Request) -> Received {
    let Ok(mut form) = Multipart::from_request(request, state).await else { return Received::Nothing };
    let mut received = Received::Nothing;
    loop {
        let mut part = match form.next_field().await {
            Ok(Some(part)) => part,
            Ok(None) => return received,
            Err(_) => return Received::CutShort,
        };
        let is_file = part.name() == Some(FILE_FIELD);
        let mut bytes = Vec::new();
        let mut too_large = false;
        loop {
            match part.chunk().await {
                Ok(Some(chunk)) if is_file && !too_large => {
                    too_large = bytes.len() + chunk.len() > MAX_CV_BYTES;
                    if !too_large {
                        bytes.extend_from_slice(&chunk);
                    }
                }
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(_) => return Received::CutShort,
            }
        }
        if is_file {
            received = match (too_large, bytes.is_empty()) {
                (true, _) => Received::TooLarge,
                (false, true) => Received::Nothing,
                (false, false) if is_pdf(&bytes) => Received::Pdf(bytes),
                (false, false) => Received::NotPdf,
            };
        }
    }
}

pub async fn upload_cv_file(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, body) = request.into_parts();
    let ui = Ui::from_request(&parts);
    let (profile, progress) = match step_profile(&state, &ui, CV_FILE_PATH).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let kept_parts = parts.clone();
    let lang = ui.lang;
    let problem = match receive(&state, Request::from_parts(parts, body)).await {
        Received::Pdf(bytes) => return keep(&state, profile.id, bytes, &progress.path(ProfileStep::CvFile)).await,
        Received::Nothing => t(lang, Key::cv_file_err_missing).to_string(),
        Received::NotPdf => t(lang, Key::cv_file_err_not_pdf).to_string(),
        Received::TooLarge => {
            t_with(lang, Key::cv_file_err_too_large, &[("size", &crate::media::megabytes(MAX_CV_BYTES as i64))])
        }
        Received::CutShort => t(lang, Key::video_err_cut_short).to_string(),
    };
    let mut errors = FieldErrors::default();
    errors.push(FILE_FIELD, problem);
    Ok(render_again(&state, kept_parts, FormState { values: Vec::new(), errors }).await)
}

/// Keeps a checked PDF as profile `id`'s CV, then deletes the one it replaces.
async fn keep(state: &AppState, id: i64, bytes: Vec<u8>, back: &str) -> Result<Response, AppError> {
    let scratch = state.media.scratch().join(format!("{}.part", tokens::new_token()));
    let key = format!("{}.pdf", tokens::new_token());
    let size = bytes.len() as i64;
    tokio::fs::write(&scratch, &bytes).await.map_err(AppError::internal)?;
    if let Err(err) = state.media.keep(&scratch, &key).await {
        let _ = tokio::fs::remove_file(&scratch).await;
        return Err(AppError::internal(err));
    }
    let file = CvFile { media_key: key.clone(), bytes: size, uploaded_at: now() };
    match state.store.set_cv_file(id, &file).await {
        Ok(replaced) => {
            forget(state, replaced).await;
            tracing::info!(seeker_id = id, bytes = size, "CV file kept");
            Ok(see_other(&Notice::CvFileSaved.on(back)))
        }
        Err(err) => {
            // The profile does not name it: nothing may keep it.
            let _ = state.media.remove(&key).await;
            Err(err.into())
        }
    }
}

pub async fn remove_cv_file(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, _) = read(request).await;
    let ui = Ui::from_request(&parts);
    // Signed out, the way back is the step's page (this address only takes posts).
    let (profile, progress) = match step_profile(&state, &ui, CV_FILE_PATH).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let removed = state.store.remove_cv_file(profile.id, now()).await?;
    let was_there = removed.is_some();
    forget(&state, removed).await;
    let back = progress.path(ProfileStep::CvFile);
    Ok(if was_there { see_other(&Notice::CvFileRemoved.on(&back)) } else { see_other(&back) })
}

/// The uploaded PDF, for whoever may read the CV page with the same query; as a download, so
/// no browser runs it as a page of ours.
pub async fn cv_pdf(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, body) = request.into_parts();
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.as_ref() else { return Ok(plain_page::sign_in_first(crate::seekers::cv::CV_PATH)) };
    let (persona, application) = (ui.query_id("persona"), ui.query_id("postulacion"));
    let found = cv_subject(state.store.as_ref(), actor, persona, application, state.applicant_kept_secs).await;
    let key = match found {
        Ok((id, _, _)) => kept_file(&state, id).await,
        Err(err) => Err(err),
    };
    let key = key?.ok_or(AppError::NotFound)?;
    let mut response = state.media.serve(&key, "application/pdf", Request::from_parts(parts, body)).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"cv.pdf\""));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(response)
}
