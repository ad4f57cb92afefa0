//! The pages of applications: the form to apply, a person's applications with each status in
//! plain words, and a vacancy's applicants for its employer.

use super::api::{read_applicants, read_apply_form, read_my_applications, Applicant, Applicants, ApplyForm};
use super::{applicants_path, apply_path, Application, ApplicationStatus, Side, WITHDRAW_PATH};
use crate::components::form::{use_form_state, Choice, CsrfField, ErrorSummary, FieldError, TextArea};
use crate::components::notice::{sign_in_first, NoticeBanner};
use crate::components::plain_text::PlainText;
use crate::components::status_page::{ErrorPage, NotFoundPage};
use crate::domain::lima_time::{format_lima, format_lima_date};
use crate::i18n::{page_title, t, t_with, Key, Lang};
use crate::seekers::consent::ConsentKind;
use crate::ui::use_ui;
use crate::vacancies::{vacancy_path, Accommodation};
use leptos::prelude::*;
use leptos_meta::Title;

/// The names of `codes` in `names`, joined; "none asked for" when there are none.
fn named(lang: Lang, names: &[Accommodation], codes: &[String]) -> String {
    if codes.is_empty() {
        return t(lang, Key::application_none_asked).to_string();
    }
    codes
        .iter()
        .map(|code| names.iter().find(|n| &n.code == code).map_or_else(|| code.clone(), |n| n.name(lang).to_string()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What one change in an application's history says, in plain words.
fn event_text(lang: Lang, status: ApplicationStatus, side: Side) -> String {
    match (status, side) {
        (ApplicationStatus::Submitted, Side::Counsellor) => t(lang, Key::application_event_applied_for).to_string(),
        (ApplicationStatus::Withdrawn, Side::Counsellor) => t(lang, Key::application_event_withdrawn_for).to_string(),
        _ => t(lang, status.meaning()).to_string(),
    }
}

/// An application's history, oldest first, as a list of dated sentences.
#[component]
pub fn ApplicationHistory(application: Application) -> impl IntoView {
    let lang = use_ui().lang;
    let items = application
        .events
        .into_iter()
        .map(|event| {
            let note = (!event.note.is_empty()).then(|| {
                view! {
                    <p class="app-history__note">
                        {t(lang, Key::application_note_label)} " " <q>{event.note.clone()}</q>
                    </p>
                }
            });
            view! {
                <li>
                    <time>{format_lima(event.at)}</time>
                    ": "
                    {event_text(lang, event.status, event.side)}
                    {note}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="app-history">{items}</ol> }
}

/// One of a person's applications: its vacancy, where it stands and what that means, what was
/// asked for, its history, and the button to withdraw it while it is open.
#[component]
pub fn ApplicationCard(
    application: Application,
    names: Vec<Accommodation>,
    /// Under a page's second-level heading: the card's is third-level.
    #[prop(default = false)]
    sub: bool,
    /// Whether the reader may withdraw it (while it is open).
    #[prop(default = true)]
    withdraw: bool,
    /// For the person's counsellor (the person's id): the way to record a job it led to.
    #[prop(default = None)]
    record_for: Option<i64>,
) -> impl IntoView {
    let lang = use_ui().lang;
    let a = application.clone();
    let heading_id = format!("application-{}", a.id);
    let labelled = heading_id.clone();
    let status_line = t_with(lang, Key::application_status_line, &[("status", t(lang, a.status.label()))]);
    let by_counsellor = a.applied_by_counsellor.clone().map(|name| {
        view! { <p>{t_with(lang, Key::application_applied_by, &[("name", &name)])}</p> }
    });
    let withdraw = (withdraw && !a.status.is_final()).then(|| {
        view! {
            <form method="post" action=WITHDRAW_PATH>
                <CsrfField />
                <input type="hidden" name="id" value=a.id.to_string() />
                <button class="app-button app-button--secondary" type="submit">
                    {t(lang, Key::application_withdraw)}
                    <span class="app-visually-hidden">{format!(": {}", a.vacancy_title)}</span>
                </button>
            </form>
        }
    });
    view! {
        <article class="app-card" aria-labelledby=labelled>
            {if sub {
                view! { <h3 id=heading_id class="app-card__title"><a href=vacancy_path(a.vacancy_id)>{a.vacancy_title.clone()}</a></h3> }.into_any()
            } else {
                view! { <h2 id=heading_id class="app-card__title"><a href=vacancy_path(a.vacancy_id)>{a.vacancy_title.clone()}</a></h2> }.into_any()
            }}
            <p class="app-card__meta">{a.company_name.clone()}</p>
            <p class="app-status-line"><strong>{status_line}</strong></p>
            <p>{t(lang, a.status.meaning())}</p>
            {by_counsellor}
            <dl class="app-facts">
                <dt>{t(lang, Key::application_applied_on)}</dt>
                <dd>{format_lima_date(a.created_at)}</dd>
                <dt>{t(lang, Key::seeker_needs_interview)}</dt>
                <dd>{named(lang, &names, &a.needs_at_interview)}</dd>
                <dt>{t(lang, Key::apply_disclose_short)}</dt>
                <dd>{t(lang, if a.disclose { Key::answer_yes } else { Key::answer_no })}</dd>
            </dl>
            <details class="app-details">
                <summary>{t(lang, Key::application_history)}</summary>
                <ApplicationHistory application />
            </details>
            {withdraw}
            {record_for.filter(|_| a.status == ApplicationStatus::Hired).map(|seeker| view! {
                <p>
                    <a href=crate::casework::outcome_path(seeker, Some(a.id))>
                        {t(lang, Key::outcome_from_application)}
                        <span class="app-visually-hidden">{format!(": {}", a.vacancy_title)}</span>
                    </a>
                </p>
            })}
        </article>
    }
}

#[component]
pub fn ApplyPage() -> impl IntoView {
    let ui = use_ui();
    let vacancy = ui.query_id("vacante");
    let seeker = ui.query_id("persona");
    let Some(vacancy) = vacancy else { return view! { <NotFoundPage /> }.into_any() };
    if let Some(away) = sign_in_first(&ui, &apply_path(vacancy, seeker)) {
        return away;
    }
    let found = Resource::new_blocking(move || (vacancy, seeker), |(vacancy, seeker)| read_apply_form(vacancy, seeker));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <ApplyFormView found /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn ApplyFormView(found: ApplyForm) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let heading = t_with(lang, Key::apply_h1, &[("title", &found.vacancy_title)]);
    let title =
        if form.has_errors() { format!("{}: {heading}", t(lang, Key::form_error_prefix)) } else { heading.clone() };
    let back = view! { <p><a href=vacancy_path(found.vacancy_id)>{t(lang, Key::apply_back)}</a></p> };
    let body = match (&found.applying, found.open) {
        (None, _) => view! {
            <p>{t(lang, Key::apply_no_profile)}</p>
            <p><a class="app-button" href=crate::seekers::MY_PROFILE_PATH>{t(lang, Key::apply_make_profile)}</a></p>
        }
        .into_any(),
        (Some(applying), _) if applying.already.is_some() => {
            let already = applying.already.clone().unwrap_or_else(|| unreachable!());
            let said = t_with(
                lang,
                Key::apply_already,
                &[("date", &format_lima_date(already.created_at)), ("status", t(lang, already.status.label()))],
            );
            let list = if applying.is_self {
                super::MY_APPLICATIONS_PATH.to_string()
            } else {
                crate::seekers::seeker_path(applying.seeker_id)
            };
            view! {
                <p class="app-inset">{said}</p>
                <p><a href=list>{t(lang, Key::apply_see_applications)}</a></p>
            }
            .into_any()
        }
        (Some(_), false) => view! { <p class="app-inset">{t(lang, Key::apply_closed)}</p> }.into_any(),
        (Some(applying), true) => view! { <ApplyFields found=found.clone() applying=applying.clone() /> }.into_any(),
    };
    view! {
        <Title text=title />
        <div class="app-width app-narrow">
            <ErrorSummary errors=form.errors.clone() />
            <h1>{heading}</h1>
            <p class="app-lead">{found.company_name.clone()}</p>
            {body}
            {back}
        </div>
    }
}

#[component]
fn ApplyFields(found: ApplyForm, applying: super::api::ApplyingAs) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let chosen: Vec<String> = if form.has_errors() {
        form.values.iter().filter(|(k, _)| k == "interview").map(|(_, v)| v.clone()).collect()
    } else {
        applying.needs_at_interview.clone()
    };
    let for_someone = (!applying.is_self).then(|| {
        view! { <p class="app-inset">{t_with(lang, Key::apply_for_someone, &[("name", &applying.full_name)])}</p> }
    });
    let share_error = form.error("share");
    let share = (!applying.shares).then(|| {
        let described_by = share_error.as_ref().map(|_| "share-error".to_string());
        view! {
            <fieldset class="app-fieldset" class:app-field--error=share_error.is_some()>
                <legend class="app-fieldset__legend">{t(lang, Key::apply_share_legend)}</legend>
                <p class="app-hint">{t(lang, ConsentKind::ShareWithEmployers.text())}</p>
                <FieldError id="share-error".to_string() message=share_error.clone() />
                <Choice kind="checkbox" name="share" value="si" label=t(lang, Key::apply_share_label) checked=form.value("share") == "si" described_by />
            </fieldset>
        }
    });
    let needs = if applying.disability_consented {
        let boxes = found
            .accommodations
            .iter()
            .map(|entry| {
                let label = if found.offered.contains(&entry.code) {
                    t_with(lang, Key::apply_offered, &[("name", entry.name(lang))])
                } else {
                    entry.name(lang).to_string()
                };
                view! { <Choice kind="checkbox" name="interview" value=entry.code.clone() label checked=chosen.contains(&entry.code) /> }
            })
            .collect_view();
        view! {
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">{t(lang, Key::apply_needs_legend)}</legend>
                <p class="app-hint">{t(lang, Key::apply_needs_hint)}</p>
                <FieldError id="interview".to_string() message=form.error("interview") />
                {boxes}
            </fieldset>
        }
        .into_any()
    } else {
        view! { <p>{t(lang, Key::apply_needs_no_consent)}</p> }.into_any()
    };
    let disclose = applying.may_disclose.then(|| {
        view! {
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">{t(lang, Key::apply_disclose_legend)}</legend>
                <p class="app-hint">{t(lang, Key::apply_disclose_hint)}</p>
                <Choice kind="checkbox" name="disclose" value="si" label=t(lang, Key::apply_disclose_label) checked=form.value("disclose") == "si" />
            </fieldset>
        }
    });
    let action = apply_path(found.vacancy_id, (!applying.is_self).then_some(applying.seeker_id));
    view! {
        {for_someone}
        <p>{t(lang, Key::apply_intro)}</p>
        <form method="post" action=action novalidate>
            <CsrfField />
            {share}
            <TextArea
                id="message"
                label=t(lang, Key::apply_message)
                hint=Some(t(lang, Key::apply_message_hint))
                rows=5
                value=form.value("message")
                error=form.error("message")
            />
            {needs}
            {disclose}
            <button class="app-button" type="submit">{t(lang, Key::apply_submit)}</button>
        </form>
    }
}

#[component]
pub fn MyApplicationsPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, super::MY_APPLICATIONS_PATH) {
        return away;
    }
    let lang = ui.lang;
    let found = Resource::new_blocking(|| (), |_| read_my_applications());
    view! {
        <Title text=page_title(lang, Key::my_applications_title) />
        <div class="app-width app-narrow">
            <NoticeBanner />
            <h1>{t(lang, Key::my_applications_title)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(found) if found.seeker_id.is_none() => view! {
                            <p>{t(lang, Key::apply_no_profile)}</p>
                            <p><a class="app-button" href=crate::seekers::MY_PROFILE_PATH>{t(lang, Key::apply_make_profile)}</a></p>
                        }.into_any(),
                        Ok(found) if found.applications.is_empty() => view! {
                            <p>{t(lang, Key::my_applications_none)}</p>
                            <p><a href=crate::vacancies::search::SEARCH_PATH>{t(lang, Key::my_applications_search)}</a></p>
                        }.into_any(),
                        Ok(found) => {
                            let names = found.accommodations.clone();
                            found
                                .applications
                                .into_iter()
                                .map(|application| view! { <ApplicationCard application names=names.clone() /> })
                                .collect_view()
                                .into_any()
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
    let cards = found
        .applicants
        .into_iter()
        .map(|applicant| view! { <ApplicantCard applicant names=names.clone() /> })
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
fn ApplicantCard(applicant: Applicant, names: Vec<Accommodation>) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let Applicant { application: a, profile, moves } = applicant;
    let heading_id = format!("applicant-{}", a.id);
    let labelled = heading_id.clone();
    let name = match (&profile, a.seeker_id) {
        (Some(p), _) => p.personal.full_name.clone(),
        (None, None) => t(lang, Key::applicants_deleted).to_string(),
        (None, Some(_)) => t(lang, Key::applicants_not_shared).to_string(),
    };
    let by_counsellor = a.applied_by_counsellor.clone().map(|counsellor| {
        view! { <p class="app-inset">{t_with(lang, Key::applicants_applied_by, &[("name", &counsellor)])}</p> }
    });
    let details = profile.map(|p| {
        let personal = &p.personal;
        let skills =
            if p.skills.is_empty() { t(lang, Key::vacancy_not_stated).to_string() } else { p.skills.join(", ") };
        let education = p.education.map_or_else(|| t(lang, Key::vacancy_not_stated), |e| t(lang, e.label()));
        let types = p.disability.as_ref().filter(|d| !d.types.is_empty()).map(|d| {
            view! {
                <dt>{t(lang, Key::seeker_disability_types)}</dt>
                <dd>{named(lang, &names, &d.types)}</dd>
            }
        });
        view! {
            <dl class="app-facts">
                <dt>{t(lang, Key::seeker_phone)}</dt>
                <dd>{personal.phone.clone()}</dd>
                <dt>{t(lang, Key::seeker_email)}</dt>
                <dd>{personal.email.clone()}</dd>
                <dt>{t(lang, Key::seeker_channel)}</dt>
                <dd>{t(lang, personal.channel.label())}</dd>
                <dt>{t(lang, Key::seeker_education)}</dt>
                <dd>{education}</dd>
                <dt>{t(lang, Key::seeker_skills)}</dt>
                <dd>{skills}</dd>
                <dt>{t(lang, Key::seeker_languages)}</dt>
                <dd>{crate::seekers::languages_text(lang, &p.languages)}</dd>
                <dt>{t(lang, Key::seeker_needs_interview)}</dt>
                <dd>{named(lang, &names, &a.needs_at_interview)}</dd>
                {types}
            </dl>
            <p>
                <a href=crate::seekers::cv::applicant_cv_path(a.id)>
                    {t_with(lang, Key::cv_link, &[("name", &personal.full_name)])}
                </a>
            </p>
        }
    });
    let message = (!a.message.is_empty()).then(|| {
        view! {
            <h3>{t(lang, Key::applicants_message)}</h3>
            <PlainText text=a.message.clone() />
        }
    });
    let step = (!moves.is_empty()).then(|| {
        let note_id = format!("note-{}", a.id);
        let note_error = form.error(&note_id);
        // What a failed form chose, on the card it came from.
        let chosen = if form.value("id") == a.id.to_string() { form.value("to") } else { String::new() };
        let radios = moves
            .iter()
            .enumerate()
            .map(|(i, to)| {
                let id = format!("to-{}-{}", a.id, to.code());
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
            <form method="post" action=applicants_path(a.vacancy_id) class="app-step-form" novalidate>
                <CsrfField />
                <input type="hidden" name="id" value=a.id.to_string() />
                <input type="hidden" name="from" value=a.status.code() />
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
                <strong>{t_with(lang, Key::application_status_line, &[("status", t(lang, a.status.label()))])}</strong>
            </p>
            <p class="app-card__meta">{t_with(lang, Key::applicants_applied_on, &[("date", &format_lima_date(a.created_at))])}</p>
            {by_counsellor}
            {details}
            {message}
            <details class="app-details">
                <summary>{t(lang, Key::application_history)}</summary>
                <ApplicationHistory application=a.clone() />
            </details>
            {step}
        </article>
    }
}
