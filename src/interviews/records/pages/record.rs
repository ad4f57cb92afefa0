//! An applicant's interview record. The vacancy's employer writes it one section at a time —
//! a score from the guide (each level in words) and a note per question — then the adjustments
//! given and a summary; every part is a form of its own that saves without JavaScript, and a
//! refused one comes back with what was typed in that part only. Beside the questions, what the
//! candidate asked for at the interview. The candidate's counsellor reads it; it prints.

use crate::applications::card::named;
use crate::components::form::{use_form_state, Choice, CsrfField, FieldError, FormState, TextArea};
use crate::components::loaded::Loaded;
use crate::components::notice::sign_in_first;
use crate::components::plain_text::PlainText;
use crate::components::private_page::RecordFrame;
use crate::components::status_page::NotFoundPage;
use crate::domain::lima_time::format_lima;
use crate::i18n::{t, t_with, Key, Lang};
use crate::interviews::pages::{adjustment_names, AdjustmentChoices, QuestionGuide};
use crate::interviews::records::api::{read_record, RecordQuestion, RecordSection, RecordView};
use crate::interviews::records::{field, RECORD_PATH, RECORD_SUMMARY_PATH};
use crate::interviews::LEVELS;
use crate::ui::use_ui;
use crate::vacancies::applicants_path;
use leptos::prelude::*;

/// The record of application `?postulacion=`.
#[component]
pub fn RecordPage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, &ui.path) {
        return away;
    }
    let Some(id) = ui.query_id(field::APPLICATION) else { return view! { <NotFoundPage /> }.into_any() };
    let found = Resource::new_blocking(move || id, read_record);
    view! { <Loaded found show=|found| view! { <RecordBody found /> } /> }.into_any()
}

#[component]
fn RecordBody(found: RecordView) -> impl IntoView {
    let lang = use_ui().lang;
    let title = match &found.candidate {
        Some(name) => t_with(lang, Key::record_title, &[("name", name)]),
        None => t(lang, Key::record_title_not_shared).to_string(),
    };
    let lead = t_with(
        lang,
        Key::record_lead,
        &[
            ("title", &found.vacancy_title),
            ("template", &found.template_name),
            ("version", &found.template_version.to_string()),
        ],
    );
    let saved = match found.saved_at {
        Some(at) => t_with(lang, Key::record_saved_at, &[("date", &format_lima(at))]),
        None if found.writes => t(lang, Key::record_not_saved).to_string(),
        None => t(lang, Key::record_nothing_yet).to_string(),
    };
    let asked = found.asked_at.map(
        |at| view! { <p class="app-callout">{t_with(lang, Key::record_asked, &[("date", &format_lima(at))])}</p> },
    );
    let reads_only = (!found.writes).then(|| view! { <p>{t(lang, Key::record_reads_only)}</p> });
    let sections = found
        .sections
        .iter()
        .cloned()
        .map(|section| view! { <Section section writes=found.writes application=found.application_id version=found.version_id /> })
        .collect_view();
    view! {
        <RecordFrame title lead>
            <p>{saved}</p>
            {asked}
            {reads_only}
            <section class="app-record-needs" aria-labelledby="needs-h2">
                <h2 id="needs-h2">{t(lang, Key::record_needs_h2)}</h2>
                <p>{named(lang, &found.names, &found.needs)}</p>
            </section>
            <div id=field::SECTIONS tabindex="-1">{sections}</div>
            <Summary found=found.clone() />
            <p class="app-no-print">{t(lang, Key::record_print_hint)}</p>
            <p class="app-no-print"><a href=applicants_path(found.vacancy_id)>{t(lang, Key::record_back)}</a></p>
        </RecordFrame>
    }
}

/// What a refused form brought back, for the part it came from only: every other part shows
/// what is stored.
fn kept_for(form: &FormState, from_here: bool, name: &str, stored: String) -> String {
    if from_here {
        form.value(name)
    } else {
        stored
    }
}

#[component]
fn Section(section: RecordSection, writes: bool, application: i64, version: i64) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let position = section.position;
    let from_here = form.value(field::SECTION) == position.to_string();
    let questions = section
        .questions
        .into_iter()
        .map(|question| view! { <Question question writes from_here form=form.clone() /> })
        .collect_view();
    let heading = view! { <h2 id=format!("section-{position}") tabindex="-1">{section.title.clone()}</h2> };
    let body = if writes {
        let save = t_with(lang, Key::record_save_section, &[("title", &section.title)]);
        view! {
            <form class="app-record-form" method="post" action=RECORD_PATH novalidate>
                <CsrfField />
                <input type="hidden" name=field::APPLICATION value=application.to_string() />
                <input type="hidden" name=field::VERSION value=version.to_string() />
                <input type="hidden" name=field::SECTION value=position.to_string() />
                <ol class="app-list">{questions}</ol>
                <button class="app-button" type="submit">{save}</button>
            </form>
        }
        .into_any()
    } else {
        view! { <ol class="app-list">{questions}</ol> }.into_any()
    };
    view! {
        <section class="app-template-section" aria-labelledby=format!("section-{position}")>
            {heading}
            {body}
        </section>
    }
}

