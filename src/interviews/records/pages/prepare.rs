//! The candidate's page about the interview they were called to: the questions the company
//! will ask, plain and in easy read, the adjustments they may ask for, and the record of the
//! interview — which they may ask to read, and then read in plain words: the guide's words for
//! the level reached, never a number, and the interviewer's notes.

use crate::applications::MY_APPLICATIONS_PATH;
use crate::components::button_form::ButtonForm;
use crate::components::loaded::Loaded;
use crate::components::notice::sign_in_first;
use crate::components::plain_text::PlainText;
use crate::components::private_page::RecordFrame;
use crate::components::status_page::NotFoundPage;
use crate::domain::lima_time::format_lima_date;
use crate::i18n::{t, t_with, Key};
use crate::interviews::pages::adjustment_names;
use crate::interviews::records::api::{
    read_preparation, CandidateRecord, Preparation, PreparedSection, Reached, ReadSection,
};
use crate::interviews::records::{field, ASK_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The page of application `?postulacion=`.
#[component]
pub fn PreparePage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, &ui.path) {
        return away;
    }
    let Some(id) = ui.query_id(field::APPLICATION) else { return view! { <NotFoundPage /> }.into_any() };
    let found = Resource::new_blocking(move || id, read_preparation);
    view! { <Loaded found show=|found| view! { <PrepareBody found /> } /> }.into_any()
}

#[component]
fn PrepareBody(found: Preparation) -> impl IntoView {
    let lang = use_ui().lang;
    let lead = t_with(lang, Key::prepare_lead, &[("title", &found.vacancy_title), ("company", &found.company_name)]);
    let sections = found.sections.into_iter().map(|section| view! { <Section section /> }).collect_view();
    let adjustments = if found.adjustments.is_empty() {
        view! { <p>{t(lang, Key::prepare_adjustments_any)}</p> }.into_any()
    } else {
        let items = found.adjustments.iter().map(|a| view! { <li>{t(lang, a.label())}</li> }).collect_view();
        view! {
            <ul class="app-list">{items}</ul>
            <p>{t(lang, Key::prepare_adjustments_more)}</p>
        }
        .into_any()
    };
    view! {
        <RecordFrame title=t(lang, Key::prepare_title).to_string() lead>
            <p>{t(lang, Key::prepare_no_wrong)}</p>
            {sections}
            <section aria-labelledby="adjustments-h2">
                <h2 id="adjustments-h2">{t(lang, Key::prepare_adjustments_h2)}</h2>
                <p>{t(lang, Key::prepare_adjustments_lead)}</p>
                {adjustments}
            </section>
            <Record record=found.record application=found.application_id />
            <p><a href=MY_APPLICATIONS_PATH>{t(lang, Key::prepare_back)}</a></p>
        </RecordFrame>
    }
}

#[component]
fn Section(section: PreparedSection) -> impl IntoView {
    let lang = use_ui().lang;
    let questions = section
        .questions
        .into_iter()
        .map(|q| {
            let easy = (!q.easy_read.is_empty()).then(|| {
                view! { <p><strong>{t(lang, Key::template_easy_read)} ": "</strong>{q.easy_read.clone()}</p> }
            });
            let ask = (!q.adjustments.is_empty()).then(|| {
                view! { <p>{t_with(lang, Key::prepare_may_ask, &[("adjustments", &adjustment_names(lang, &q.adjustments))])}</p> }
            });
            view! {
                <li class="app-template-question">
                    <p><strong>{q.question}</strong></p>
                    {easy}
                    {ask}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="app-template-section">
            <h2>{section.title}</h2>
            <ol class="app-list">{questions}</ol>
        </section>
    }
}

/// The record of the interview: not written yet, one to ask for, or read in plain words.
#[component]
fn Record(record: CandidateRecord, application: i64) -> impl IntoView {
    let lang = use_ui().lang;
    let body = match record {
        CandidateRecord::None => view! { <p>{t(lang, Key::prepare_record_none)}</p> }.into_any(),
        CandidateRecord::MayAsk => view! {
            <p>{t(lang, Key::prepare_record_may_ask)}</p>
            <ButtonForm
                action=ASK_PATH
                label=t(lang, Key::prepare_record_ask)
                fields=vec![(field::APPLICATION, application.to_string())]
            />
        }
        .into_any(),
        CandidateRecord::Read { sections, given, summary, asked_at } => {
            let sections = sections.into_iter().map(|section| view! { <ReadPart section /> }).collect_view();
            let given = if given.is_empty() {
                t(lang, Key::record_given_none).to_string()
            } else {
                adjustment_names(lang, &given)
            };
            let summary = (!summary.is_empty()).then(|| {
                view! {
                    <h3>{t(lang, Key::prepare_record_summary)}</h3>
                    <PlainText text=summary />
                }
            });
            view! {
                <p>{t_with(lang, Key::prepare_record_asked, &[("date", &format_lima_date(asked_at))])}</p>
                {sections}
                <h3>{t(lang, Key::prepare_record_given)}</h3>
                <p>{given}</p>
                {summary}
            }
            .into_any()
        }
    };
    view! {
        <section id="record" tabindex="-1" aria-labelledby="record-h2">
            <h2 id="record-h2">{t(lang, Key::prepare_record_h2)}</h2>
            {body}
        </section>
    }
}

#[component]
fn ReadPart(section: ReadSection) -> impl IntoView {
    let lang = use_ui().lang;
    let answers = section
        .answers
        .into_iter()
        .map(|answer| {
            let level = match answer.level {
                Some(Reached::Words(words)) => words,
                Some(Reached::Named(name)) => t(lang, name.label()).to_string(),
                None => t(lang, Key::prepare_record_no_level).to_string(),
            };
            let note = (!answer.note.is_empty()).then(|| {
                view! {
                    <dt>{t(lang, Key::prepare_record_note)}</dt>
                    <dd><PlainText text=answer.note /></dd>
                }
            });
            view! {
                <li class="app-template-question">
                    <p><strong>{answer.question}</strong></p>
                    <dl class="app-facts">
                        <dt>{t(lang, Key::prepare_record_level)}</dt>
                        <dd>{level}</dd>
                        {note}
                    </dl>
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>{section.title}</h3>
        <ol class="app-list">{answers}</ol>
    }
}
