//! The page where an employer or counsellor attaches a vacancy's sign-language video: a plain
//! multipart form (the video, its WebVTT captions, the transcript) that works without
//! JavaScript, and, when the vacancy has one, what it has and a button to take it away.

use crate::components::form::{use_form_state, CsrfField, ErrorSummary, FileField, TextArea};
use crate::components::notice::sign_in_first;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::format_lima;
use crate::i18n::{t, t_with, Key};
use crate::media::megabytes;
use crate::ui::use_ui;
use crate::vacancies::api::{read_video_slot, VideoSlot};
use crate::vacancies::vacancy_path;
use crate::vacancies::{REMOVE_VACANCY_VIDEO_PATH, VACANCY_VIDEO_PATH};
use leptos::prelude::*;
use leptos_meta::Title;

/// The page of vacancy `?id=`'s sign-language video, for whoever may change its text.
#[component]
pub fn VacancyVideoPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, &ui.path) {
        return away;
    }
    let Some(id) = ui.query_id("id") else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let slot = Resource::new_blocking(move || id, read_video_slot);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match slot.await {
                    Ok(found) => view! { <VideoForm found /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn VideoForm(found: VideoSlot) -> impl IntoView {
    let slot = found;
    let ui = use_ui();
    let lang = ui.lang;
    let form = use_form_state();
    let heading = t_with(lang, Key::video_page_h1, &[("title", &slot.title)]);
    let title =
        if form.has_errors() { format!("{}: {heading}", t(lang, Key::form_error_prefix)) } else { heading.clone() };
    let max = megabytes(slot.max_bytes);
    let id = slot.vacancy_id;
    let current = slot.video.map(|video| {
        let said = t_with(
            lang,
            Key::video_current,
            &[("size", &megabytes(video.bytes)), ("when", &format_lima(video.uploaded_at))],
        );
        view! {
            <div class="app-inset">
                <p>{said}</p>
                <form method="post" action=REMOVE_VACANCY_VIDEO_PATH>
                    <CsrfField />
                    <input type="hidden" name="vacancy" value=id.to_string() />
                    <button class="app-button app-button--secondary" type="submit">{t(lang, Key::video_remove)}</button>
                </form>
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
            <form
                method="post"
                action=format!("{VACANCY_VIDEO_PATH}?id={id}")
                enctype="multipart/form-data"
                novalidate
            >
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
                    <a href=vacancy_path(id)>{t(lang, Key::video_back)}</a>
                </div>
            </form>
        </div>
    }
}
