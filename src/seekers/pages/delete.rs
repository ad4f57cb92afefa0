//! Deleting one's own profile from the register, after ticking that one means it.

use crate::components::form::{use_form_state, Choice, CsrfField, ErrorSummary};
use crate::components::notice::sign_in_first;
use crate::i18n::{page_title, t, Key};
use crate::seekers::{DELETE_PROFILE_PATH, MY_PROFILE_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// Deleting one's own profile: what goes, what the employers keep, that it cannot be undone;
/// a ticked confirmation and the password.
#[component]
pub fn DeleteProfilePage() -> impl IntoView {
    use crate::components::form::CONFIRM_FIELD;
    use crate::components::form::{FieldError, PasswordField};
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, DELETE_PROFILE_PATH) {
        return away;
    }
    let lang = ui.lang;
    let form = use_form_state();
    let confirm_error = form.error(CONFIRM_FIELD);
    let described_by = confirm_error.as_ref().map(|_| format!("{CONFIRM_FIELD}-error"));
    let title = if form.has_errors() {
        format!("{}: {}", t(lang, Key::form_error_prefix), page_title(lang, Key::delete_profile_title))
    } else {
        page_title(lang, Key::delete_profile_title)
    };
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <ErrorSummary errors=form.errors.clone() />
            <h1>{t(lang, Key::delete_profile_title)}</h1>
            <p>{t(lang, Key::delete_profile_what_goes)}</p>
            <p>{t(lang, Key::delete_profile_applications)}</p>
            <p>{t(lang, Key::delete_profile_account_stays)}</p>
            <p>
                <strong>{t(lang, Key::delete_cannot_undo)}</strong>
                " "
                <a href=crate::ui::EXPORT_DATA_PATH>{t(lang, Key::delete_download_first)}</a>
            </p>
            <form method="post" action=DELETE_PROFILE_PATH novalidate>
                <CsrfField />
                <div class="app-field" class:app-field--error=confirm_error.is_some()>
                    <FieldError id=format!("{CONFIRM_FIELD}-error") message=confirm_error.clone() />
                    <Choice
                        kind="checkbox"
                        name="confirm"
                        value="si"
                        label=t(lang, Key::delete_profile_confirm)
                        checked=form.value("confirm") == "si"
                        described_by=described_by
                    />
                </div>
                <PasswordField id="password" label=t(lang, Key::change_password_current) error=form.error("password") />
                <button class="app-button" type="submit">{t(lang, Key::delete_profile_title)}</button>
            </form>
            <p>
                <a href=MY_PROFILE_PATH>{t(lang, Key::delete_profile_back)}</a>
            </p>
        </div>
    }
    .into_any()
}
