//! A vacancy's applicants, for its employer and its centre: what each person's consents let
//! them see, and the form that moves an application along.

use crate::applications::api::{read_applicants, ApplicantPerson, ApplicantView, Applicants};
use crate::applications::applicants_path;
use crate::applications::card::{named, ApplicationHistory};
use crate::components::form::{use_form_state, CsrfField, ErrorSummary, FieldError};
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::plain_text::PlainText;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::format_lima_date;
use crate::i18n::{t, t_with, Key};
use crate::ui::use_ui;
use crate::vacancies::{vacancy_path, Accommodation};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ApplicantsPage() -> impl IntoView {
    let ui = use_ui();
    let Some(vacancy) = ui.query_id("vacante") else {
        return view! { <NotFoundPage /> }.into_any();
    };
    if let Some(away) = sign_in_first(&ui, &applicants_path(vacancy)) {
        return away;
    }
    let found = Resource::new_blocking(move || vacancy, read_applicants);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <ApplicantList found /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn ApplicantList(found: Applicants) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let heading = t_with(lang, Key::applicants_h1, &[("title", &found.vacancy_title)]);
    let title =
        if form.has_errors() { format!("{}: {heading}", t(lang, Key::form_error_prefix)) } else { heading.clone() };
    let count = t_with(lang, Key::applicants_count, &[("count", &found.applicants.len().to_string())]);
    let names = found.names.clone();
    let records = found.records;
    let vacancy = found.vacancy_id;
    let cards = found
        .applicants
        .into_iter()
        .map(|applicant| view! { <ApplicantCard applicant vacancy names=names.clone() records /> })
        .collect_view();
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <ErrorSummary errors=form.errors.clone() />
            <h1>{heading}</h1>
            <p class="app-lead">{count}</p>
            <p><a href=vacancy_path(found.vacancy_id)>{t(lang, Key::applicants_back)}</a></p>
            {cards}
        </div>
    }
}

