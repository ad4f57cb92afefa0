//! The sign-in page.

use super::form_title;
use crate::accounts::{EMPLOYER_SIGN_UP_PATH, FORGOT_PASSWORD_PATH, KEEP_SIGNED_IN, SIGN_IN_PATH, SIGN_UP_PATH};
use crate::components::form::{use_form_state, CsrfField, ErrorSummary, PasswordField, TextField};
use crate::components::notice::NoticeBanner;
use crate::i18n::Key;
use crate::second_factor::passkey_offer::{Ceremony, PasskeyForm};
use crate::second_factor::{PASSKEY_FIELD, PASSKEY_START_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SignInPage() -> impl IntoView {
    let ui = use_ui();
    let form = use_form_state();
    let return_to = if form.has_errors() { form.value("return_to") } else { ui.query("volver").unwrap_or_default() };
    let passkeys_offered = Resource::new_blocking(|| (), |_| crate::second_factor::api::passkeys_offered());
    let (passkey_error, passkey_return) = (form.error(PASSKEY_FIELD), return_to.clone());
    view! {
        <Title text=form_title(Key::sign_in_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <form method="post" action=SIGN_IN_PATH novalidate>
                <CsrfField />
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
                <PasswordField id="password" label=ui.t(Key::sign_in_password) error=form.error("password") />
                // Off unless chosen: on a shared computer (the centre's) the session ends with
                // the browser.
                <div class="app-field">
                    <div class="app-choice">
                        <input
                            class="app-choice__input"
                            type="checkbox"
                            id=KEEP_SIGNED_IN
                            name=KEEP_SIGNED_IN
                            value="si"
                            checked=form.value(KEEP_SIGNED_IN) == "si"
                            aria-describedby="keep-hint"
                        />
                        <label class="app-choice__label" for=KEEP_SIGNED_IN>{ui.t(Key::sign_in_keep)}</label>
                    </div>
                    <p class="app-hint" id="keep-hint">{ui.t(Key::sign_in_keep_hint)}</p>
                </div>
                <button class="app-button" type="submit">{ui.t(Key::sign_in_submit)}</button>
            </form>
            <Suspense>
                {move || {
                    let error = passkey_error.clone();
                    let return_to = passkey_return.clone();
                    Suspend::new(async move {
                        let ui = use_ui();
                        passkeys_offered.await.ok().filter(|offered| *offered)?;
                        Some(view! {
                            <PasskeyForm
                                action=SIGN_IN_PATH
                                kind=Ceremony::Get
                                ceremony=None
                                start=PASSKEY_START_PATH
                                label=ui.t(Key::sign_in_passkey)
                                intro=ui.t(Key::sign_in_passkey_intro)
                                carry=vec![("return_to", return_to)]
                                secondary=true
                                quiet=true
                                error
                            />
                        })
                    })
                }}
            </Suspense>
            <ul class="app-list app-list--links">
                <li><a href=FORGOT_PASSWORD_PATH>{ui.t(Key::sign_in_forgot)}</a></li>
                <li><a href=SIGN_UP_PATH>{ui.t(Key::sign_in_no_account)}</a></li>
                <li><a href=EMPLOYER_SIGN_UP_PATH>{ui.t(Key::sign_up_employer_link)}</a></li>
            </ul>
        </div>
    }
}
