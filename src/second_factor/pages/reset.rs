//! An admin resets someone's second factor when they lost it: the account by its address, and
//! the reason, which goes to the audit log.

use crate::accounts::Role;
use crate::components::form::{form_title, use_form_state, CsrfField, ErrorSummary, TextArea, TextField};
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::status_page::ErrorPage;
use crate::i18n::Key;
use crate::second_factor::RESET_PATH;
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ResetPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, RESET_PATH) {
        return away;
    }
    if !ui.actor.as_ref().is_some_and(|a| a.has(Role::Admin)) {
        return view! { <ErrorPage error=crate::error::AppError::Forbidden /> }.into_any();
    }
    let form = use_form_state();
    view! {
        <Title text=form_title(Key::factor_reset_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <form method="post" action=RESET_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::factor_reset_h1)}</h1>
                <p>{ui.t(Key::factor_reset_body)}</p>
                <TextField id="email" label=ui.t(Key::factor_reset_email) input_type="email" autocomplete="off" value=form.value("email") error=form.error("email") />
                <TextArea id="reason" label=ui.t(Key::factor_reset_reason) hint=Some(ui.t(Key::factor_reset_reason_hint)) rows=3 value=form.value("reason") error=form.error("reason") />
                <button class="app-button" type="submit">{ui.t(Key::factor_reset_submit)}</button>
            </form>
        </div>
    }
    .into_any()
}
