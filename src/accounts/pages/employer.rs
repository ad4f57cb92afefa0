//! Registering a company and its first employer.

use super::form_title;
use super::sign_up::PersonFields;
use crate::accounts::{EMPLOYER_SIGN_UP_PATH, SIGN_IN_PATH};
use crate::components::form::{use_form_state, CsrfField, ErrorSummary, SelectField, TextField};
use crate::domain::region;
use crate::i18n::Key;
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// An employer registers its company (unverified until a centre checks it) and its own
/// account in one form; the email is confirmed by a link, as for job seekers.
#[component]
pub fn EmployerSignUpPage() -> impl IntoView {
    let ui = use_ui();
    let form = use_form_state();
    let regions = region::ALL.iter().map(|r| (r.slug().to_string(), r.name().to_string())).collect::<Vec<_>>();
    view! {
        <Title text=form_title(Key::sign_up_employer_title, form.has_errors()) />
        <div class="app-width app-narrow">
            <form method="post" action=EMPLOYER_SIGN_UP_PATH novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{ui.t(Key::sign_up_employer_h1)}</h1>
                <p>{ui.t(Key::sign_up_employer_intro)}</p>
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{ui.t(Key::sign_up_employer_company)}</legend>
                    <TextField
                        id="ruc"
                        label=ui.t(Key::company_ruc)
                        hint=Some(ui.t(Key::company_ruc_hint))
                        input_mode="numeric"
                        autocomplete="off"
                        value=form.value("ruc")
                        error=form.error("ruc")
                    />
                    <TextField
                        id="legal_name"
                        label=ui.t(Key::company_legal_name)
                        autocomplete="organization"
                        value=form.value("legal_name")
                        error=form.error("legal_name")
                    />
                    <TextField
                        id="sector"
                        label=ui.t(Key::company_sector)
                        hint=Some(ui.t(Key::company_sector_hint))
                        autocomplete="off"
                        value=form.value("sector")
                        error=form.error("sector")
                    />
                    <SelectField
                        id="region"
                        label=ui.t(Key::company_region)
                        options=regions
                        selected=form.value("region")
                        error=form.error("region")
                    />
                </fieldset>
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{ui.t(Key::sign_up_employer_you)}</legend>
                    <PersonFields />
                </fieldset>
                <button class="app-button" type="submit">{ui.t(Key::sign_up_employer_submit)}</button>
            </form>
            <p>
                <a href=SIGN_IN_PATH>{ui.t(Key::sign_up_have_account)}</a>
            </p>
        </div>
    }
}
