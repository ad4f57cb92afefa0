//! The interview template of a vacancy, in its management section: the one its interviews
//! follow, and the form that chooses another or takes it off.

use crate::components::form::{use_form_state, CsrfField, SelectField};
use crate::i18n::{t, t_with, Key};
use crate::interviews::pages::library_label;
use crate::interviews::records::api::{read_vacancy_template, VacancyTemplate};
use crate::interviews::records::{field, VACANCY_TEMPLATE_PATH};
use crate::interviews::{template_path, TEMPLATES_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The template panel of vacancy `vacancy`, for the people who manage it.
#[component]
pub fn VacancyTemplatePanel(vacancy: i64) -> impl IntoView {
    let found = Resource::new_blocking(move || vacancy, read_vacancy_template);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                // Someone who manages the vacancy always reads it; nothing is shown otherwise.
                found.await.ok().map(|found| view! { <Panel found /> })
            })}
        </Suspense>
    }
}

#[component]
fn Panel(found: VacancyTemplate) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let attached = match &found.attached {
        Some(template) => {
            let said = t_with(
                lang,
                Key::record_vacancy_attached,
                &[("name", &template.name), ("library", &library_label(lang, &template.library))],
            );
            let link = template.readable.then(|| {
                let open = t_with(lang, Key::record_vacancy_open, &[("name", &template.name)]);
                view! { " " <a href=template_path(template.id)>{open}</a> }
            });
            view! { <p>{said} {link}</p> }.into_any()
        }
        None => view! { <p>{t(lang, Key::record_vacancy_none)}</p> }.into_any(),
    };
    let choose = if found.options.is_empty() {
        view! {
            <p>
                {t(lang, Key::record_vacancy_no_options)} " "
                <a href=TEMPLATES_PATH>{t(lang, Key::template_library_title)}</a>
            </p>
        }
        .into_any()
    } else {
        let options = found
            .options
            .iter()
            .map(|o| (o.id.to_string(), format!("{} — {}", o.name, library_label(lang, &o.library))))
            .collect();
        let selected = if form.values.iter().any(|(k, _)| k == field::TEMPLATE) {
            form.value(field::TEMPLATE)
        } else {
            found.attached.as_ref().map(|a| a.id.to_string()).unwrap_or_default()
        };
        view! {
            <form method="post" action=VACANCY_TEMPLATE_PATH novalidate>
                <CsrfField />
                <input type="hidden" name=field::VACANCY value=found.vacancy_id.to_string() />
                <SelectField
                    id=field::TEMPLATE
                    label=t(lang, Key::record_vacancy_choose)
                    hint=Some(t(lang, Key::record_vacancy_choose_hint))
                    options
                    selected
                    error=form.error(field::TEMPLATE)
                    empty_label=Some(t(lang, Key::record_vacancy_without))
                />
                <button class="app-button app-button--secondary" type="submit">
                    {t(lang, Key::record_vacancy_save)}
                </button>
            </form>
        }
        .into_any()
    };
    view! {
        <div id="interview-template" tabindex="-1">
            <h3>{t(lang, Key::record_vacancy_h3)}</h3>
            {attached}
            {choose}
        </div>
    }
}
