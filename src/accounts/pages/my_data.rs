//! My email, my data and my account itself: moving the account to another address,
//! downloading everything kept about me, and deleting the account.

use super::form_title;
use super::links::{link_code, WithLiveLink};
use crate::accounts::api::LinkKind;
use crate::accounts::{
    ACCOUNT_PATH, CANCEL_EMAIL_CHANGE_PATH, CHANGE_EMAIL_PATH, CONFIRM_EMAIL_CHANGE_PATH, DELETE_ACCOUNT_PATH,
    EXPORT_DATA_PATH, LINK_CODE,
};
use crate::components::form::CONFIRM_FIELD;
use crate::components::form::{use_form_state, Choice, CsrfField, ErrorSummary, PasswordField, TextField};
use crate::components::notice::sign_in_first;
use crate::i18n::{page_title, t_with, Key};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ChangeEmailPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, CHANGE_EMAIL_PATH) {
        return away;
    }
    let current = ui.actor.as_ref().map(|a| a.email.clone()).unwrap_or_default();
    let form = use_form_state();
    view! {
        <Title text=form_title(Key::change_email_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <form method="post" action=CHANGE_EMAIL_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::change_email_h1)}</h1>
                <p>{t_with(ui.lang, Key::change_email_current, &[("email", &current)])}</p>
                <p>{ui.t(Key::change_email_body)}</p>
                <TextField
                    id="email"
                    label=ui.t(Key::change_email_new)
                    input_type="email"
                    autocomplete="email"
                    value=form.value("email")
                    error=form.error("email")
                />
                <PasswordField id="password" label=ui.t(Key::change_password_current) error=form.error("password") />
                <button class="app-button" type="submit">{ui.t(Key::change_email_submit)}</button>
            </form>
            <p>
                <a href=ACCOUNT_PATH>{ui.t(Key::back_to_account)}</a>
            </p>
        </div>
    }
    .into_any()
}

/// Opened from the link sent to the new address; moving takes a button press (a POST), so
/// mail scanners that open every link cannot move an account.
#[component]
pub fn ConfirmEmailChangePage() -> impl IntoView {
    let again = (CHANGE_EMAIL_PATH, Key::change_email_title);
    view! {
        <WithLiveLink kind=LinkKind::ChangeEmail expired=Key::link_expired_email_change again>
            {
                let ui = use_ui();
                view! {
                    <Title text=page_title(ui.lang, Key::confirm_email_change_title) />
                    <div class="app-width app-narrow">
                        <form method="post" action=CONFIRM_EMAIL_CHANGE_PATH>
                            <CsrfField />
                            <h1>{ui.t(Key::confirm_email_change_title)}</h1>
                            <p>{ui.t(Key::confirm_email_change_body)}</p>
                            <input type="hidden" name=LINK_CODE value=link_code() />
                            <button class="app-button" type="submit">{ui.t(Key::confirm_email_change_submit)}</button>
                        </form>
                    </div>
                }
            }
        </WithLiveLink>
    }
}

/// Opened from the warning sent to the current address: says where the account is about to
/// move and cancels it with a button (a POST, so mail scanners opening links change nothing).
/// It asks for a signed-in session: the owner still has the password, and the mailbox alone
/// is not proof enough to stop someone's own change.
#[component]
pub fn CancelEmailChangePage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, CANCEL_EMAIL_CHANGE_PATH) {
        return away;
    }
    let pending = Resource::new_blocking(|| (), |_| crate::accounts::api::my_pending_email_change());
    view! {
        <Title text=page_title(ui.lang, Key::cancel_email_change_title) />
        <div class="app-width app-narrow">
            <h1>{ui.t(Key::cancel_email_change_title)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    let ui = use_ui();
                    match pending.await {
                        Ok(Some(email)) => view! {
                            <form method="post" action=CANCEL_EMAIL_CHANGE_PATH>
                                <CsrfField />
                                <p>{t_with(ui.lang, Key::cancel_email_change_body, &[("email", &email)])}</p>
                                <p>{ui.t(Key::cancel_email_change_then)}</p>
                                <button class="app-button" type="submit">{ui.t(Key::cancel_email_change_submit)}</button>
                            </form>
                        }
                        .into_any(),
                        Ok(None) => view! { <p>{ui.t(Key::cancel_email_change_none)}</p> }.into_any(),
                        Err(error) => view! { <crate::components::status_page::ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
            <p>
                <a href=ACCOUNT_PATH>{ui.t(Key::back_to_account)}</a>
            </p>
        </div>
    }
    .into_any()
}

/// What the download holds, and the password that lets it go: a session left open on a shared
/// computer is not enough to take everything Senda keeps about someone.
#[component]
pub fn DownloadDataPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, EXPORT_DATA_PATH) {
        return away;
    }
    let form = use_form_state();
    view! {
        <Title text=form_title(Key::download_data_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <form method="post" action=EXPORT_DATA_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::download_data_title)}</h1>
                <p>{ui.t(Key::download_data_body)}</p>
                <p>{ui.t(Key::download_data_password)}</p>
                <PasswordField id="password" label=ui.t(Key::change_password_current) error=form.error("password") />
                <button class="app-button" type="submit">{ui.t(Key::account_export)}</button>
            </form>
            <p>
                <a href=ACCOUNT_PATH>{ui.t(Key::back_to_account)}</a>
            </p>
        </div>
    }
    .into_any()
}

/// Says plainly what goes and what stays, offers the download first, and asks for the
/// password and a ticked box: deleting cannot be undone.
#[component]
pub fn DeleteAccountPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, DELETE_ACCOUNT_PATH) {
        return away;
    }
    let form = use_form_state();
    let confirm_error = form.error(CONFIRM_FIELD);
    let described_by = confirm_error.as_ref().map(|_| format!("{CONFIRM_FIELD}-error"));
    view! {
        <Title text=form_title(Key::delete_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <form method="post" action=DELETE_ACCOUNT_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::delete_h1)}</h1>
                <p>{ui.t(Key::delete_what_goes)}</p>
                <p>{ui.t(Key::delete_what_stays)}</p>
                <p>
                    <strong>{ui.t(Key::delete_cannot_undo)}</strong>
                    " "
                    <a href=EXPORT_DATA_PATH>{ui.t(Key::delete_download_first)}</a>
                </p>
                <div class="app-field" class:app-field--error=confirm_error.is_some()>
                    {confirm_error.clone().map(|message| view! {
                        <p class="app-field__error" id=format!("{CONFIRM_FIELD}-error")>
                            <span class="app-visually-hidden">{ui.t(Key::form_error_prefix)} " "</span>
                            {message}
                        </p>
                    })}
                    <Choice
                        kind="checkbox"
                        name="confirm"
                        value="si"
                        label=ui.t(Key::delete_confirm)
                        checked=form.value("confirm") == "si"
                        described_by=described_by
                    />
                </div>
                <PasswordField id="password" label=ui.t(Key::change_password_current) error=form.error("password") />
                <button class="app-button" type="submit">{ui.t(Key::delete_submit)}</button>
            </form>
            <p>
                <a href=ACCOUNT_PATH>{ui.t(Key::back_to_account)}</a>
            </p>
        </div>
    }
    .into_any()
}
