//! The languages step of a profile: each language, spoken or signed, left out or given a
//! level. One select per language keeps it a plain form that works without JavaScript and
//! reads as a list of labelled questions.

use crate::components::form::{coded_options, use_form_state, CsrfField, SelectField};
use crate::i18n::{t, Key};
use crate::seekers::api::ProfileStepForm;
use crate::seekers::steps::{ProfileStep, ProfileStepPage};
use crate::seekers::{languages_path, Language, LanguageLevel, LANGUAGES_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;

#[component]
pub fn LanguagesPage() -> impl IntoView {
    view! {
        <ProfileStepPage
            base=LANGUAGES_PATH
            step=ProfileStep::Languages
            own_heading=Key::languages_h1_self
            their_heading=Key::languages_h1
            intro=Key::languages_intro
            body=|found, persona| view! { <LanguagesForm found=found.clone() persona /> }.into_any()
        />
    }
}

#[component]
fn LanguagesForm(found: ProfileStepForm, persona: Option<i64>) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let levels = coded_options(lang, LanguageLevel::ALL, LanguageLevel::code, LanguageLevel::label);
    let fields = Language::ALL
        .iter()
        .copied()
        .map(|language| {
            // What a failed form brought back, else what the profile says.
            let selected = if form.has_errors() {
                form.value(language.field())
            } else {
                found
                    .languages
                    .iter()
                    .find(|spoken| spoken.language == language)
                    .map(|spoken| spoken.level.code().to_string())
                    .unwrap_or_default()
            };
            view! {
                <SelectField
                    id=language.field()
                    label=t(lang, language.label())
                    options=levels.clone()
                    selected
                    error=form.error(language.field())
                    empty_label=Some(t(lang, Key::languages_not_known))
                />
            }
        })
        .collect_view();
    view! {
        <form method="post" action=languages_path(persona) novalidate>
            <CsrfField />
            <fieldset class="app-fieldset">
                <legend>{t(lang, Key::languages_legend)}</legend>
                {fields}
            </fieldset>
            <button class="app-button" type="submit">{t(lang, Key::languages_submit)}</button>
        </form>
    }
}
