//! A job seeker's sign-up page.

use super::form_title;
use crate::accounts::{EMPLOYER_SIGN_UP_PATH, SIGN_IN_PATH, SIGN_UP_PATH};
use crate::components::form::{use_form_state, CsrfField, ErrorSummary, PasswordField, TextField};
use crate::i18n::Key;
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// A job seeker creates an account: name, email and a password. The page that follows is the
/// same whether or not the email already had an account; its owner learns it by email.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let ui = use_ui();
    let form = use_form_state();
    view! {
        <Title text=form_title(Key::sign_up_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <form method="post" action=SIGN_UP_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::sign_up_h1)}</h1>
                <p>{ui.t(Key::sign_up_intro)}</p>
                <PersonFields />
                <button class="app-button" type="submit">{ui.t(Key::sign_up_submit)}</button>
            </form>
            <ul class="app-list app-list--links">
                <li><a href=SIGN_IN_PATH>{ui.t(Key::sign_up_have_account)}</a></li>
                <li><a href=EMPLOYER_SIGN_UP_PATH>{ui.t(Key::sign_up_employer_link)}</a></li>
            </ul>
        </div>
    }
}

/// Who is signing up: name, email and a new password, as both sign-up forms ask them, with
/// what was typed and what is wrong from the form state.
#[component]
pub(super) fn PersonFields() -> impl IntoView {
    let ui = use_ui();
    let form = use_form_state();
    view! {
        <TextField
            id="name"
            label=ui.t(Key::sign_up_name)
            autocomplete="name"
            value=form.value("name")
            error=form.error("name")
        />
        <TextField
            id="email"
            label=ui.t(Key::sign_in_email)
            hint=Some(ui.t(Key::sign_up_email_hint))
            input_type="email"
            autocomplete="email"
            value=form.value("email")
            error=form.error("email")
        />
        <PasswordField id="password" label=ui.t(Key::sign_up_password) new=true error=form.error("password") />
    }
}
