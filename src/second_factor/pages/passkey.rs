//! Adding a passkey: its name and my password, then the browser makes it (the device asks for
//! its PIN, fingerprint or face); and removing one. Answered, the first time, with recovery
//! codes.

use super::{return_to, ShowRecoveryCodes};
use crate::components::form::{
    form_title, use_form_state, CsrfField, ErrorSummary, FieldError, PasswordField, TextField,
};
use crate::components::notice::sign_in_first;
use crate::components::status_page::ErrorPage;
use crate::i18n::{t_with, Key};
use crate::second_factor::api::my_second_factor;
use crate::second_factor::passkey_offer::{Ceremony, PasskeyForm};
use crate::second_factor::{
    NewRecoveryCodes, PasskeyBegun, PASSKEY_FIELD, PASSKEY_PATH, PASSKEY_REMOVE_PATH, SECURITY_PATH,
};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PasskeyPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, PASSKEY_PATH) {
        return away;
    }
    if let Some(codes) = use_context::<NewRecoveryCodes>() {
        return view! { <ShowRecoveryCodes codes /> }.into_any();
    }
    if let Some(begun) = use_context::<PasskeyBegun>() {
        return view! { <MakePasskey begun /> }.into_any();
    }
    let form = use_form_state();
    let error_id = format!("{PASSKEY_FIELD}-error");
    view! {
        <Title text=form_title(Key::passkey_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <form method="post" action=PASSKEY_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::passkey_h1)}</h1>
                <p class="app-lead">{ui.t(Key::passkey_lead)}</p>
                <p>{ui.t(Key::passkey_body)}</p>
                <input type="hidden" name="return_to" value=return_to() />
                <TextField
                    id="name"
                    label=ui.t(Key::passkey_name)
                    hint=Some(ui.t(Key::passkey_name_hint))
                    autocomplete="off"
                    value=form.value("name")
                    error=form.error("name")
                />
                <PasswordField id="password" label=ui.t(Key::app_password) error=form.error("password") />
                <FieldError id=error_id message=form.error(PASSKEY_FIELD) />
                <button id=PASSKEY_FIELD class="app-button" type="submit">{ui.t(Key::passkey_continue)}</button>
            </form>
            <p><a href=SECURITY_PATH>{ui.t(Key::security_back)}</a></p>
        </div>
    }
    .into_any()
}

/// The second step: the name and password were right, the browser makes the passkey now.
#[component]
fn MakePasskey(begun: PasskeyBegun) -> impl IntoView {
    let ui = use_ui();
    let lead = t_with(ui.lang, Key::passkey_make_lead, &[("name", &begun.name)]);
    let carry = vec![("name", begun.name), ("return_to", begun.next)];
    view! {
        <Title text=crate::i18n::page_title(ui.lang, Key::passkey_make_title) />
        <div class="app-width app-narrow">
            <h1 tabindex="-1" autofocus>{ui.t(Key::passkey_make_h1)}</h1>
            <p class="app-lead">{lead}</p>
            <p>{ui.t(Key::passkey_make_body)}</p>
            <PasskeyForm
                action=PASSKEY_PATH
                kind=Ceremony::Create
                ceremony=Some(begun.ceremony)
                label=ui.t(Key::passkey_make_submit)
                carry
                error=None
            />
            <p><a href=SECURITY_PATH>{ui.t(Key::security_back)}</a></p>
        </div>
    }
}

/// Removing one of my passkeys (`llave` names it), given the password.
#[component]
pub fn PasskeyRemovePage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, PASSKEY_REMOVE_PATH) {
        return away;
    }
    let form = use_form_state();
    let id = if form.has_errors() { form.value("llave") } else { ui.query("llave").unwrap_or_default() };
    let mine = Resource::new_blocking(|| (), |_| my_second_factor());
    view! {
        <Suspense>
            {move || {
                let id = id.clone();
                let form = form.clone();
                Suspend::new(async move {
                    let ui = use_ui();
                    let mine = mine.await.ok()?;
                    let Some(found) = mine.passkeys.into_iter().find(|p| p.id.to_string() == id) else {
                        return Some(view! { <ErrorPage error=crate::error::AppError::NotFound /> }.into_any());
                    };
                    let h1 = t_with(ui.lang, Key::passkey_remove_h1, &[("name", &found.name)]);
                    Some(view! {
                        <Title text=form_title(Key::passkey_remove_title, form.has_errors()) />
                        <div class="app-width app-narrow">
                            <form method="post" action=PASSKEY_REMOVE_PATH novalidate>
                                <CsrfField />
                                <ErrorSummary errors=form.errors.clone() />
                                <h1>{h1}</h1>
                                <p>{ui.t(Key::passkey_remove_body)}</p>
                                <input type="hidden" name="llave" value=id />
                                <PasswordField id="password" label=ui.t(Key::app_password) error=form.error("password") />
                                <button class="app-button app-button--secondary" type="submit">{ui.t(Key::passkey_remove_submit)}</button>
                            </form>
                            <p><a href=SECURITY_PATH>{ui.t(Key::security_back)}</a></p>
                        </div>
                    }
                    .into_any())
                })
            }}
        </Suspense>
    }
    .into_any()
}
