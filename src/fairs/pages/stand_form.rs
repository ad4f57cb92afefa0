//! The form an employer asks for a stand with (works without JavaScript): for which company,
//! what it tells visitors, and the accommodations it offers them at the stand.

use crate::components::form::{use_form_state, Choice, CsrfField, ErrorSummary, FieldError, SelectField, TextArea};
use crate::components::format::named_title;
use crate::components::private_page::PrivateRecordPage;
use crate::fairs::fair_path;
use crate::fairs::stands::api::{read_stand_form, StandForm};
use crate::fairs::stands::ASK_STAND_PATH;
use crate::i18n::{t, t_with, Key};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// The request form for the fair `?feria=`; it posts to its own address.
#[component]
pub fn StandFormPage() -> impl IntoView {
    view! { <PrivateRecordPage param="feria" read=read_stand_form show=|found| view! { <StandFormView found /> } /> }
}

#[component]
fn StandFormView(found: StandForm) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let title = t_with(lang, Key::stand_form_title, &[("fair", &found.fair_title)]);
    let back = fair_path(found.fair_id);
    if found.companies.is_empty() {
        return view! {
            <Title text=named_title(lang, &title, false) />
            <div class="app-width app-narrow">
                <h1>{title.clone()}</h1>
                <p>{t(lang, Key::stand_form_none)}</p>
                <p><a href=back>{t(lang, Key::stand_back)}</a></p>
            </div>
        }
        .into_any();
    }
    let company = match found.companies.as_slice() {
        // A refusal about the only company (asked meanwhile, fair over) is said here, where
        // the error summary's link lands.
        [only] => view! {
            <div id="company" tabindex="-1">
                <input type="hidden" name="company" value=only.id.to_string() />
                <p><strong>{t(lang, Key::stand_form_company)} ": "</strong>{only.name.clone()}</p>
                <FieldError id="company-error".to_string() message=form.error("company") />
            </div>
        }
        .into_any(),
        companies => {
            let options = companies.iter().map(|c| (c.id.to_string(), c.name.clone())).collect();
            view! {
                <SelectField id="company" label=t(lang, Key::stand_form_company) options selected=form.value("company") error=form.error("company") />
            }
            .into_any()
        }
    };
    let ticked: Vec<String> =
        form.values.iter().filter(|(k, _)| k == "accommodations").map(|(_, v)| v.clone()).collect();
    let boxes = found
        .accommodations
        .iter()
        .map(|a| {
            let checked = ticked.contains(&a.code);
            view! { <Choice kind="checkbox" name="accommodations" value=a.code.clone() label=a.name(lang).to_string() checked /> }
        })
        .collect_view();
    let action = format!("{ASK_STAND_PATH}?feria={}", found.fair_id);
    view! {
        <Title text=named_title(lang, &title, form.has_errors()) />
        <div class="app-width app-narrow">
            <form method="post" action=action novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{title.clone()}</h1>
                <p>{t(lang, Key::stand_form_intro)}</p>
                {company}
                <TextArea id="introduction" label=t(lang, Key::stand_form_introduction) hint=Some(t(lang, Key::stand_form_introduction_hint)) rows=6 value=form.value("introduction") error=form.error("introduction") />
                <fieldset class="app-fieldset" id="accommodations" aria-describedby="accommodations-hint">
                    <legend class="app-fieldset__legend">{t(lang, Key::stand_form_offers)}</legend>
                    <p class="app-hint" id="accommodations-hint">{t(lang, Key::stand_form_offers_hint)}</p>
                    <FieldError id="accommodations-error".to_string() message=form.error("accommodations") />
                    {boxes}
                </fieldset>
                <div class="app-button-group">
                    <button class="app-button" type="submit">{t(lang, Key::stand_form_send)}</button>
                    <a href=back>{t(lang, Key::vacancy_cancel)}</a>
                </div>
            </form>
        </div>
    }
    .into_any()
}
