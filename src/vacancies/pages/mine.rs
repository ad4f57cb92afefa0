//! "Mis vacantes": a company's vacancies, or a centre's with its review queue and the reports
//! waiting for it.

use crate::components::form::CsrfField;
use crate::components::format::region_name;
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::status_page::ErrorPage;
use crate::domain::lima_time::{format_lima, format_lima_date};
use crate::domain::Role;
use crate::i18n::{page_title, t, t_with, Key};
use crate::ui::use_ui;
use crate::vacancies::api::{read_my_vacancies, VacancyList};
use crate::vacancies::{
    vacancy_path, VacancyReport, VacancySummary, MY_VACANCIES_PATH, NEW_VACANCY_PATH, RESOLVE_REPORT_PATH,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// An employer's company vacancies, and a counsellor's centre's: what waits for review first.
#[component]
pub fn MyVacanciesPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, MY_VACANCIES_PATH) {
        return away;
    }
    if !ui.actor.as_ref().is_some_and(|a| a.has(Role::Employer) || a.has(Role::Counsellor)) {
        return view! { <ErrorPage error=crate::error::AppError::Forbidden /> }.into_any();
    }
    let mine = Resource::new_blocking(|| (), |_| read_my_vacancies());
    view! {
        <Title text=page_title(ui.lang, Key::my_vacancies_title) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <h1>{ui.t(Key::my_vacancies_h1)}</h1>
            <p>
                <a class="app-button" href=NEW_VACANCY_PATH>{ui.t(Key::vacancy_new_h1)}</a>
            </p>
            <Suspense>
                {move || Suspend::new(async move {
                    match mine.await {
                        Ok(mine) => {
                            let companies = mine.companies.into_iter().map(|list| view! { <CompanyList list /> }).collect_view();
                            let centres = mine.centres.into_iter().map(|list| view! { <CentreList list /> }).collect_view();
                            view! { {companies} {centres} }.into_any()
                        }
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
    .into_any()
}

#[component]
fn CompanyList(list: VacancyList) -> impl IntoView {
    let lang = use_ui().lang;
    let heading = t_with(
        lang,
        Key::my_vacancies_company_h2,
        &[("company", &list.name), ("count", &list.vacancies.len().to_string())],
    );
    view! {
        <section class="app-section">
            <h2>{heading}</h2>
            <VacancyCards vacancies=list.vacancies />
        </section>
    }
}

#[component]
fn CentreList(list: VacancyList) -> impl IntoView {
    let lang = use_ui().lang;
    let waiting = t_with(
        lang,
        Key::my_vacancies_waiting_h2,
        &[("centre", &list.name), ("count", &list.waiting.len().to_string())],
    );
    let all = t_with(
        lang,
        Key::my_vacancies_centre_h2,
        &[("centre", &list.name), ("count", &list.vacancies.len().to_string())],
    );
    let reports_heading = t_with(
        lang,
        Key::my_vacancies_reports_h2,
        &[("centre", &list.name), ("count", &list.reports.len().to_string())],
    );
    view! {
        <section class="app-section">
            <h2>{waiting}</h2>
            <VacancyCards vacancies=list.waiting />
        </section>
        <section class="app-section">
            <h2>{reports_heading}</h2>
            <ReportCards reports=list.reports />
        </section>
        <section class="app-section">
            <h2>{all}</h2>
            <VacancyCards vacancies=list.vacancies />
        </section>
    }
}

/// Vacancies as cards: the title links to its page; status and dates in words.
#[component]
fn VacancyCards(vacancies: Vec<VacancySummary>) -> impl IntoView {
    let lang = use_ui().lang;
    if vacancies.is_empty() {
        return view! { <p>{t(lang, Key::my_vacancies_none)}</p> }.into_any();
    }
    let cards = vacancies
        .into_iter()
        .map(|v| {
            view! {
                <li class="app-card">
                    <h3 class="app-card__title">
                        <a href=vacancy_path(v.id)>{v.title}</a>
                    </h3>
                    <dl class="app-facts">
                        <dt>{t(lang, Key::vacancy_status)}</dt>
                        <dd>{t(lang, v.status.label())}</dd>
                        <dt>{t(lang, Key::vacancy_company)}</dt>
                        <dd>{v.company_name}</dd>
                        <dt>{t(lang, Key::vacancy_place)}</dt>
                        <dd>{region_name(&v.region)}</dd>
                        <dt>{t(lang, Key::vacancy_closes)}</dt>
                        <dd>{format_lima_date(v.closes_at - 1)}</dd>
                        <dt>{t(lang, Key::vacancy_updated)}</dt>
                        <dd>{format_lima(v.updated_at)}</dd>
                    </dl>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="app-sessions">{cards}</ul> }.into_any()
}

/// Reports waiting for a counsellor, each with the button that marks it looked at.
#[component]
fn ReportCards(reports: Vec<VacancyReport>) -> impl IntoView {
    let lang = use_ui().lang;
    if reports.is_empty() {
        return view! { <p>{t(lang, Key::my_vacancies_no_reports)}</p> }.into_any();
    }
    let cards = reports
        .into_iter()
        .map(|report| {
            let context = format!(": {}", report.vacancy_title);
            view! {
                <li class="app-card">
                    <h3 class="app-card__title">
                        <a href=vacancy_path(report.vacancy_id)>{report.vacancy_title.clone()}</a>
                    </h3>
                    <dl class="app-facts">
                        <dt>{t(lang, Key::report_reason)}</dt>
                        <dd>{t(lang, report.reason.label())}</dd>
                        <dt>{t(lang, Key::report_details)}</dt>
                        <dd>{if report.details.is_empty() { t(lang, Key::vacancy_not_stated_short).to_string() } else { report.details }}</dd>
                        <dt>{t(lang, Key::report_date)}</dt>
                        <dd>{format_lima(report.created_at)}</dd>
                    </dl>
                    <form method="post" action=RESOLVE_REPORT_PATH class="app-inline-form">
                        <CsrfField />
                        <input type="hidden" name="report" value=report.id.to_string() />
                        <button class="app-button app-button--secondary" type="submit">
                            {t(lang, Key::report_resolve)}
                            <span class="app-visually-hidden">{context}</span>
                        </button>
                    </form>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="app-sessions">{cards}</ul> }.into_any()
}
