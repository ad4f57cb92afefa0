//! The warning before a signed-in session ends for inactivity (WCAG 2.2.1, timing
//! adjustable): two minutes before, a message appears with a button, already focused, that
//! keeps the session open — one keystroke. Without JavaScript nothing is shown: each page
//! load counts as activity, and the idle timeouts are long enough for a page.

use leptos::prelude::*;
use std::time::Duration;

/// Seconds before the end at which the warning appears (at most half the idle time).
const WARN_BEFORE_SECS: u32 = 120;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Quiet,
    Warning,
    Ended,
}

/// Shown to signed-in people only: `idle_secs` is their session's idle timeout.
#[island]
pub fn SessionTimeout(
    idle_secs: u32,
    warning: String,
    stay: String,
    ended: String,
    sign_in: String,
    sign_in_path: String,
) -> impl IntoView {
    let (phase, set_phase) = signal(Phase::Quiet);
    let timers = StoredValue::new(Vec::<TimeoutHandle>::new());
    let button = NodeRef::<leptos::html::Button>::new();
    let ended_note = NodeRef::<leptos::html::P>::new();

    let schedule = move |idle: u32| {
        timers.update_value(|handles| {
            for handle in handles.drain(..) {
                handle.clear();
            }
            let warn_at = idle.saturating_sub(WARN_BEFORE_SECS.min(idle / 2));
            if let Ok(handle) =
                set_timeout_with_handle(move || set_phase.set(Phase::Warning), Duration::from_secs(warn_at.into()))
            {
                handles.push(handle);
            }
            if let Ok(handle) =
                set_timeout_with_handle(move || set_phase.set(Phase::Ended), Duration::from_secs(idle.into()))
            {
                handles.push(handle);
            }
        });
    };
    // Effects run only in the browser, where the timers belong; `data-live` tells tests the
    // timers are set.
    let (live, set_live) = signal(false);
    Effect::new(move || {
        schedule(idle_secs);
        set_live.set(true);
    });
    Effect::new(move || match phase.get() {
        Phase::Warning => {
            if let Some(button) = button.get() {
                let _ = button.focus();
            }
        }
        Phase::Ended => {
            if let Some(note) = ended_note.get() {
                let _ = note.focus();
            }
        }
        Phase::Quiet => {}
    });
    let keep_alive = move |_| {
        leptos::task::spawn_local(async move {
            if still_signed_in().await {
                set_phase.set(Phase::Quiet);
                schedule(idle_secs);
            } else {
                set_phase.set(Phase::Ended);
            }
        });
    };
    view! {
        <div class="app-width" data-live=move || crate::components::live::value(live.get())>
            <Show when=move || phase.get() == Phase::Warning>
                <div class="app-timeout" role="alertdialog" aria-modal="false" aria-labelledby="timeout-text">
                    <p id="timeout-text">{warning.clone()}</p>
                    <button class="app-button" type="button" node_ref=button on:click=keep_alive>
                        {stay.clone()}
                    </button>
                </div>
            </Show>
            <Show when=move || phase.get() == Phase::Ended>
                <div class="app-timeout" role="alert">
                    <p tabindex="-1" node_ref=ended_note>{ended.clone()}</p>
                    <p>
                        <a href=sign_in_path.clone()>{sign_in.clone()}</a>
                    </p>
                </div>
            </Show>
        </div>
    }
}

/// The warning for the person signed in on this page; nothing for visitors.
#[component]
pub fn SessionTimeoutWarning() -> impl IntoView {
    use crate::i18n::{t_with, Key};
    let ui = crate::ui::use_ui();
    idle_secs(&ui).map(|idle_secs| {
        let minutes = (WARN_BEFORE_SECS.min(idle_secs / 2) / 60).max(1).to_string();
        let back = ui.path.split('?').next().unwrap_or("/");
        view! {
            <SessionTimeout
                idle_secs
                warning=t_with(ui.lang, Key::session_warning, &[("minutes", &minutes)])
                stay=ui.t(Key::session_stay).to_string()
                ended=ui.t(Key::session_ended).to_string()
                sign_in=ui.t(Key::session_sign_in_again).to_string()
                sign_in_path=crate::accounts::sign_in_returning_to(back)
            />
        }
    })
}

#[cfg(feature = "ssr")]
fn idle_secs(ui: &crate::ui::Ui) -> Option<u32> {
    let actor = ui.actor.as_ref()?;
    let state = use_context::<crate::server::state::AppState>()?;
    u32::try_from(state.sessions.idle_secs(actor)).ok()
}

/// Only the server renders the wrapper; the browser wakes the island with its props.
#[cfg(not(feature = "ssr"))]
fn idle_secs(_: &crate::ui::Ui) -> Option<u32> {
    None
}

/// Tells the server the person is still here. A plain `fetch` of a tiny endpoint rather than
/// a server function: the server-function client would add a third to the browser code.
#[cfg(feature = "hydrate")]
async fn still_signed_in() -> bool {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return false };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    let request = window.fetch_with_str_and_init(crate::accounts::KEEP_ALIVE_PATH, &init);
    match wasm_bindgen_futures::JsFuture::from(request).await {
        Ok(response) => response.dyn_into::<web_sys::Response>().is_ok_and(|r| r.status() == 204),
        Err(_) => false,
    }
}

#[cfg(not(feature = "hydrate"))]
async fn still_signed_in() -> bool {
    false
}
