//! One vacancy's page: for everyone once published (easy-read summary first, read aloud, the
//! sign-language video, JobPosting data, the report form), and with its workflow for the
//! people responsible for it.

use super::manage::ManagePanel;
use super::{place, salary_text};
use crate::components::form::{use_form_state, Choice, CsrfField, ErrorSummary, TextArea};
use crate::components::format::named_title;
use crate::components::notice::NoticeBanner;
use crate::components::plain_text::PlainText;
use crate::components::read_aloud::ListenControl;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::format_lima_date;
use crate::i18n::{t, t_with, Key};
use crate::media::player::SignLanguageVideo;
use crate::ui::use_ui;
use crate::vacancies::api::{read_vacancy, VacancyView};
use crate::vacancies::{vacancy_captions_src, vacancy_video_src};
use crate::vacancies::{ReportReason, VacancyStatus, REPORT_VACANCY_PATH};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// One vacancy, from the `id` in its address.
#[component]
pub fn VacancyPage() -> impl IntoView {
    let params = use_params_map();
    let Some(id) = params.read_untracked().get("id").and_then(|id| id.parse::<i64>().ok()) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let found = Resource::new_blocking(move || id, read_vacancy);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(view) => view! { <VacancyDetails view /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn VacancyDetails(view: VacancyView) -> impl IntoView {
    let ui = use_ui();
    let form = use_form_state();
    let VacancyView { vacancy, accommodations, centre, manage, video } = view;
    let has_video = video.is_some();
    let d = vacancy.draft.clone();
    let lang = ui.lang;
    let json_ld = (vacancy.status == VacancyStatus::Published).then(|| job_posting(&vacancy)).flatten();
    let status_note = match vacancy.status {
        VacancyStatus::Published => None,
        VacancyStatus::Closed => Some(t(lang, Key::vacancy_closed_note).to_string()),
        other => Some(t_with(lang, Key::vacancy_not_public_note, &[("status", t(lang, other.label()))])),
    };
    let accommodation_list = if accommodations.is_empty() {
        view! { <p>{t(lang, Key::vacancy_no_accommodations)}</p> }.into_any()
    } else {
        let items = accommodations.iter().map(|a| view! { <li>{a.name(lang).to_string()}</li> }).collect_view();
        view! { <ul class="app-list app-accommodations">{items}</ul> }.into_any()
    };
    let skills = (!d.skills.is_empty()).then(|| {
        let items = d.skills.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view();
        view! {
            <h3>{t(lang, Key::vacancy_skills_h3)}</h3>
            <ul class="app-list">{items}</ul>
        }
    });
    let optional_text = |text: &str| {
        if text.is_empty() {
            view! { <p>{t(lang, Key::vacancy_not_stated)}</p> }.into_any()
        } else {
            view! { <PlainText text=text.to_string() /> }.into_any()
        }
    };
    let how_to_apply = match centre {
        Some(centre) => t_with(
            lang,
            Key::vacancy_apply_body,
            &[("centre", &centre.name), ("phone", &centre.phone), ("email", &centre.email)],
        ),
        None => t_with(lang, Key::vacancy_apply_body_short, &[("centre", &vacancy.centre_name)]),
    };
    // Two tabs or two results in a history read apart by their titles: the job, who offers
    // it and where.
    let title_name = format!("{} · {}, {}", d.title, vacancy.company_name, place(&vacancy.draft));
    let lead = format!("{} · {} · {}", vacancy.company_name, place(&vacancy.draft), t(lang, d.modality.label()));
    // The plain-language summary: first for whoever asks for it (the default), else after
    // the full description.
    let easy_first = ui.prefs.easy_read_first;
    let easy_read = {
        let text = d.easy_read.clone();
        move || {
            view! {
                <section class="app-easy-read" aria-labelledby="easy-read-h" data-read-aloud>
                    <h2 id="easy-read-h">{t(lang, Key::vacancy_easy_read_h2)}</h2>
                    <PlainText text=text.clone() />
                </section>
            }
        }
    };
    let report_form = (manage.is_none() && vacancy.status == VacancyStatus::Published)
        .then(|| view! { <ReportForm id=vacancy.id /> });
    let manage_panel = manage.map(|manage| {
        view! { <ManagePanel id=vacancy.id status=vacancy.status comment=manage.review_comment.clone() manage has_video /> }
    });
    view! {
        <Title text=named_title(lang, &title_name, form.has_errors()) />
        {json_ld.map(|json| view! { <script type="application/ld+json" inner_html=json></script> })}
        <article class="app-width app-narrow app-vacancy">
            <NoticeBanner />
            <ErrorSummary errors=form.errors.clone() />
            {status_note.map(|note| view! { <p class="app-inset">{note}</p> })}
            <div data-read-aloud>
                <h1>{d.title.clone()}</h1>
                <p class="app-lead">{lead}</p>
            </div>
            <ListenControl />
            {easy_first.then(easy_read.clone())}
            {video.map(|video| {
                let (src, captions_src) = (vacancy_video_src(vacancy.id, video.version), vacancy_captions_src(vacancy.id, video.version));
                view! { <SignLanguageVideo id="lsp" heading=t(lang, Key::video_vacancy_h2).to_string() video src captions_src /> }
            })}
            <dl class="app-facts">
                <dt>{t(lang, Key::vacancy_company)}</dt>
                <dd>{vacancy.company_name.clone()}</dd>
                <dt>{t(lang, Key::vacancy_place)}</dt>
                <dd>{place(&vacancy.draft)}</dd>
                <dt>{t(lang, Key::vacancy_modality)}</dt>
                <dd>{t(lang, d.modality.label())}</dd>
                <dt>{t(lang, Key::vacancy_contract)}</dt>
                <dd>{t(lang, d.contract.label())}</dd>
                <dt>{t(lang, Key::vacancy_hours)}</dt>
                <dd>{t(lang, d.hours.label())}</dd>
                <dt>{t(lang, Key::vacancy_salary)}</dt>
                <dd>{salary_text(lang, d.salary)}</dd>
                <dt>{t(lang, Key::vacancy_openings)}</dt>
                <dd>{d.openings.to_string()}</dd>
                <dt>{t(lang, Key::vacancy_closes)}</dt>
                <dd>{format_lima_date(d.closes_at - 1)}</dd>
            </dl>
            <section aria-labelledby="job-h" data-read-aloud>
                <h2 id="job-h">{t(lang, Key::vacancy_job_h2)}</h2>
                <PlainText text=d.description.clone() />
            </section>
            {(!easy_first).then(easy_read)}
            <section aria-labelledby="requirements-h" data-read-aloud>
                <h2 id="requirements-h">{t(lang, Key::vacancy_requirements_h2)}</h2>
                <PlainText text=d.requirements.clone() />
                {skills}
            </section>
            <section aria-labelledby="accommodations-h" data-read-aloud>
                <h2 id="accommodations-h">{t(lang, Key::vacancy_accommodations_h2)}</h2>
                {accommodation_list}
            </section>
            <section aria-labelledby="access-h" data-read-aloud>
                <h2 id="access-h">{t(lang, Key::vacancy_access_h2)}</h2>
                {optional_text(&d.workplace_access)}
            </section>
            <section aria-labelledby="interview-h" data-read-aloud>
                <h2 id="interview-h">{t(lang, Key::vacancy_interview_h2)}</h2>
                {optional_text(&d.interview)}
            </section>
            <section aria-labelledby="apply-h" data-read-aloud>
                <h2 id="apply-h">{t(lang, Key::vacancy_apply_h2)}</h2>
                {(vacancy.status == VacancyStatus::Published).then(|| view! {
                    <p><a class="app-button" href=crate::vacancies::apply_path_at(vacancy.id, None, use_ui().query_id(crate::vacancies::STAND_PARAM))>{t(lang, Key::apply_link)}</a></p>
                })}
                <p>{how_to_apply}</p>
            </section>
            {report_form}
            {manage_panel}
        </article>
    }
}

/// "Report this vacancy": a disclosure that opens by itself when the report came back with
/// a problem, so the error summary's links lead somewhere visible.
#[component]
fn ReportForm(id: i64) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let reason_error = form.error(crate::vacancies::REPORT_REASON_FIELD);
    let reason_invalid = reason_error.is_some();
    let open = reason_invalid || form.error("details").is_some();
    let chosen = form.value("reason");
    let reasons = ReportReason::ALL
        .iter()
        .map(|reason| {
            view! {
                <Choice
                    kind="radio"
                    name="reason"
                    value=reason.code()
                    label=t(lang, reason.label())
                    checked=chosen == reason.code()
                />
            }
        })
        .collect_view();
    view! {
        <details class="app-report" open=open>
            <summary class="app-report__summary">{t(lang, Key::report_summary)}</summary>
            <p>{t(lang, Key::report_intro)}</p>
            <form method="post" action=REPORT_VACANCY_PATH novalidate>
                <CsrfField />
                <input type="hidden" name="vacancy" value=id.to_string() />
                <fieldset class="app-fieldset" class:app-field--error=reason_invalid>
                    <legend class="app-fieldset__legend">{t(lang, Key::report_reason)}</legend>
                    {reason_error.map(|message| view! { <p class="app-field__error">{message}</p> })}
                    {reasons}
                </fieldset>
                <TextArea
                    id="details"
                    label=t(lang, Key::report_details)
                    hint=Some(t(lang, Key::report_details_hint))
                    rows=3
                    value=form.value("details")
                    error=form.error("details")
                />
                <button class="app-button app-button--secondary" type="submit">{t(lang, Key::report_submit)}</button>
            </form>
        </details>
    }
}

/// The vacancy as schema.org `JobPosting`, for public job search engines. `<` is escaped, so
/// nothing typed can end the script element.
#[cfg(feature = "ssr")]
fn job_posting(vacancy: &crate::vacancies::api::ShownVacancy) -> Option<String> {
    use crate::components::format::region_name;
    use crate::domain::lima_time::format_utc_iso;
    use crate::vacancies::{ContractType, Modality, WorkingHours};
    let d = &vacancy.draft;
    let locality = if d.district.is_empty() { &d.province } else { &d.district };
    let employment_type = match (d.hours, d.contract) {
        (_, ContractType::Internship) => "INTERN",
        (_, ContractType::Service) => "CONTRACTOR",
        (WorkingHours::PartTime, _) => "PART_TIME",
        (_, ContractType::FixedTerm) => "TEMPORARY",
        _ => "FULL_TIME",
    };
    let mut posting = serde_json::json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": d.title,
        "description": format!("{}\n\n{}", d.description, d.requirements),
        "datePosted": format_utc_iso(vacancy.published_at.unwrap_or(vacancy.created_at)),
        "validThrough": format_utc_iso(d.closes_at),
        "employmentType": employment_type,
        "totalJobOpenings": d.openings,
        "hiringOrganization": { "@type": "Organization", "name": vacancy.company_name },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": locality,
                "addressRegion": region_name(&d.region),
                "addressCountry": "PE"
            }
        },
        "skills": d.skills.join(", "),
    });
    if d.modality == Modality::Remote {
        posting["jobLocationType"] = "TELECOMMUTE".into();
        posting["applicantLocationRequirements"] = serde_json::json!({ "@type": "Country", "name": "PE" });
    }
    if let Some((min, max)) = d.salary {
        posting["baseSalary"] = serde_json::json!({
            "@type": "MonetaryAmount",
            "currency": "PEN",
            "value": { "@type": "QuantitativeValue", "minValue": min, "maxValue": max, "unitText": "MONTH" }
        });
    }
    serde_json::to_string(&posting).ok().map(|json| json.replace('<', "\\u003c"))
}

#[cfg(not(feature = "ssr"))]
fn job_posting(_vacancy: &crate::vacancies::api::ShownVacancy) -> Option<String> {
    None
}