#[component]
fn Question(question: RecordQuestion, writes: bool, from_here: bool, form: FormState) -> impl IntoView {
    let lang = use_ui().lang;
    let RecordQuestion { id, draft, score, note } = question;
    let level = match score {
        Some(level) => level_label(lang, usize::from(level), &draft.levels[usize::from(level).max(1) - 1]),
        None => t(lang, Key::record_score_none).to_string(),
    };
    let stored_note = note.clone();
    let written = move || {
        let note = (!stored_note.is_empty()).then(|| {
            view! {
                <p><strong>{t(lang, Key::record_note)}</strong></p>
                <PlainText text=stored_note.clone() />
            }
        });
        view! {
            <p><strong>{t(lang, Key::record_score)} ": "</strong>{level.clone()}</p>
            {note}
        }
    };
    let answer = if writes {
        let score_name = field::score(id);
        let note_name = field::note(id);
        let stored = score.map(|s| s.to_string()).unwrap_or_default();
        let chosen = kept_for(&form, from_here, &score_name, stored);
        let error = if from_here { form.error(&score_name) } else { None };
        let described = error.as_ref().map(|_| format!("{score_name}-error"));
        let none = view! {
            <Choice
                kind="radio"
                name=score_name.clone()
                value=""
                label=t(lang, Key::record_score_none)
                checked=chosen.is_empty()
                described_by=described.clone()
            />
        };
        let levels = (1..=LEVELS)
            .map(|level| {
                view! {
                    <Choice
                        kind="radio"
                        name=score_name.clone()
                        value=level.to_string()
                        label=level_label(lang, level, &draft.levels[level - 1])
                        checked=chosen == level.to_string()
                        described_by=described.clone()
                    />
                }
            })
            .collect_view();
        let short: String = draft.question.chars().take(80).collect();
        let note_error = if from_here { form.error(&note_name) } else { None };
        // On paper, what is saved, as the counsellor reads it: a form does not print well.
        view! {
            <fieldset class="app-fieldset" id=score_name.clone() tabindex="-1">
                <legend>{t_with(lang, Key::record_score_legend, &[("question", &short)])}</legend>
                <FieldError id=format!("{score_name}-error") message=error />
                {none}
                {levels}
            </fieldset>
            <TextArea
                id=note_name.clone()
                label=t_with(lang, Key::record_note_label, &[("question", &short)])
                hint=Some(t(lang, Key::record_note_hint))
                rows=3
                value=kept_for(&form, from_here, &note_name, note)
                error=note_error
            />
            <div class="app-print-only">{written()}</div>
        }
        .into_any()
    } else {
        written().into_any()
    };
    view! {
        <li class="app-template-question">
            <p><strong>{draft.question.clone()}</strong></p>
            <QuestionGuide draft=draft.clone() />
            {answer}
        </li>
    }
}

/// A level of the guide as a choice: its number and, where the guide describes it, its words.
fn level_label(lang: Lang, level: usize, words: &str) -> String {
    let name = t_with(lang, Key::template_level, &[("level", &level.to_string())]);
    if words.is_empty() {
        name
    } else {
        format!("{name}: {words}")
    }
}

/// The adjustments given and the summary: a form for the employer, read by the counsellor.
#[component]
fn Summary(found: RecordView) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let given = if found.given.is_empty() {
        t(lang, Key::record_given_none).to_string()
    } else {
        adjustment_names(lang, &found.given)
    };
    let stored_summary =
        if found.summary.is_empty() { t(lang, Key::record_summary_none).to_string() } else { found.summary.clone() };
    let written = view! {
        <p><strong>{t(lang, Key::record_given_legend)} ": "</strong>{given}</p>
        <p><strong>{t(lang, Key::record_summary_label)}</strong></p>
        <PlainText text=stored_summary />
    };
    let body = if found.writes {
        let from_here = form.values.iter().any(|(k, _)| k == field::SUMMARY);
        let chosen: Vec<String> = if from_here {
            form.values.iter().filter(|(k, _)| k == field::GIVEN).map(|(_, v)| v.clone()).collect()
        } else {
            found.given.iter().map(|a| a.code().to_string()).collect()
        };
        let given_error = if from_here { form.error(field::GIVEN) } else { None };
        let summary_error = if from_here { form.error(field::SUMMARY) } else { None };
        view! {
            <form class="app-record-form" method="post" action=RECORD_SUMMARY_PATH novalidate>
                <CsrfField />
                <input type="hidden" name=field::APPLICATION value=found.application_id.to_string() />
                <input type="hidden" name=field::VERSION value=found.version_id.to_string() />
                <AdjustmentChoices name=field::GIVEN legend=t(lang, Key::record_given_legend) chosen error=given_error />
                <TextArea
                    id=field::SUMMARY
                    label=t(lang, Key::record_summary_label)
                    hint=Some(t(lang, Key::record_summary_hint))
                    rows=5
                    value=kept_for(&form, from_here, field::SUMMARY, found.summary.clone())
                    error=summary_error
                />
                <button class="app-button" type="submit">{t(lang, Key::record_save_summary)}</button>
            </form>
            <div class="app-print-only">{written}</div>
        }
        .into_any()
    } else {
        written.into_any()
    };
    view! {
        <section id="summary" tabindex="-1" aria-labelledby="summary-h2">
            <h2 id="summary-h2">{t(lang, Key::record_summary_h2)}</h2>
            {body}
        </section>
    }
}
