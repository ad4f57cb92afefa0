//! The second factor's pages: the code page, my security page with the ways to set one up or
//! change it (an app, a passkey), and an admin's reset. Each form posts to its own address (`handlers`).

mod code;
mod passkey;
mod reset;
mod security;

pub use code::CodePage;
pub use passkey::{PasskeyPage, PasskeyRemovePage};
pub use reset::ResetPage;
pub use security::{AppPage, RecoveryCodesPage, RemovePage, SecurityPage};

use super::{NewRecoveryCodes, CODE_FIELD};
use crate::components::form::TextField;
use crate::i18n::Key;
use crate::ui::use_ui;
use leptos::prelude::*;

/// The one field a code is typed in: plain text (recovery codes hold letters), filled by
/// password managers and the phone's keyboard suggestion (`one-time-code`), paste allowed.
#[component]
fn CodeField(label: Key, hint: Key, error: Option<String>) -> impl IntoView {
    let ui = use_ui();
    view! { <TextField id=CODE_FIELD label=ui.t(label) hint=Some(ui.t(hint)) autocomplete="one-time-code" error /> }
}

/// Where the person goes once done: the `volver` of the address, or what the form carried.
fn return_to() -> String {
    let ui = use_ui();
    let form = crate::components::form::use_form_state();
    if form.has_errors() {
        form.value("return_to")
    } else {
        ui.query("volver").filter(|path| path.starts_with('/') && !path.starts_with("//")).unwrap_or_default()
    }
}

/// New recovery codes, shown once: to print, download as text or copy, with the way on.
#[component]
fn ShowRecoveryCodes(codes: NewRecoveryCodes) -> impl IntoView {
    let ui = use_ui();
    let text = format!(
        "{}\n\n{}\n",
        ui.t(Key::recovery_file_heading),
        codes.codes.iter().map(String::as_str).collect::<Vec<_>>().join("\n")
    );
    let download = format!("data:text/plain;charset=utf-8,{}", crate::ui::percent_encode_keeping(&text, b""));
    let next = codes.next;
    let items =
        codes.codes.into_iter().map(|code| view! { <li><code class="app-code">{code}</code></li> }).collect_view();
    view! {
        <leptos_meta::Title text=crate::i18n::page_title(ui.lang, Key::recovery_shown_title) />
        <div class="app-width app-narrow">
            <h1 tabindex="-1" autofocus>{ui.t(Key::recovery_shown_h1)}</h1>
            <p class="app-lead">{ui.t(Key::recovery_shown_body)}</p>
            <ol class="app-recovery-codes">{items}</ol>
            <p>{ui.t(Key::recovery_shown_keep)}</p>
            <div class="app-button-group">
                <a class="app-button app-button--secondary" href=download download="senda-codigos-de-recuperacion.txt">
                    {ui.t(Key::recovery_download)}
                </a>
                <a class="app-button" href=next>{ui.t(Key::recovery_saved_continue)}</a>
            </div>
        </div>
    }
}
