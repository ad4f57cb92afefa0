//! The vacancy form, new and edit (GOV.UK pattern, works without JavaScript).

use crate::components::form::{
    coded_options, use_form_state, Choice, CsrfField, ErrorSummary, SelectField, TextArea, TextField,
};
use crate::components::format::region_name;
use crate::components::notice::sign_in_first;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::lima_date;
use crate::domain::region;
use crate::i18n::{page_title, t, Key};
use crate::ui::use_ui;
use crate::vacancies::api::{read_form_choices, FormChoices};
use crate::vacancies::{
    vacancy_path, ContractType, Modality, WorkingHours, EDIT_VACANCY_PATH, MY_VACANCIES_PATH, NEW_VACANCY_PATH,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// The vacancy form: new at [`NEW_VACANCY_PATH`], or the vacancy `?id=` at
/// [`EDIT_VACANCY_PATH`]. It posts to its own address.
#[component]
pub fn VacancyFormPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, &ui.path) {
        return away;
    }
    let editing = ui.path.starts_with(EDIT_VACANCY_PATH);
    let id = ui.query_id("id");
    if editing && id.is_none() {
        return view! { <NotFoundPage /> }.into_any();
    }
    let action = if editing { ui.path.clone() } else { NEW_VACANCY_PATH.to_string() };
    let choices = Resource::new_blocking(move || id, read_form_choices);
    view! {
        <Suspense>
            {move || {
                let action = action.clone();
                Suspend::new(async move {
                    match choices.await {
                        Ok(choices) => view! { <VacancyForm choices action /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// The form's fields as a vacancy fills them in.
fn initial_values(choices: &FormChoices) -> Vec<(String, String)> {
    let Some(vacancy) = &choices.vacancy else {
        let centre = choices.own_centre.map(|c| c.to_string()).unwrap_or_default();
        return vec![("centre".into(), centre), ("openings".into(), "1".into())];
    };
    let d = &vacancy.draft;
    let (min, max) = d.salary.map(|(a, b)| (a.to_string(), b.to_string())).unwrap_or_default();
    let mut values: Vec<(String, String)> = [
        ("company", d.company_id.to_string()),
        ("centre", d.centre_id.to_string()),
        ("title", d.title.clone()),
        ("region", d.region.clone()),
        ("province", d.province.clone()),
        ("district", d.district.clone()),
        ("modality", d.modality.code().to_string()),
        ("contract", d.contract.code().to_string()),
        ("hours", d.hours.code().to_string()),
        ("salary_min", min),
        ("salary_max", max),
        ("openings", d.openings.to_string()),
        ("description", d.description.clone()),
        ("requirements", d.requirements.clone()),
        ("easy_read", d.easy_read.clone()),
        ("skills", d.skills.join(", ")),
        ("workplace_access", d.workplace_access.clone()),
        ("interview", d.interview.clone()),
        // Stored as the end of the closing day; shown as that day.
        ("closes_on", lima_date(d.closes_at - 1)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    values.extend(d.accommodations.iter().map(|code| ("accommodations".to_string(), code.clone())));
    values
}

#[component]
fn VacancyForm(choices: FormChoices, action: String) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let form = use_form_state();
    let values = if form.has_errors() { form.values.clone() } else { initial_values(&choices) };
    let value = |name: &str| values.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let editing = choices.vacancy.is_some();
    let (title_key, h1_key) = if editing {
        (Key::vacancy_edit_title, Key::vacancy_edit_h1)
    } else {
        (Key::vacancy_new_title, Key::vacancy_new_h1)
    };
    let title = {
        let title = page_title(lang, title_key);
        if form.has_errors() {
            format!("{}: {title}", t(lang, Key::form_error_prefix))
        } else {
            title
        }
    };
    let company = match (&choices.vacancy, choices.companies.as_slice()) {
        (Some(vacancy), _) => view! {
            <p>
                <strong>{t(lang, Key::vacancy_company)} ": "</strong>
                {vacancy.company_name.clone()}
            </p>
        }
        .into_any(),
        (None, [only]) => view! {
            <input type="hidden" name="company" value=only.id.to_string() />
            <p>
                <strong>{t(lang, Key::vacancy_company)} ": "</strong>
                {only.legal_name.clone()}
            </p>
        }
        .into_any(),
        (None, companies) => {
            let options: Vec<(String, String)> =
                companies.iter().map(|c| (c.id.to_string(), format!("{} (RUC {})", c.legal_name, c.ruc))).collect();
            view! {
                <SelectField
                    id="company"
                    label=t(lang, Key::vacancy_company)
                    hint=Some(t(lang, Key::vacancy_company_hint))
                    options
                    selected=value("company")
                    error=form.error("company")
                />
            }
            .into_any()
        }
    };
    let centres: Vec<(String, String)> = choices
        .centres
        .iter()
        .map(|c| (c.id.to_string(), format!("{} — {}", c.name, region_name(&c.region))))
        .collect();
    let regions: Vec<(String, String)> =
        region::ALL.iter().map(|r| (r.slug().to_string(), r.name().to_string())).collect();
    let chosen: Vec<String> = values.iter().filter(|(k, _)| k == "accommodations").map(|(_, v)| v.clone()).collect();
    let accommodation_error = form.error("accommodations");
    let accommodation_boxes = choices
        .accommodations
        .iter()
        .map(|a| {
            let checked = chosen.contains(&a.code);
            view! {
                <Choice
                    kind="checkbox"
                    name="accommodations"
                    value=a.code.clone()
                    label=a.name(lang).to_string()
                    checked
                />
            }
        })
        .collect_view();
    let cancel = match &choices.vacancy {
        Some(vacancy) => vacancy_path(vacancy.id),
        None => MY_VACANCIES_PATH.to_string(),
    };
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <form method="post" action=action novalidate>
                <CsrfField />
                <ErrorSummary errors=form.errors.clone() />
                <h1>{t(lang, h1_key)}</h1>
                <p>{t(lang, Key::vacancy_form_intro)}</p>
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t(lang, Key::vacancy_form_who)}</legend>
                    {company}
                    <SelectField
                        id="centre"
                        label=t(lang, Key::vacancy_centre)
                        hint=Some(t(lang, Key::vacancy_centre_hint))
                        options=centres
                        selected=value("centre")
                        error=form.error("centre")
                    />
                </fieldset>
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t(lang, Key::vacancy_form_job)}</legend>
                    <TextField id="title" label=t(lang, Key::vacancy_title) hint=Some(t(lang, Key::vacancy_title_hint)) autocomplete="off" value=value("title") error=form.error("title") />
                    <TextArea id="description" label=t(lang, Key::vacancy_description) hint=Some(t(lang, Key::vacancy_text_hint)) rows=8 value=value("description") error=form.error("description") />
                    <TextArea id="requirements" label=t(lang, Key::vacancy_requirements) hint=Some(t(lang, Key::vacancy_text_hint)) value=value("requirements") error=form.error("requirements") />
                    <TextArea id="skills" label=t(lang, Key::vacancy_skills) hint=Some(t(lang, Key::vacancy_skills_hint)) rows=2 value=value("skills") error=form.error("skills") />
                    <TextArea id="easy_read" label=t(lang, Key::vacancy_easy_read) hint=Some(t(lang, Key::vacancy_easy_read_hint)) rows=5 value=value("easy_read") error=form.error("easy_read") />
                </fieldset>
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t(lang, Key::vacancy_form_place)}</legend>
                    <SelectField id="region" label=t(lang, Key::vacancy_region) options=regions selected=value("region") error=form.error("region") />
                    <TextField id="province" label=t(lang, Key::vacancy_province) autocomplete="off" value=value("province") error=form.error("province") />
                    <TextField id="district" label=t(lang, Key::vacancy_district) autocomplete="off" value=value("district") error=form.error("district") />
                    <SelectField id="modality" label=t(lang, Key::vacancy_modality) options=coded_options(lang, Modality::ALL, Modality::code, Modality::label) selected=value("modality") error=form.error("modality") />
                </fieldset>
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t(lang, Key::vacancy_form_terms)}</legend>
                    <SelectField id="contract" label=t(lang, Key::vacancy_contract) options=coded_options(lang, ContractType::ALL, ContractType::code, ContractType::label) selected=value("contract") error=form.error("contract") />
                    <SelectField id="hours" label=t(lang, Key::vacancy_hours) options=coded_options(lang, WorkingHours::ALL, WorkingHours::code, WorkingHours::label) selected=value("hours") error=form.error("hours") />
                    <fieldset class="app-fieldset app-fieldset--nested" aria-describedby="salary-hint">
                        <legend class="app-fieldset__legend">{t(lang, Key::vacancy_salary)}</legend>
                        <p class="app-hint" id="salary-hint">{t(lang, Key::vacancy_salary_hint)}</p>
                        <TextField id="salary_min" label=t(lang, Key::vacancy_salary_min) input_mode="numeric" autocomplete="off" value=value("salary_min") error=form.error("salary_min") />
                        <TextField id="salary_max" label=t(lang, Key::vacancy_salary_max) input_mode="numeric" autocomplete="off" value=value("salary_max") error=form.error("salary_max") />
                    </fieldset>
                    <TextField id="openings" label=t(lang, Key::vacancy_openings) input_mode="numeric" autocomplete="off" value=value("openings") error=form.error("openings") />
                    <TextField id="closes_on" label=t(lang, Key::vacancy_closes) hint=Some(t(lang, Key::vacancy_closes_hint)) input_type="date" autocomplete="off" value=value("closes_on") error=form.error("closes_on") />
                </fieldset>
                <fieldset class="app-fieldset" id="accommodations" aria-describedby="accommodations-hint">
                    <legend class="app-fieldset__legend">{t(lang, Key::vacancy_accommodations)}</legend>
                    <p class="app-hint" id="accommodations-hint">{t(lang, Key::vacancy_accommodations_hint)}</p>
                    {accommodation_error.map(|message| view! { <p class="app-field__error">{message}</p> })}
                    {accommodation_boxes}
                </fieldset>
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t(lang, Key::vacancy_form_access)}</legend>
                    <TextArea id="workplace_access" label=t(lang, Key::vacancy_access) hint=Some(t(lang, Key::vacancy_access_hint)) value=value("workplace_access") error=form.error("workplace_access") />
                    <TextArea id="interview" label=t(lang, Key::vacancy_interview) hint=Some(t(lang, Key::vacancy_interview_hint)) value=value("interview") error=form.error("interview") />
                </fieldset>
                <div class="app-button-group">
                    <button class="app-button" type="submit">
                        {t(lang, if editing { Key::vacancy_save_changes } else { Key::vacancy_save_draft })}
                    </button>
                    <a href=cancel>{t(lang, Key::vacancy_cancel)}</a>
                </div>
            </form>
        </div>
    }
}
