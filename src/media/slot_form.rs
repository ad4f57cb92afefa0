//! The page that fills a video slot, whoever's it is (a vacancy's, a fair's, a stand's): a
//! plain multipart form (the video, its WebVTT captions, the transcript) that works without
//! JavaScript, and, when the slot holds a video, what it holds and a button to take it away.
//! The owner's feature says who may see it and where it posts.

use super::{megabytes, SignVideo};
use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, CsrfField, ErrorSummary, FileField, TextArea};
use crate::components::private_page::PrivateRecordPage;
use crate::domain::lima_time::format_lima;
use crate::error::AppError;
use crate::i18n::{t, t_with, Key};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};
use std::future::Future;

/// A video slot as its page shows it, to whoever may fill it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VideoSlot {
    /// The vacancy, fair or stand it belongs to.
    pub owner_id: i64,
    /// What the video belongs to, as its page names it.
    pub title: String,
    pub video: Option<SignVideo>,
    pub max_bytes: i64,
}

/// The page of the slot of owner `?id=`, read by `read` (the owner's server function, which
/// says who may fill it); the form posts to `upload_path?id=` and, to take the video away, to
/// `remove_action` naming the owner in `owner_field`; `back` is the owner's page.
#[component]
pub fn VideoSlotPage<Read, Reading>(
    read: Read,
    upload_path: &'static str,
    remove_action: &'static str,
    owner_field: &'static str,
    back: fn(i64) -> String,
) -> impl IntoView
where
    Read: Fn(i64) -> Reading + Send + Sync + 'static,
    Reading: Future<Output = Result<VideoSlot, AppError>> + Send + 'static,
{
    view! {
        <PrivateRecordPage
            param="id"
            read
            show=move |found: VideoSlot| {
                let id = found.owner_id;
                view! {
                    <VideoSlotForm
                        title=found.title
                        upload_action=format!("{upload_path}?id={id}")
                        remove_action
                        owner_field
                        owner_id=id
                        back=back(id)
                        video=found.video
                        max_bytes=found.max_bytes
                    />
                }
            }
        />
    }
}

/// The whole page's content: its title and heading name `title` (what the video is about).
#[component]
fn VideoSlotForm(
    /// What the video belongs to, as its page names it.
    title: String,
    /// Where the upload form posts.
    upload_action: String,
    /// Where the form that takes the video away posts; it names the owner in `owner_field`.
    remove_action: &'static str,
    owner_field: &'static str,
    owner_id: i64,
    /// The owner's page, to go back to.
    back: String,
    video: Option<SignVideo>,
    max_bytes: i64,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let form = use_form_state();
    let heading = t_with(lang, Key::video_page_h1, &[("title", &title)]);
    let title =
        if form.has_errors() { format!("{}: {heading}", t(lang, Key::form_error_prefix)) } else { heading.clone() };
    let max = megabytes(max_bytes);
    let current = video.map(|video| {
        let said = t_with(
            lang,
            Key::video_current,
            &[("size", &megabytes(video.bytes)), ("when", &format_lima(video.uploaded_at))],
        );
        view! {
            <div class="app-inset">
                <p>{said}</p>
                <ButtonForm
                    action=remove_action
                    label=t(lang, Key::video_remove)
                    fields=vec![(owner_field, owner_id.to_string())]
                    secondary=true
                    inline=false
                />
            </div>
        }
    });
    // A good video from the last try waits on the server: choosing none keeps it.
    let pending = form.value("pending_video");
    let kept = (!pending.is_empty()).then(|| {
        let name = form.value("pending_name");
        let size = form.value("pending_size");
        let said = if name.is_empty() {
            t_with(lang, Key::video_kept_unnamed, &[("size", &size)])
        } else {
            t_with(lang, Key::video_kept, &[("name", &name), ("size", &size)])
        };
        view! {
            <input type="hidden" id="pending_video" name="pending_video" value=pending />
            <p class="app-inset">{said}</p>
        }
    });
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <ErrorSummary errors=form.errors.clone() />
            <h1>{heading}</h1>
            <p class="app-lead">{t_with(lang, Key::video_page_intro, &[("size", &max)])}</p>
            {current}
            <form method="post" action=upload_action enctype="multipart/form-data" novalidate>
                <CsrfField />
                {kept}
                <FileField
                    id="video"
                    label=t(lang, Key::video_file)
                    hint=Some(t(lang, Key::video_file_hint))
                    accept="video/webm,video/mp4,.webm,.mp4"
                    error=form.error("video")
                />
                <FileField
                    id="captions"
                    label=t(lang, Key::video_captions_file)
                    hint=Some(t(lang, Key::video_captions_hint))
                    accept=".vtt,text/vtt"
                    error=form.error("captions")
                />
                <TextArea
                    id="transcript"
                    label=t(lang, Key::video_transcript_field)
                    hint=Some(t(lang, Key::video_transcript_hint))
                    rows=8
                    value=form.value("transcript")
                    error=form.error("transcript")
                />
                <p>{t(lang, Key::video_wait_note)}</p>
                <div class="app-button-group">
                    <button class="app-button" type="submit">{t(lang, Key::video_submit)}</button>
                    <a href=back>{t(lang, Key::video_back)}</a>
                </div>
            </form>
        </div>
    }
}
