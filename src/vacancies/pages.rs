//! The pages of vacancies: one vacancy (for everyone once published; with its workflow for
//! the people responsible for it), the form that writes one, and an employer's or centre's
//! list. Forms post to `routes`, which answers with a redirect or the page again.

use super::api::{
    read_form_choices, read_my_vacancies, read_vacancy, FormChoices, Management, VacancyList, VacancyView,
};
use super::workflow::Step;
use super::{
    edit_vacancy_path, vacancy_path, ContractType, Modality, ReportReason, Vacancy, VacancyReport, VacancyStatus,
    VacancySummary, WorkingHours, EDIT_VACANCY_PATH, MY_VACANCIES_PATH, NEW_VACANCY_PATH, REPORT_VACANCY_PATH,
    RESOLVE_REPORT_PATH, VACANCY_STEP_PATH,
};
use crate::accounts::Role;
use crate::components::form::{
    coded_options, escape_text, use_form_state, Choice, CsrfField, ErrorSummary, SelectField, TextArea, TextField,
};
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::plain_text::PlainText;
use crate::components::read_aloud::ListenControl;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::{format_lima, format_lima_date, lima_date};
use crate::domain::region;
use crate::i18n::{page_title, t, t_with, Key, Lang};
use crate::media::player::SignLanguageVideo;
use crate::media::{vacancy_captions_src, vacancy_video_page, vacancy_video_src};
use crate::organisations::region_name;
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// A page title naming a vacancy, with "Error: " in front when a form on it came back.
/// Escaped here: `<Title>` writes its text into the page as it is.
fn named_title(lang: Lang, name: &str, has_errors: bool) -> String {
    let title = t_with(lang, Key::title_pattern, &[("page", &escape_text(name))]);
    if has_errors {
        format!("{}: {title}", t(lang, Key::form_error_prefix))
    } else {
        title
    }
}

/// Where the job is, most precise first: "Wanchaq, Cusco, Cusco".
fn place(vacancy: &Vacancy) -> String {
    let d = &vacancy.draft;
    place_of(&d.district, &d.province, &d.region)
}

