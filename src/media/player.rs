//! The sign-language video player every page uses: the browser's own `<video>` (its controls
//! work with the keyboard and screen readers), captions as a WebVTT track shown by default,
//! never autoplay, the transcript in a disclosure, and a download link for whoever cannot play
//! it here. With JavaScript, a speed choice appears (native controls do not all offer one).

use super::{megabytes, SignVideo};
use crate::components::plain_text::PlainText;
use crate::i18n::{t, t_with, Key};
use crate::ui::use_ui;
use leptos::prelude::*;

/// Playback speeds offered, in percent (the select's values).
const SPEEDS: [(u16, Key); 4] = [
    (50, Key::video_speed_half),
    (75, Key::video_speed_slow),
    (100, Key::video_speed_normal),
    (125, Key::video_speed_fast),
];

/// A sign-language video in a section of its own, headed `heading`. `id` names the section's
/// parts, so one page can hold several.
#[component]
pub fn SignLanguageVideo(
    id: &'static str,
    heading: String,
    video: SignVideo,
    src: String,
    captions_src: String,
) -> impl IntoView {
    let lang = use_ui().lang;
    let (heading_id, labelled_by) = (format!("{id}-h"), format!("{id}-h"));
    let video_id = format!("{id}-video");
    let speeds = SPEEDS
        .iter()
        .map(|(percent, name)| view! { <option value=percent.to_string() selected=*percent == 100>{t(lang, *name)}</option> })
        .collect_view();
    let download = t_with(lang, Key::video_download, &[("size", &megabytes(video.bytes))]);
    view! {
        <section class="app-sign-video" aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <p class="app-hint">{t(lang, Key::video_hint)}</p>
            <video
                id=video_id.clone()
                class="app-sign-video__video"
                controls
                preload="metadata"
                playsinline
            >
                <source src=src.clone() type=video.kind.mime() />
                <track kind="captions" src=captions_src srclang="es" label=t(lang, Key::video_captions_label) default />
                <p>{t(lang, Key::video_unsupported)}</p>
            </video>
            <label class="app-sign-video__speed" data-video-speed data-live=crate::components::live::value(false) hidden>
                {format!("{} ", t(lang, Key::video_speed))}
                <select class="app-field__input app-field__select" data-for=video_id>{speeds}</select>
            </label>
            <VideoSpeed />
            <details class="app-sign-video__transcript">
                <summary>{t(lang, Key::video_transcript)}</summary>
                <div data-read-aloud>
                    <PlainText text=video.transcript />
                </div>
            </details>
            <p>
                <a href=src download>{download}</a>
            </p>
        </section>
    }
}

/// Shows every speed choice on the page and makes it set its video's playback rate. No view
/// of its own: the choice is server HTML, hidden until this runs.
#[island]
fn VideoSpeed() -> impl IntoView {
    Effect::new(browser::wire);
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    pub fn wire() {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(choices) = document.query_selector_all("[data-video-speed]:not([data-wired])") else { return };
        for index in 0..choices.length() {
            let Some(label) = choices.item(index).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let _ = label.set_attribute("data-wired", "");
            let Some(select) = label.query_selector("select").ok().flatten() else { continue };
            let Some(video) = select
                .get_attribute("data-for")
                .and_then(|id| document.get_element_by_id(&id))
                .and_then(|v| v.dyn_into::<web_sys::HtmlMediaElement>().ok())
            else {
                continue;
            };
            let handler = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                let percent = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                    .and_then(|select| select.value().parse::<u16>().ok())
                    .unwrap_or(100);
                video.set_playback_rate(f64::from(percent) / 100.0);
            });
            let _ = select.add_event_listener_with_callback("change", handler.as_ref().unchecked_ref());
            handler.forget();
            let _ = label.toggle_attribute_with_force("hidden", false);
            crate::components::live::mark(&label);
        }
    }
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    pub fn wire() {}
}
