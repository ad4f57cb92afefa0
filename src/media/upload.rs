//! A sign-language video's upload form, read and checked for whichever feature holds the
//! video (vacancies today): streamed to disk and checked as it arrives — a 200 MB video is
//! never held in memory — with its captions and transcript.
//!
//! Nothing is half-stored: the file reaches the media store under a new key only when the
//! whole form is right, the database names it after that, and a replaced file goes last. A
//! form that comes back with a problem keeps the transcript, and keeps a good video on the
//! server for the second try (`parked`), so nobody on slow data sends 200 MB twice.

use super::kind::{video_kind, SNIFF_BYTES};
use super::parked::{self, Parked};
use super::webvtt::{self, VttError, MAX_CAPTIONS_BYTES};
use super::{megabytes, VideoKind, MAX_TRANSCRIPT_CHARS};
use crate::components::form::FormState;
use crate::error::FieldErrors;
use crate::i18n::{t, t_with, Key, Lang};
use crate::media::store::NewSignVideo;
use crate::server::auth::{now, tokens};
use crate::server::forms::render_again;
use crate::server::state::AppState;
use axum::extract::{FromRequest, Multipart, Request};
use axum::response::Response;
use std::path::PathBuf;
use tokio::io::AsyncWriteExt;

/// Fields other than the files and the transcript are a token or two.
const MAX_OTHER_FIELD_BYTES: usize = 1024;

/// What came in for the video field.
enum VideoPart {
    /// No file chosen.
    None,
    /// A real WebM or MP4, written to `path`.
    Good {
        path: PathBuf,
        kind: VideoKind,
        bytes: u64,
        name: String,
    },
    NotVideo,
    TooLarge,
    /// The server could not write it down (a full disk): said so, nothing kept.
    Unsaved,
}

/// The upload form, read.
struct Upload {
    video: VideoPart,
    captions: Option<Vec<u8>>,
    captions_too_large: bool,
    transcript: String,
    transcript_too_long: bool,
    pending: String,
    /// The body ended before the form did (the connection dropped, or it was not well formed).
    cut_short: bool,
}

/// Reads the multipart form, streaming the video to a scratch file. A body that is not a
/// multipart form reads as an empty one (every field then says what is missing).
async fn read_upload(state: &AppState, request: Request, max_video: u64) -> Upload {
    let mut upload = Upload {
        video: VideoPart::None,
        captions: None,
        captions_too_large: false,
        transcript: String::new(),
        transcript_too_long: false,
        pending: String::new(),
        cut_short: false,
    };
    let Ok(mut form) = Multipart::from_request(request, state).await else { return upload };
    loop {
        let mut part = match form.next_field().await {
            Ok(Some(part)) => part,
            Ok(None) => break,
            Err(_) => {
                upload.cut_short = true;
                break;
            }
        };
        let name = part.name().unwrap_or("").to_string();
        match name.as_str() {
            "video" => {
                let file_name = part.file_name().unwrap_or("").to_string();
                upload.video = read_video(state, &mut part, max_video, file_name).await;
            }
            "captions" => {
                let (bytes, complete) = read_small(&mut part, MAX_CAPTIONS_BYTES).await;
                upload.captions_too_large = !complete;
                upload.captions = (!bytes.is_empty() || !part.file_name().unwrap_or("").is_empty()).then_some(bytes);
            }
            "transcript" => {
                let (bytes, complete) = read_small(&mut part, MAX_TRANSCRIPT_CHARS * 4).await;
                upload.transcript_too_long = !complete;
                upload.transcript = String::from_utf8_lossy(&bytes).into_owned();
            }
            "pending_video" => {
                let (bytes, _) = read_small(&mut part, MAX_OTHER_FIELD_BYTES).await;
                upload.pending = String::from_utf8_lossy(&bytes).into_owned();
            }
            _ => {
                read_small(&mut part, MAX_OTHER_FIELD_BYTES).await;
            }
        }
    }
    upload
}

/// Up to `max` bytes of a field, and whether that was all of it (the rest is read and dropped,
/// so the browser gets the answer instead of a broken connection).
async fn read_small(part: &mut axum::extract::multipart::Field<'_>, max: usize) -> (Vec<u8>, bool) {
    let mut bytes = Vec::new();
    let mut complete = true;
    while let Ok(Some(chunk)) = part.chunk().await {
        // What fits is kept, so a text too long still comes back to the person.
        if bytes.len() + chunk.len() > max {
            let room = max - bytes.len();
            if complete {
                bytes.extend_from_slice(&chunk[..room]);
            }
            complete = false;
        } else if complete {
            bytes.extend_from_slice(&chunk);
        }
    }
    (bytes, complete)
}