/// A place from its district, province and region slug, most precise first.
pub(crate) fn place_of(district: &str, province: &str, region: &str) -> String {
    [district.to_string(), province.to_string(), region_name(region)]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn salary_text(lang: Lang, salary: Option<(i64, i64)>) -> String {
    match salary {
        Some((min, max)) if min == max => t_with(lang, Key::vacancy_salary_one, &[("amount", &soles(min))]),
        Some((min, max)) => t_with(lang, Key::vacancy_salary_range, &[("min", &soles(min)), ("max", &soles(max))]),
        None => t(lang, Key::vacancy_salary_agreed).to_string(),
    }
}

/// A number with thousands separated, as amounts of soles are written in Peru: 2500 → "2,500".
pub(crate) fn soles(amount: i64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

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
    let lead = format!("{} · {} · {}", vacancy.company_name, place(&vacancy), t(lang, d.modality.label()));
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
        view! { <ManagePanel id=vacancy.id status=vacancy.status comment=vacancy.review_comment.clone() manage has_video /> }
    });
    view! {
        <Title text=named_title(lang, &d.title, form.has_errors()) />
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
                <dd>{place(&vacancy)}</dd>
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
                    <p><a class="app-button" href=crate::applications::apply_path(vacancy.id, None)>{t(lang, Key::apply_link)}</a></p>
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
    let reason_error = form.error(super::REPORT_REASON_FIELD);
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

/// What its employers and counsellors see: where the vacancy stands, the steps they may
/// take now, and its history.
#[component]
fn ManagePanel(id: i64, status: VacancyStatus, comment: String, manage: Management, has_video: bool) -> impl IntoView {
    let ui = use_ui();
    let form = use_form_state();
    let lang = ui.lang;
    let step_button = |step: Step| {
        let class = if step == Step::Close { "app-button app-button--secondary" } else { "app-button" };
        view! {
            <form method="post" action=VACANCY_STEP_PATH class="app-inline-form">
                <CsrfField />
                <input type="hidden" name="vacancy" value=id.to_string() />
                <input type="hidden" name="step" value=step.code() />
                <button class=class type="submit">
                    {t(lang, step.label())}
                </button>
            </form>
        }
    };
    let buttons = manage.steps.iter().copied().filter(|s| *s != Step::Return).map(step_button).collect_view();
    let return_form = manage.steps.contains(&Step::Return).then(|| {
        view! {
            <form method="post" action=VACANCY_STEP_PATH novalidate>
                <CsrfField />
                <input type="hidden" name="vacancy" value=id.to_string() />
                <input type="hidden" name="step" value=Step::Return.code() />
                <TextArea
                    id="comment"
                    label=t(lang, Key::vacancy_comment)
                    hint=Some(t(lang, Key::vacancy_comment_hint))
                    rows=4
                    value=form.value("comment")
                    error=form.error("comment")
                />
                <button class="app-button app-button--secondary" type="submit">{t(lang, Key::step_return)}</button>
            </form>
        }
    });
    let returned = (status == VacancyStatus::Returned && !comment.is_empty()).then(|| {
        view! {
            <div class="app-inset">
                <h3>{t(lang, Key::vacancy_comment_h3)}</h3>
                <PlainText text=comment />
            </div>
        }
    });
    let history = manage
        .history
        .into_iter()
        .map(|event| {
            let who = event.actor_name.unwrap_or_else(|| t(lang, Key::vacancy_history_automatic).to_string());
            let what = t_with(
                lang,
                Key::vacancy_history_entry,
                &[("status", t(lang, event.to_status.label())), ("who", &who)],
            );
            let comment = (!event.comment.is_empty()).then(|| view! { <PlainText text=event.comment /> });
            view! {
                <li>
                    <p>
                        <strong>{format_lima(event.at)}</strong>
                        " — "
                        {what}
                    </p>
                    {comment}
                </li>
            }
        })
        .collect_view();
    let flags = (!manage.flags.is_empty()).then(|| {
        let items = manage
            .flags
            .into_iter()
            .map(|flag| {
                let field = t(lang, field_label(&flag.field));
                view! {
                    <li>
                        <strong>{format!("«{}»", flag.found)}</strong>
                        {format!(" ({field}): {}", flag.why)}
                        " "
                        {flag.suggestion}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="app-inset">
                <h3>{t(lang, Key::vacancy_wording_h3)}</h3>
                <p>{t(lang, Key::vacancy_wording_intro)}</p>
                <ul class="app-list">{items}</ul>
            </div>
        }
    });
    let error = form.error("manage");
    view! {
        <section id="manage" class="app-panel" tabindex="-1" aria-labelledby="manage-h">
            <h2 id="manage-h">{t(lang, Key::vacancy_manage_h2)}</h2>
            {error.map(|message| view! { <p class="app-field__error">{message}</p> })}
            <p>{t_with(lang, Key::vacancy_status_now, &[("status", t(lang, status.label()))])}</p>
            {returned}
            {flags}
            {(!manage.company_verified).then(|| view! { <p>{t(lang, Key::vacancy_err_unverified)}</p> })}
            {(manage.closing_passed && status != VacancyStatus::Closed)
                .then(|| view! { <p>{t(lang, Key::vacancy_err_closing_passed)}</p> })}
            <div class="app-button-group">
                {manage.may_edit.then(|| {
                    let video_label = if has_video { Key::video_change } else { Key::video_add };
                    view! {
                        <a class="app-button app-button--secondary" href=edit_vacancy_path(id)>
                            {t(lang, Key::vacancy_edit)}
                        </a>
                        <a class="app-button app-button--secondary" href=vacancy_video_page(id)>
                            {t(lang, video_label)}
                        </a>
                    }
                })}
                {buttons}
            </div>
            {return_form}
            {(status != VacancyStatus::Draft).then(|| view! {
                <p><a href=crate::applications::applicants_path(id)>{t(lang, Key::applicants_link)}</a></p>
            })}
            <h3>{t(lang, Key::vacancy_history_h3)}</h3>
            <ol class="app-history">{history}</ol>
        </section>
    }
}

/// The label of a vacancy form field, to say where something was found.
fn field_label(field: &str) -> Key {
    match field {
        "title" => Key::vacancy_title,
        "requirements" => Key::vacancy_requirements,
        "skills" => Key::vacancy_skills,
        "easy_read" => Key::vacancy_easy_read,
        "workplace_access" => Key::vacancy_access,
        "interview" => Key::vacancy_interview,
        _ => Key::vacancy_description,
    }
}

/// The vacancy as schema.org `JobPosting`, for public job search engines. `<` is escaped, so
/// nothing typed can end the script element.
#[cfg(feature = "ssr")]
fn job_posting(vacancy: &Vacancy) -> Option<String> {
    use crate::domain::lima_time::format_utc_iso;
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
fn job_posting(_vacancy: &Vacancy) -> Option<String> {
    None
}

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
