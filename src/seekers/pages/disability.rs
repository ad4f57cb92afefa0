//! The disability data step: CONADIS number, kinds, and the accommodations needed at
//! interviews and at work — only while consent to process it stands.

use crate::components::form::{use_form_state, Choice, CsrfField, ErrorSummary, TextField};
use crate::components::notice::sign_in_first;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::i18n::{t, t_with, Key};
use crate::seekers::api::{read_disability_form, DisabilityForm};
use crate::seekers::{seeker_path, MY_PROFILE_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// The disability data of one person: the CONADIS number, the kinds of disability and the
/// accommodations needed at interviews and at work, as check boxes from the maintained lists.
#[component]
pub fn DisabilityPage() -> impl IntoView {
    let ui = use_ui();
    let Some(id) = ui.query_id("id") else {
        return view! { <NotFoundPage /> }.into_any();
    };
    if let Some(away) = sign_in_first(&ui, &crate::seekers::disability_path(id)) {
        return away;
    }
    let found = Resource::new_blocking(move || id, read_disability_form);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <DisabilityFormView found /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn DisabilityFormView(found: DisabilityForm) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    // What a failed form brought back, else what is stored.
    let chosen = |name: &str, stored: &[String]| -> Vec<String> {
        if form.has_errors() {
            form.values.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
        } else {
            stored.to_vec()
        }
    };
    let boxes = |name: &'static str, list: &[crate::vacancies::Accommodation], chosen: Vec<String>| {
        list.iter()
            .map(|entry| {
                view! {
                    <Choice
                        kind="checkbox"
                        name
                        value=entry.code.clone()
                        label=entry.name(lang).to_string()
                        checked=chosen.contains(&entry.code)
                    />
                }
            })
            .collect_view()
    };
    let d = &found.disability;
    let conadis = if form.has_errors() {
        form.value("conadis")
    } else {
        d.conadis.as_ref().map(|c| c.as_str().to_string()).unwrap_or_default()
    };
    let heading = t_with(lang, Key::disability_form_h1, &[("name", &found.full_name)]);
    let title =
        if form.has_errors() { format!("{}: {heading}", t(lang, Key::form_error_prefix)) } else { heading.clone() };
    let types = boxes("types", &found.types, chosen("types", &d.types));
    let interview = boxes("interview", &found.accommodations, chosen("interview", &d.needs_at_interview));
    let work = boxes("work", &found.accommodations, chosen("work", &d.needs_at_work));
    let fieldset = |legend: Key, hint: Key, boxes: AnyView| {
        view! {
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">{t(lang, legend)}</legend>
                <p class="app-hint">{t(lang, hint)}</p>
                {boxes}
            </fieldset>
        }
    };
    let back = if found.is_self { MY_PROFILE_PATH.to_string() } else { seeker_path(found.seeker_id) };
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <form method="post" action=crate::seekers::disability_path(found.seeker_id) novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{heading}</h1>
                <p class="app-lead">{t(lang, Key::disability_form_intro)}</p>
                <TextField
                    id="conadis"
                    label=t(lang, Key::seeker_conadis_optional)
                    hint=Some(t(lang, Key::seeker_conadis_hint))
                    input_mode="numeric"
                    autocomplete="off"
                    value=conadis
                    error=form.error("conadis")
                />
                {fieldset(Key::seeker_disability_types, Key::disability_types_hint, types.into_any())}
                {fieldset(Key::seeker_needs_interview, Key::disability_needs_hint, interview.into_any())}
                {fieldset(Key::seeker_needs_work, Key::disability_needs_hint, work.into_any())}
                <div class="app-button-group">
                    <button class="app-button" type="submit">{t(lang, Key::disability_form_submit)}</button>
                    <a href=back>{t(lang, Key::disability_form_back)}</a>
                </div>
            </form>
        </div>
    }
}
