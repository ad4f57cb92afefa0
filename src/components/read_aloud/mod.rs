//! "Listen": reads a page's marked regions (`data-read-aloud`) aloud with the browser's own
//! speech synthesis, in the page's language (es-PE, else any Spanish voice), a sentence at a
//! time with the sentence highlighted, with pause, resume, stop and speed. Any page can use
//! it: mark the regions and place [`ListenControl`]. Without JavaScript, or without a voice
//! for the language, it says so instead of showing buttons that would do nothing.
//!
//! Speaking goes through one small `Speaker` (the browser's `speechSynthesis` today); audio
//! made on the server, for phones without voices, would be a second speaker with the same
//! four operations, chosen where `Speaker::browser` is.

use crate::i18n::{t, Key};
use leptos::prelude::*;

/// The attribute that marks a readable region.
pub const READABLE: &str = "data-read-aloud";

/// Speeds offered, as percentages of the voice's normal rate (whole numbers: parsing a float
/// would add kilobytes to the browser's download), with their names.
const SPEEDS: [(&str, Key); 4] = [
    ("75", Key::listen_speed_slow),
    ("100", Key::listen_speed_normal),
    ("125", Key::listen_speed_fast),
    ("150", Key::listen_speed_faster),
];

/// The control for the current page, in its language; hidden by the stylesheet when the
/// person turned read-aloud off in the preferences. Server HTML: the note for browsers without
/// JavaScript shows until the island finds a voice (then the buttons) or none (then a note
/// saying so). The words the buttons change to ride along as `data-` attributes, so the island
/// needs no data of its own.
#[component]
pub fn ListenControl() -> impl IntoView {
    let ui = crate::ui::use_ui();
    let lang = ui.lang;
    let speeds = SPEEDS
        .iter()
        .map(|(rate, name)| view! { <option value=*rate selected=*rate == "100">{t(lang, *name)}</option> })
        .collect_view();
    view! {
        <div
            class="app-listen"
            role="group"
            aria-label=t(lang, Key::listen_group)
            data-listen=lang.tag()
            data-live=crate::components::live::value(false)
            data-listen-start=t(lang, Key::listen_start)
            data-listen-pause=t(lang, Key::listen_pause)
            data-listen-resume=t(lang, Key::listen_resume)
            data-listen-reading=t(lang, Key::listen_reading)
            data-listen-paused=t(lang, Key::listen_paused)
            data-listen-done=t(lang, Key::listen_done)
        >
            <p class="app-listen__note" data-listen-note="script">{t(lang, Key::listen_needs_script)}</p>
            <p class="app-listen__note" data-listen-note="voice" hidden>{t(lang, Key::listen_no_voice)}</p>
            <div class="app-listen__controls" hidden>
                <button class="app-button" type="button" data-listen-toggle>{t(lang, Key::listen_start)}</button>
                <button class="app-button app-button--secondary" type="button" data-listen-stop hidden>
                    {t(lang, Key::listen_stop)}
                </button>
                <label class="app-listen__speed">
                    {format!("{} ", t(lang, Key::listen_speed))}
                    <select class="app-field__input app-field__select" data-listen-speed>{speeds}</select>
                </label>
            </div>
            <p class="app-visually-hidden" role="status" data-listen-status></p>
            <ReadAloud />
        </div>
    }
}

/// Wakes the control up in the browser; renders nothing of its own.
#[island]
fn ReadAloud() -> impl IntoView {
    Effect::new(speech::wire);
}

/// The sentences of a text, each with where it starts and ends in UTF-16 units (the DOM's
/// offsets): split after `.`, `!`, `?`, `…` and line ends, blanks trimmed.
pub fn sentences(text: &str) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    let (mut start, mut position) = (0usize, 0usize);
    let mut current = String::new();
    let mut push = |current: &mut String, start: usize| {
        let leading = current.chars().take_while(|c| c.is_whitespace()).map(char::len_utf16).sum::<usize>();
        let trimmed = current.trim();
        // Something to say: a letter or digit (any non-ASCII character counts as one; the
        // Unicode tables for a finer test would weigh more than they are worth here).
        if trimmed.chars().any(|c| c.is_ascii_alphanumeric() || !c.is_ascii()) {
            found.push((start + leading, start + leading + trimmed.encode_utf16().count(), trimmed.to_string()));
        }
        current.clear();
    };
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        current.push(*c);
        position += c.len_utf16();
        let ends = matches!(c, '.' | '!' | '?' | '…') && chars.get(i + 1).is_none_or(|next| next.is_whitespace());
        if ends || *c == '\n' {
            push(&mut current, start);
            start = position;
        }
    }
    push(&mut current, start);
    found
}

#[cfg(feature = "hydrate")]
mod speech;

#[cfg(not(feature = "hydrate"))]
mod speech {
    //! On the server nothing speaks: the control renders its "needs JavaScript" note.
    pub fn wire() {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_cut_where_a_voice_pauses_with_dom_offsets() {
        let text = "Trabajas en un almacén. ¿Ordenas cajas?\n- Recibir pedidos\nSueldo: S/ 1.200 al mes…  Fin";
        let found = sentences(text);
        let said: Vec<&str> = found.iter().map(|(_, _, s)| s.as_str()).collect();
        assert_eq!(
            said,
            vec!["Trabajas en un almacén.", "¿Ordenas cajas?", "- Recibir pedidos", "Sueldo: S/ 1.200 al mes…", "Fin"]
        );
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for (start, end, sentence) in &found {
            assert_eq!(String::from_utf16(&utf16[*start..*end]).unwrap(), *sentence);
        }
        assert!(sentences("  \n . \n").is_empty());
    }
}