/// Streams the video field to a scratch file, checking its first bytes and its size.
async fn read_video(
    state: &AppState,
    part: &mut axum::extract::multipart::Field<'_>,
    max: u64,
    name: String,
) -> VideoPart {
    let path = state.media.scratch().join(format!("{}.part", tokens::new_token()));
    let mut head: Vec<u8> = Vec::with_capacity(SNIFF_BYTES);
    let mut file: Option<tokio::fs::File> = None;
    let mut refused: Option<VideoPart> = None;
    let mut bytes: u64 = 0;
    loop {
        let chunk = match part.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            // Cut off midway: what arrived is not the video.
            Err(_) => {
                refused.get_or_insert(VideoPart::NotVideo);
                break;
            }
        };
        if refused.is_some() {
            continue; // read on to the end of the form, keeping nothing
        }
        bytes += chunk.len() as u64;
        if bytes > max {
            refused = Some(VideoPart::TooLarge);
            continue;
        }
        if head.len() < SNIFF_BYTES {
            let room = SNIFF_BYTES - head.len();
            head.extend_from_slice(&chunk[..room.min(chunk.len())]);
            if head.len() == SNIFF_BYTES && video_kind(&head).is_none() {
                refused = Some(VideoPart::NotVideo);
                continue;
            }
        }
        if let Err(err) = append(&mut file, &path, &chunk).await {
            tracing::error!(error = %err, path = %path.display(), "cannot write an upload");
            refused = Some(VideoPart::Unsaved);
        }
    }
    let finished = match file.as_mut() {
        Some(open) if refused.is_none() => open.flush().await.map_err(|_| VideoPart::Unsaved),
        _ => Ok(()),
    };
    // A file shorter than the sniffing window is judged on what there is.
    let outcome = match (refused, finished, video_kind(&head)) {
        (Some(refused), _, _) | (None, Err(refused), _) => refused,
        (None, Ok(()), _) if bytes == 0 => VideoPart::None,
        (None, Ok(()), None) => VideoPart::NotVideo,
        (None, Ok(()), Some(kind)) => return VideoPart::Good { path, kind, bytes, name },
    };
    let _ = tokio::fs::remove_file(&path).await;
    outcome
}

/// Appends `chunk` to the scratch file, made on the first chunk.
async fn append(file: &mut Option<tokio::fs::File>, path: &std::path::Path, chunk: &[u8]) -> std::io::Result<()> {
    if file.is_none() {
        *file = Some(tokio::fs::File::create(path).await?);
    }
    match file.as_mut() {
        Some(open) => open.write_all(chunk).await,
        None => Ok(()),
    }
}

fn captions_error(lang: Lang, error: VttError) -> String {
    let line = |key: Key, line: usize| t_with(lang, key, &[("line", &line.to_string())]);
    match error {
        VttError::TooLarge => {
            t_with(lang, Key::video_err_captions_large, &[("size", &megabytes(MAX_CAPTIONS_BYTES as i64))])
        }
        VttError::NotText => t(lang, Key::video_err_captions_not_text).to_string(),
        VttError::NoHeader => t(lang, Key::video_err_captions_header).to_string(),
        VttError::BadTiming { line: n } => line(Key::video_err_captions_timing, n),
        VttError::EndsBeforeStart { line: n } => line(Key::video_err_captions_backwards, n),
        VttError::OutOfOrder { line: n } => line(Key::video_err_captions_order, n),
        VttError::ArrowInText { line: n } => line(Key::video_err_captions_arrow, n),
        VttError::NoCues => t(lang, Key::video_err_captions_empty).to_string(),
    }
}

/// A video form's upload, checked and kept in the media store: what its row is made of, and
/// whether it was sent in this post (`fresh`) or kept from the last try.
pub struct Checked {
    pub video: NewSignVideo,
    pub fresh: bool,
}