#[component]
fn ApplicantCard(applicant: ApplicantView, vacancy: i64, names: Vec<Accommodation>, records: bool) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let ApplicantView {
        application_id,
        status,
        applied_at,
        message,
        needs_at_interview,
        applied_by_counsellor,
        history,
        person,
        moves,
    } = applicant;
    let heading_id = format!("applicant-{application_id}");
    let labelled = heading_id.clone();
    let name = match &person {
        ApplicantPerson::Shared(p) => p.full_name.clone(),
        ApplicantPerson::Deleted => t(lang, Key::applicants_deleted).to_string(),
        ApplicantPerson::NotShared => t(lang, Key::applicants_not_shared).to_string(),
        ApplicantPerson::Withdrawn => t(lang, Key::applicants_withdrawn).to_string(),
        ApplicantPerson::Closed => t(lang, Key::applicants_closed).to_string(),
    };
    let by_counsellor = applied_by_counsellor.map(|counsellor| {
        view! { <p class="app-inset">{t_with(lang, Key::applicants_applied_by, &[("name", &counsellor)])}</p> }
    });
    let record = (records && matches!(person, ApplicantPerson::Shared(_) | ApplicantPerson::NotShared)).then(|| {
        view! {
            <p>
                <a href=crate::interviews::records::record_path(application_id)>
                    {t_with(lang, Key::record_link, &[("name", &name)])}
                </a>
            </p>
        }
    });
    let details = match person {
        ApplicantPerson::Shared(p) => Some(p),
        ApplicantPerson::NotShared
        | ApplicantPerson::Deleted
        | ApplicantPerson::Withdrawn
        | ApplicantPerson::Closed => None,
    };
    let details = details.map(|p| {
        let skills =
            if p.skills.is_empty() { t(lang, Key::person_not_stated).to_string() } else { p.skills.join(", ") };
        let education = p.education.map_or_else(|| t(lang, Key::person_not_stated), |e| t(lang, e.label()));
        let types = (!p.disability_types.is_empty()).then(|| {
            view! {
                <dt>{t(lang, Key::seeker_disability_types)}</dt>
                <dd>{named(lang, &names, &p.disability_types)}</dd>
            }
        });
        view! {
            <dl class="app-facts">
                <dt>{t(lang, Key::seeker_phone)}</dt>
                <dd>{p.phone.clone()}</dd>
                <dt>{t(lang, Key::seeker_email)}</dt>
                <dd>{p.email.clone()}</dd>
                <dt>{t(lang, Key::seeker_channel)}</dt>
                <dd>{t(lang, p.channel.label())}</dd>
                <dt>{t(lang, Key::applicant_region)}</dt>
                <dd>{p.region.name()}</dd>
                <dt>{t(lang, Key::seeker_education)}</dt>
                <dd>{education}</dd>
                <dt>{t(lang, Key::seeker_skills)}</dt>
                <dd>{skills}</dd>
                <dt>{t(lang, Key::seeker_languages)}</dt>
                <dd>{crate::seekers::languages_text(lang, &p.languages)}</dd>
                <dt>{t(lang, Key::seeker_needs_interview)}</dt>
                <dd>{named(lang, &names, &needs_at_interview)}</dd>
                {types}
            </dl>
            <p>
                <a href=crate::seekers::cv::applicant_cv_path(application_id)>
                    {t_with(lang, Key::cv_link, &[("name", &p.full_name)])}
                </a>
            </p>
        }
    });
    let message = (!message.is_empty()).then(|| {
        view! {
            <h3>{t(lang, Key::applicants_message)}</h3>
            <PlainText text=message />
        }
    });
    let step = (!moves.is_empty()).then(|| {
        let note_id = format!("note-{application_id}");
        let note_error = form.error(&note_id);
        // What a failed form chose, on the card it came from.
        let chosen = if form.value("id") == application_id.to_string() { form.value("to") } else { String::new() };
        let radios = moves
            .iter()
            .enumerate()
            .map(|(i, to)| {
                let id = format!("to-{application_id}-{}", to.code());
                let checked = if chosen.is_empty() { i == 0 } else { chosen == to.code() };
                view! {
                    <div class="app-choice">
                        <input class="app-choice__input" type="radio" id=id.clone() name="to" value=to.code() checked=checked />
                        <label class="app-choice__label" for=id>{t(lang, to.label())}</label>
                    </div>
                }
            })
            .collect_view();
        let described_by = if note_error.is_some() { format!("{note_id}-hint {note_id}-error") } else { format!("{note_id}-hint") };
        view! {
            <form method="post" action=applicants_path(vacancy) class="app-step-form" novalidate>
                <CsrfField />
                <input type="hidden" name="id" value=application_id.to_string() />
                <input type="hidden" name="from" value=status.code() />
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{t_with(lang, Key::applicants_move_legend, &[("name", &name)])}</legend>
                    {radios}
                </fieldset>
                <div class="app-field" class:app-field--error=note_error.is_some()>
                    <label class="app-field__label" for=note_id.clone()>{t(lang, Key::applicants_note)}</label>
                    <p class="app-hint" id=format!("{note_id}-hint")>{t(lang, Key::applicants_note_hint)}</p>
                    <FieldError id=format!("{note_id}-error") message=note_error.clone() />
                    <textarea
                        class="app-field__input app-field__textarea"
                        id=note_id.clone()
                        name=note_id.clone()
                        rows="3"
                        aria-describedby=described_by
                        aria-invalid=note_error.is_some().then_some("true")
                    >
                        {form.value(&note_id)}
                    </textarea>
                </div>
                <button class="app-button" type="submit">
                    {t(lang, Key::applicants_move_submit)}
                    <span class="app-visually-hidden">{format!(": {name}")}</span>
                </button>
            </form>
        }
    });
    view! {
        <article class="app-card" aria-labelledby=labelled>
            <h2 id=heading_id class="app-card__title">{name.clone()}</h2>
            <p class="app-status-line">
                <strong>{t_with(lang, Key::application_status_line, &[("status", t(lang, status.label()))])}</strong>
            </p>
            <p class="app-card__meta">{t_with(lang, Key::applicants_applied_on, &[("date", &format_lima_date(applied_at))])}</p>
            {by_counsellor}
            {details}
            {record}
            {message}
            <details class="app-details">
                <summary>{t(lang, Key::application_history)}</summary>
                <ApplicationHistory events=history />
            </details>
            {step}
        </article>
    }
}
