//! Sign-in and the signed-in person's own page.

use super::{ACCOUNT_PATH, SIGN_IN_PATH, SIGN_OUT_PATH};
use crate::components::form::{use_form_state, ErrorSummary, TextField};
use crate::i18n::{page_title, Key};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// A page title, with "Error: " in front when the form on it came back with problems.
fn form_title(key: Key, has_errors: bool) -> String {
    let ui = use_ui();
    let title = page_title(ui.lang, key);
    if has_errors {
        format!("{}: {title}", ui.t(Key::form_error_prefix))
    } else {
        title
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let ui = use_ui();
    let form = use_form_state();
    let return_to = if form.has_errors() { form.value("return_to") } else { ui.query("volver").unwrap_or_default() };
    view! {
        <Title text=form_title(Key::sign_in_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <form method="post" action=SIGN_IN_PATH novalidate>
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::sign_in_h1)}</h1>
                <input type="hidden" name="return_to" value=return_to />
                <TextField
                    id="email"
                    label=ui.t(Key::sign_in_email)
                    input_type="email"
                    autocomplete="email"
                    value=form.value("email")
                    error=form.error("email")
                />
                <TextField
                    id="password"
                    label=ui.t(Key::sign_in_password)
                    input_type="password"
                    autocomplete="current-password"
                    error=form.error("password")
                />
                <button class="app-button" type="submit">{ui.t(Key::sign_in_submit)}</button>
            </form>
        </div>
    }
}

/// Who I am here. Signed-out visitors are sent to sign in first, and come back.
#[component]
pub fn AccountPage() -> impl IntoView {
    let ui = use_ui();
    let Some(actor) = ui.actor.clone() else {
        let sign_in_first = format!("{SIGN_IN_PATH}?volver=%2F{}", &ACCOUNT_PATH[1..]);
        #[cfg(feature = "ssr")]
        leptos_axum::redirect(&sign_in_first);
        #[cfg(not(feature = "ssr"))]
        let _ = sign_in_first;
        return ().into_any();
    };
    let roles = actor.roles.iter().map(|grant| view! { <li>{ui.t(grant.role.label())}</li> }).collect_view();
    view! {
        <Title text=page_title(ui.lang, Key::account_title) />
        <div class="app-width app-narrow">
            <h1>{ui.t(Key::account_h1)}</h1>
            <dl class="app-facts">
                <dt>{ui.t(Key::account_name)}</dt>
                <dd>{actor.name.clone()}</dd>
                <dt>{ui.t(Key::account_email)}</dt>
                <dd>{actor.email.clone()}</dd>
            </dl>
            <h2>{ui.t(Key::account_roles)}</h2>
            <ul class="app-list">{roles}</ul>
            <form method="post" action=SIGN_OUT_PATH>
                <button class="app-button app-button--secondary" type="submit">{ui.t(Key::sign_out)}</button>
            </form>
        </div>
    }
    .into_any()
}