/// Reads and checks the upload form of the video slot `slot` (a name unique to the thing
/// that holds it, e.g. the vacancy's id) posted by `account`, and keeps a good video in the
/// media store. `Err` is the answer already: the form again with what was wrong on each field
/// (a good video kept for the second try), or the failure.
pub async fn checked_upload(
    state: &AppState,
    request: Request,
    lang: Lang,
    slot: &str,
    account: i64,
) -> Result<Checked, Response> {
    let (parts, body) = request.into_parts();
    let kept_parts = parts.clone();
    let upload = read_upload(state, Request::from_parts(parts, body), state.video_max_bytes).await;
    let mut errors = FieldErrors::default();
    let mut values: Vec<(String, String)> = vec![("transcript".into(), upload.transcript.clone())];
    let max_size = megabytes(i64::try_from(state.video_max_bytes).unwrap_or(i64::MAX));
    // The video: a new one, else the one kept from the last try.
    let video = match upload.video {
        VideoPart::Good { path, kind, bytes, name } => Some((path, kind, bytes, name, true)),
        VideoPart::None => match parked::find(state.media.scratch(), slot, account, upload.pending.trim()).await {
            Some((path, kind, bytes)) => Some((path, kind, bytes, String::new(), false)),
            None => {
                errors.push("video", t(lang, Key::video_err_missing));
                None
            }
        },
        VideoPart::NotVideo => {
            errors.push("video", t(lang, Key::video_err_not_video));
            None
        }
        VideoPart::TooLarge => {
            errors.push("video", t_with(lang, Key::video_err_too_large, &[("size", &max_size)]));
            None
        }
        VideoPart::Unsaved => {
            errors.push("video", t(lang, Key::video_err_unsaved));
            None
        }
    };
    let captions = match (upload.captions, upload.captions_too_large) {
        (_, true) => {
            errors.push("captions", captions_error(lang, VttError::TooLarge));
            None
        }
        (None, false) => {
            errors.push("captions", t(lang, Key::video_err_captions_missing));
            None
        }
        (Some(bytes), false) => match webvtt::validate(&bytes) {
            Ok(_) => Some(String::from_utf8_lossy(&bytes).into_owned()),
            Err(error) => {
                errors.push("captions", captions_error(lang, error));
                None
            }
        },
    };
    let transcript = upload.transcript.trim().to_string();
    if upload.cut_short && errors.get("video").is_none() {
        errors.push("video", t(lang, Key::video_err_cut_short));
    }
    if transcript.is_empty() {
        errors.push("transcript", t(lang, Key::video_err_transcript_missing));
    } else if upload.transcript_too_long || transcript.chars().count() > MAX_TRANSCRIPT_CHARS {
        errors.push(
            "transcript",
            t_with(lang, Key::video_err_transcript_long, &[("max", &MAX_TRANSCRIPT_CHARS.to_string())]),
        );
    }
    let (Some((path, kind, bytes, _, fresh)), Some(captions), true) = (video.clone(), captions, errors.is_empty())
    else {
        // A good video waits for the second try; the form says it has it.
        if let Some((path, kind, bytes, name, fresh)) = video {
            let token = if fresh { tokens::new_token() } else { upload.pending.trim().to_string() };
            let parked = if fresh {
                let owner = (slot, account, token.as_str());
                parked::park(state.media.scratch(), owner, kind, &path, bytes, state.parked_video_quota).await
            } else {
                Parked::Kept
            };
            match parked {
                Parked::Kept => {
                    values.push(("pending_video".into(), token));
                    values.push(("pending_name".into(), name));
                    values.push(("pending_size".into(), megabytes(i64::try_from(bytes).unwrap_or(i64::MAX))));
                }
                Parked::OverQuota => errors.push("video", t(lang, Key::video_err_not_parked)),
                Parked::Unsaved => errors.push("video", t(lang, Key::video_err_unsaved)),
            }
        }
        return Err(render_again(state, kept_parts, FormState { values, errors }).await);
    };
    let key = format!("{}.{}", tokens::new_token(), kind.extension());
    if let Err(err) = state.media.keep(&path, &key).await {
        // A full disk, or a store out of reach: said on the field, nothing kept or named.
        tracing::error!(error = %err, "cannot keep an uploaded video");
        let _ = tokio::fs::remove_file(&path).await;
        errors.push("video", t(lang, Key::video_err_unsaved));
        return Err(render_again(state, kept_parts, FormState { values, errors }).await);
    }
    let video = NewSignVideo {
        media_key: key.clone(),
        kind,
        bytes: i64::try_from(bytes).unwrap_or(i64::MAX),
        captions,
        transcript,
        uploaded_by: account,
        uploaded_at: now(),
    };
    Ok(Checked { video, fresh })
}

/// Deletes the file of a video that a new one replaced, or that was taken away; one left
/// behind is logged, not an error.
pub async fn forget(state: &AppState, key: Option<String>, why: &str) {
    if let Some(key) = key {
        if let Err(err) = state.media.remove(&key).await {
            tracing::warn!(error = %err, %key, why, "a video's file stays behind");
        }
    }
}
