//! One application as a card, with its history in plain words: on the person's own list, and
//! on the profile a counsellor follows (the seekers feature shows it there).

use crate::applications::{ApplicationStatus, PersonsApplication, Side, WITHDRAW_PATH};
use crate::components::form::CsrfField;
use crate::domain::lima_time::{format_lima, format_lima_date};
use crate::i18n::{t, t_with, Key, Lang};
use crate::ui::use_ui;
use crate::vacancies::{vacancy_path, Accommodation};
use leptos::prelude::*;

/// The names of `codes` in `names`, joined; "none asked for" when there are none.
pub(crate) fn named(lang: Lang, names: &[Accommodation], codes: &[String]) -> String {
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
pub fn ApplicationHistory(events: Vec<super::ApplicationEvent>) -> impl IntoView {
    let lang = use_ui().lang;
    let items = events
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
    application: PersonsApplication,
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
                {match &a.asked {
                    Some(asked) => view! {
                        <dd>{named(lang, &names, &asked.needs_at_interview)}</dd>
                        <dt>{t(lang, Key::apply_disclose_short)}</dt>
                        <dd>{t(lang, if asked.disclose { Key::answer_yes } else { Key::answer_no })}</dd>
                    }.into_any(),
                    None => view! { <dd>{t(lang, Key::seeker_disability_hidden)}</dd> }.into_any(),
                }}
            </dl>
            <details class="app-details">
                <summary>{t(lang, Key::application_history)}</summary>
                <ApplicationHistory events=a.events.clone() />
            </details>
            {a.interview_guide.then(|| {
                let (href, key) = match record_for {
                    None => (crate::interviews::records::prepare_path(a.id), Key::prepare_link),
                    Some(_) => (crate::interviews::records::record_path(a.id), Key::record_link_counsellor),
                };
                view! {
                    <p>
                        <a href=href>
                            {t(lang, key)}
                            <span class="app-visually-hidden">{format!(": {}", a.vacancy_title)}</span>
                        </a>
                    </p>
                }
            })}
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
