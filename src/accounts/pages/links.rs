//! Pages around emailed links: "check your email", confirming an address, asking for and
//! using a password-reset link.

use super::form_title;
use crate::accounts::api::{link_is_valid, LinkKind};
use crate::accounts::{CONFIRM_EMAIL_PATH, FORGOT_PASSWORD_PATH, LINK_CODE, RESET_PASSWORD_PATH, SIGN_IN_PATH};
use crate::components::form::{use_form_state, CsrfField, ErrorSummary, PasswordField, TextField};
use crate::components::status_page::ErrorPage;
use crate::i18n::{page_title, Key};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CheckEmailPage() -> impl IntoView {
    let ui = use_ui();
    view! {
        <Title text=page_title(ui.lang, Key::check_email_title) />
        <div class="app-width app-narrow">
            <h1>{ui.t(Key::check_email_h1)}</h1>
            <p class="app-lead">{ui.t(Key::check_email_body)}</p>
            <p>{ui.t(Key::check_email_spam)}</p>
            <p>
                <a href="/">{ui.t(Key::check_email_home)}</a>
            </p>
        </div>
    }
}

/// The code of the link this page was opened from, or the one its form sent back.
pub(super) fn link_code() -> String {
    let form = use_form_state();
    if form.has_errors() {
        form.value(LINK_CODE)
    } else {
        use_ui().query(LINK_CODE).unwrap_or_default()
    }
}

/// Checks the page's link first; a used or expired one gets `expired` instead of the form.
#[component]
pub(super) fn WithLiveLink(
    kind: LinkKind,
    expired: Key,
    again: (&'static str, Key),
    children: ChildrenFn,
) -> impl IntoView {
    let code = link_code();
    let valid = Resource::new_blocking(move || code.clone(), move |code| link_is_valid(kind, code));
    let children = StoredValue::new(children);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let ui = use_ui();
                match valid.await {
                    Ok(true) => children.with_value(|children| children()).into_any(),
                    Ok(false) => view! {
                        <Title text=page_title(ui.lang, Key::link_expired_title) />
                        <div class="app-width app-narrow">
                            <h1>{ui.t(Key::link_expired_h1)}</h1>
                            <p>{ui.t(expired)}</p>
                            <p>
                                <a href=again.0>{ui.t(again.1)}</a>
                            </p>
                        </div>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Opened from the emailed link. Confirming takes a button press (a POST), so mail scanners
/// that open every link cannot confirm an address for somebody else.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let again = (SIGN_IN_PATH, Key::sign_in_title);
    view! {
        <WithLiveLink kind=LinkKind::ConfirmEmail expired=Key::link_expired_confirm again>
            {
                let ui = use_ui();
                view! {
                    <Title text=page_title(ui.lang, Key::confirm_title) />
                    <div class="app-width app-narrow">
                        <form method="post" action=CONFIRM_EMAIL_PATH>
                            <CsrfField />
                            <h1>{ui.t(Key::confirm_h1)}</h1>
                            <p>{ui.t(Key::confirm_body)}</p>
                            <input type="hidden" name=LINK_CODE value=link_code() />
                            <button class="app-button" type="submit">{ui.t(Key::confirm_submit)}</button>
                        </form>
                    </div>
                }
            }
        </WithLiveLink>
    }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let ui = use_ui();
    let form = use_form_state();
    view! {
        <Title text=form_title(Key::forgot_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <form method="post" action=FORGOT_PASSWORD_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::forgot_h1)}</h1>
                <p>{ui.t(Key::forgot_body)}</p>
                <TextField
                    id="email"
                    label=ui.t(Key::sign_in_email)
                    input_type="email"
                    autocomplete="email"
                    value=form.value("email")
                    error=form.error("email")
                />
                <button class="app-button" type="submit">{ui.t(Key::forgot_submit)}</button>
            </form>
        </div>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let again = (FORGOT_PASSWORD_PATH, Key::forgot_ask_again);
    view! {
        <WithLiveLink kind=LinkKind::ResetPassword expired=Key::link_expired_reset again>
            {
                let ui = use_ui();
                let form = use_form_state();
                view! {
                    <Title text=form_title(Key::reset_title, form.has_errors()) />
                    <div class="app-width app-narrow">
                        <form method="post" action=RESET_PASSWORD_PATH novalidate>
                            <CsrfField />
                            <ErrorSummary errors=form.errors.clone() />
                            <h1>{ui.t(Key::reset_h1)}</h1>
                            <p>{ui.t(Key::reset_body)}</p>
                            <input type="hidden" name=LINK_CODE value=link_code() />
                            <PasswordField id="password" label=ui.t(Key::reset_password) new=true error=form.error("password") />
                            <button class="app-button" type="submit">{ui.t(Key::reset_submit)}</button>
                        </form>
                    </div>
                }
            }
        </WithLiveLink>
    }
}
