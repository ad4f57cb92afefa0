//! The outcome form's page: how following a person ended (hired, or closed with a reason).

use super::api::{read_outcome_form, OutcomeForm};
use super::section::outcome_text;
use super::{outcome_path, ClosedReason, Employment, WageBand};
use crate::components::form::{
    coded_options, use_form_state, Choice, CsrfField, ErrorSummary, FieldError, SelectField, TextField,
};
use crate::components::notice::sign_in_first;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::format_lima;
use crate::i18n::{t, t_with, Key};
use crate::seekers::seeker_path;
use crate::ui::use_ui;
use crate::vacancies::WorkingHours;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OutcomePage() -> impl IntoView {
    let ui = use_ui();
    let Some(id) = ui.query_id("id") else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let application = ui.query_id("postulacion");
    if let Some(away) = sign_in_first(&ui, &outcome_path(id, application)) {
        return away;
    }
    let found =
        Resource::new_blocking(move || (id, application), |(id, application)| read_outcome_form(id, application));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <OutcomeFormView found /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn OutcomeFormView(found: OutcomeForm) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let heading = t_with(lang, Key::outcome_h1, &[("name", &found.full_name)]);
    let title =
        if form.has_errors() { format!("{}: {heading}", t(lang, Key::form_error_prefix)) } else { heading.clone() };
    // What a failed form brought back, else what the application says.
    let (application, employer, job_title, hours) = match &found.from_application {
        Some((id, employer, job, hours)) => (Some(*id), employer.clone(), job.clone(), Some(*hours)),
        None => (None, String::new(), String::new(), None),
    };
    let typed = |name: &str, default: String| if form.has_errors() { form.value(name) } else { default };
    let kind = if form.has_errors() {
        form.value("kind")
    } else if application.is_some() {
        "hired".to_string()
    } else {
        String::new()
    };
    let employment = form.value("employment");
    let kind_error = form.error("kind-hired");
    let described_by = kind_error.as_ref().map(|_| "kind-error".to_string());
    let employment_error = form.error("employment-formal");
    let employment_described = employment_error.as_ref().map(|_| "employment-error".to_string());
    let employment_choices = Employment::ALL
        .iter()
        .map(|e| {
            view! {
                <Choice kind="radio" name="employment" value=e.code() label=t(lang, e.label()) checked=employment == e.code() described_by=employment_described.clone() />
            }
        })
        .collect_view();
    let hours_selected = typed("hours", hours.map(|h| h.code().to_string()).unwrap_or_default());
    let history = (found.outcomes.len() > 1).then(|| {
        let items = found
            .outcomes
            .iter()
            .skip(1)
            .map(|o| view! { <li>{format!("{} — {}", format_lima(o.at), outcome_text(lang, o))}</li> })
            .collect_view();
        view! {
            <h2>{t(lang, Key::outcome_earlier)}</h2>
            <ul class="app-list">{items}</ul>
        }
    });
    let current = found.outcomes.first().map(|o| view! { <p class="app-inset">{t_with(lang, Key::outcome_current, &[("outcome", &outcome_text(lang, o))])}</p> });
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <ErrorSummary errors=form.errors.clone() />
            <h1>{heading}</h1>
            <p class="app-lead">{t(lang, Key::outcome_intro)}</p>
            {current}
            <form method="post" action=outcome_path(found.seeker_id, application) novalidate>
                <CsrfField />
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t(lang, Key::outcome_kind_legend)}</legend>
                    <FieldError id="kind-error".to_string() message=kind_error.clone() />
                    <Choice kind="radio" name="kind" value="hired" label=t(lang, Key::outcome_kind_hired) checked=kind == "hired" described_by=described_by.clone() />
                    <Choice kind="radio" name="kind" value="closed" label=t(lang, Key::outcome_kind_closed) checked=kind == "closed" described_by />
                </fieldset>
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t(lang, Key::outcome_hired_legend)}</legend>
                    <p class="app-hint">{t(lang, Key::outcome_hired_hint)}</p>
                    <fieldset class="app-fieldset">
                        <legend class="app-fieldset__legend">{t(lang, Key::outcome_employment_legend)}</legend>
                        <p class="app-hint">{t(lang, Key::outcome_employment_hint)}</p>
                        <FieldError id="employment-error".to_string() message=employment_error.clone() />
                        {employment_choices}
                    </fieldset>
                    <TextField id="started_on" label=t(lang, Key::outcome_started_on) input_type="date" autocomplete="off" value=form.value("started_on") error=form.error("started_on") />
                    <TextField id="employer" label=t(lang, Key::outcome_employer) autocomplete="organization" value=typed("employer", employer) error=form.error("employer") />
                    <TextField id="job_title" label=t(lang, Key::outcome_job_title) autocomplete="organization-title" value=typed("job_title", job_title) error=form.error("job_title") />
                    <SelectField id="hours" label=t(lang, Key::vacancy_hours) options=coded_options(lang, WorkingHours::ALL, WorkingHours::code, WorkingHours::label) selected=hours_selected error=form.error("hours") />
                    <SelectField id="wage" label=t(lang, Key::outcome_wage) hint=Some(t(lang, Key::outcome_wage_hint)) options=coded_options(lang, WageBand::ALL, WageBand::code, WageBand::label) selected=form.value("wage") error=form.error("wage") />
                </fieldset>
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t(lang, Key::outcome_closed_legend)}</legend>
                    <SelectField id="reason" label=t(lang, Key::outcome_reason) options=coded_options(lang, ClosedReason::ALL, ClosedReason::code, ClosedReason::label) selected=form.value("reason") error=form.error("reason") />
                </fieldset>
                <div class="app-button-group">
                    <button class="app-button" type="submit">{t(lang, Key::outcome_submit)}</button>
                    <a href=seeker_path(found.seeker_id)>{t(lang, Key::disability_form_back)}</a>
                </div>
            </form>
            {history}
        </div>
    }
}
