//! The preferences panel in every page's header: a plain form that posts and comes back to the
//! same page, and an island that, when JavaScript runs, applies each change at once.

use super::{Prefs, TextSize, Theme, SAVE_PATH};
use crate::components::form::{Choice, CsrfField};
use crate::i18n::Key;
use crate::ui::use_ui;
use leptos::prelude::*;

fn size_label(size: TextSize) -> Key {
    match size {
        TextSize::Normal => Key::prefs_size_100,
        TextSize::Large => Key::prefs_size_125,
        TextSize::Larger => Key::prefs_size_150,
        TextSize::Largest => Key::prefs_size_200,
    }
}

fn theme_label(theme: Theme) -> Key {
    match theme {
        Theme::Device => Key::prefs_theme_default,
        Theme::HighContrastDark => Key::prefs_theme_dark,
        Theme::HighContrastLight => Key::prefs_theme_light,
    }
}

/// A disclosure (`<details>`): closed it costs one line of the header; it opens with Enter or
/// Space, no script needed.
#[component]
pub fn PreferencesPanel() -> impl IntoView {
    let ui = use_ui();
    let prefs = ui.prefs;
    let sizes = TextSize::ALL.map(|size| {
        view! { <Choice kind="radio" name="size" value=size.code() label=ui.t(size_label(size)) checked=prefs.text_size == size /> }
    });
    let themes = Theme::ALL.map(|theme| {
        view! { <Choice kind="radio" name="theme" value=theme.code() label=ui.t(theme_label(theme)) checked=prefs.theme == theme /> }
    });
    view! {
        <details class="app-prefs">
            <summary class="app-prefs__summary">{ui.t(Key::prefs_open)}</summary>
            <LivePreferences applied=ui.t(Key::prefs_applied).to_string()>
                <form class="app-prefs__form" method="post" action=SAVE_PATH novalidate>
                    <CsrfField />
                    <input type="hidden" name="return_to" value=ui.path.clone() />
                    <p class="app-hint">{ui.t(Key::prefs_hint)}</p>
                    <fieldset class="app-fieldset">
                        <legend class="app-fieldset__legend">{ui.t(Key::prefs_text_size)}</legend>
                        {sizes.into_iter().collect_view()}
                    </fieldset>
                    <fieldset class="app-fieldset">
                        <legend class="app-fieldset__legend">{ui.t(Key::prefs_theme)}</legend>
                        {themes.into_iter().collect_view()}
                    </fieldset>
                    <fieldset class="app-fieldset">
                        <legend class="app-fieldset__legend">{ui.t(Key::prefs_reading)}</legend>
                        <Choice kind="checkbox" name="font" value="1" label=ui.t(Key::prefs_font) checked=prefs.readable_font />
                        <Choice kind="checkbox" name="motion" value="1" label=ui.t(Key::prefs_motion) checked=prefs.reduce_motion />
                        <Choice kind="checkbox" name="speech" value="1" label=ui.t(Key::prefs_read_aloud) checked=prefs.read_aloud />
                        <Choice kind="checkbox" name="easy" value="1" label=ui.t(Key::prefs_easy_first) checked=prefs.easy_read_first />
                    </fieldset>
                    <button class="app-button" type="submit">{ui.t(Key::prefs_apply)}</button>
                </form>
            </LivePreferences>
        </details>
    }
}

/// The island: listens for changes in the form it wraps, applies them to the page at once,
/// stores them in the same cookie the server reads, and says so in a status message.
#[island]
fn LivePreferences(applied: String, children: Children) -> impl IntoView {
    let (status, set_status) = signal(String::new());
    // Effects run only in the browser: this marks the island as awake, for people (the form
    // then applies changes as they are made) and for the hydration test.
    let (live, set_live) = signal(false);
    Effect::new(move || set_live.set(true));
    let on_change = move |event: leptos::ev::Event| {
        if let Some(prefs) = live::read_form(&event) {
            live::apply(&prefs);
            // A changed text is announced again even when the words are the same.
            let text = if status.get_untracked() == applied { format!("{applied}\u{a0}") } else { applied.clone() };
            set_status.set(text);
        }
    };
    view! {
        <div class="app-prefs__live" data-live=move || crate::components::live::value(live.get()) on:change=on_change>
            {children()}
            <p class="app-prefs__status" role="status">{status}</p>
        </div>
    }
}

/// The browser side of the island.
mod live {
    use super::Prefs;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, FormData, HtmlDocument, HtmlFormElement};

    /// The preferences the form now shows.
    pub fn read_form(event: &web_sys::Event) -> Option<Prefs> {
        let target: Element = event.target()?.dyn_into().ok()?;
        let form: HtmlFormElement = target.closest("form").ok()??.dyn_into().ok()?;
        let data = FormData::new_with_form(&form).ok()?;
        let mut fields: Vec<(&str, String)> = Vec::new();
        for name in ["size", "theme"] {
            if let Some(value) = data.get(name).as_string() {
                fields.push((name, value));
            }
        }
        for name in ["font", "motion", "speech", "easy"] {
            if data.has(name) {
                fields.push((name, "1".to_string()));
            }
        }
        Some(Prefs::from_form(fields.iter().map(|(k, v)| (*k, v.as_str()))))
    }

    /// Restyles the page and remembers the choice.
    pub fn apply(prefs: &Prefs) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        if let Some(root) = document.document_element() {
            root.set_class_name(&prefs.html_classes());
        }
        if let Ok(html) = document.dyn_into::<HtmlDocument>() {
            let _ = html.set_cookie(&prefs.set_cookie_header());
        }
    }
}
