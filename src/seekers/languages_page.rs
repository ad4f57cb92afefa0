//! The languages step of a profile: each language, spoken or signed, left out or given a
//! level. One select per language keeps it a plain form that works without JavaScript and
//! reads as a list of labelled questions.

use super::api::{read_languages_form, LanguagesForm};
use super::{languages_path, seeker_path, Language, LanguageLevel, MY_PROFILE_PATH};
use crate::components::form::{coded_options, use_form_state, CsrfField, ErrorSummary, SelectField};
use crate::components::notice::sign_in_first;
use crate::components::status_page::ErrorPage;
use crate::i18n::{t, t_with, Key};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn LanguagesPage() -> impl IntoView {
    let ui = use_ui();
    let persona = ui.query_id("persona");
    if let Some(away) = sign_in_first(&ui, &languages_path(persona)) {
        return away;
    }
    let found = Resource::new_blocking(move || persona, read_languages_form);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <LanguagesFormView found persona /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn LanguagesFormView(found: LanguagesForm, persona: Option<i64>) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let heading = if found.is_self {
        t(lang, Key::languages_h1_self).to_string()
    } else {
        t_with(lang, Key::languages_h1, &[("name", &found.full_name)])
    };
    let title =
        if form.has_errors() { format!("{}: {heading}", t(lang, Key::form_error_prefix)) } else { heading.clone() };
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
    let back = if found.is_self { MY_PROFILE_PATH.to_string() } else { seeker_path(found.seeker_id) };
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <form method="post" action=languages_path(persona) novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{heading}</h1>
                <p class="app-lead">{t(lang, Key::languages_intro)}</p>
                <fieldset class="app-fieldset">
                    <legend>{t(lang, Key::languages_legend)}</legend>
                    {fields}
                </fieldset>
                <button class="app-button" type="submit">{t(lang, Key::languages_submit)}</button>
            </form>
            <p>
                <a href=back>{t(lang, Key::languages_back)}</a>
            </p>
        </div>
    }
}
