//! The follow-up section of a person's page: the outcome in force, the case notes, and for
//! their counsellor the form to add one. The app puts it on the register's profile pages.

use super::{outcome_path, Outcome, RecordedOutcome, NOTE_FIELD};
use crate::components::form::{use_form_state, CsrfField, TextArea};
use crate::components::plain_text::PlainText;
use crate::components::status_page::ErrorPage;
use crate::domain::lima_time::format_lima;
use crate::i18n::{t, t_with, Key, Lang};
use crate::seekers::seeker_path;
use crate::ui::use_ui;
use leptos::prelude::*;

/// An outcome in one sentence.
pub fn outcome_text(lang: Lang, recorded: &RecordedOutcome) -> String {
    match &recorded.outcome {
        Outcome::Hired(p) => t_with(
            lang,
            Key::outcome_hired_text,
            &[
                ("job", &p.job_title),
                ("employer", &p.employer),
                ("employment", t(lang, p.employment.label())),
                ("hours", t(lang, p.hours.label())),
                ("wage", t(lang, p.wage.label())),
                ("date", &p.started_on),
            ],
        ),
        Outcome::Closed(reason) => t_with(lang, Key::outcome_closed_text, &[("reason", t(lang, reason.label()))]),
    }
}

/// The case file of person `seeker_id`, loaded by `found` (made when the page starts:
/// `app::profile_parts`), for whoever reads their page.
#[component]
pub fn CaseFileSection(
    found: Resource<Result<super::api::CaseFile, crate::error::AppError>>,
    seeker_id: i64,
) -> impl IntoView {
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(file) => view! {
                        <CaseworkSection seeker_id notes=file.notes outcomes=file.outcomes counsels=file.counsels />
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The follow-up of a person's case, on their page: for the person, to read; for their
/// centre's counsellor, with the forms to add to it.
#[component]
fn CaseworkSection(
    seeker_id: i64,
    notes: Vec<super::CaseNote>,
    outcomes: Vec<RecordedOutcome>,
    counsels: bool,
) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let current = match outcomes.first() {
        Some(recorded) => {
            let by = t_with(
                lang,
                Key::outcome_recorded_by,
                &[("name", &recorded.recorded_by), ("when", &format_lima(recorded.at))],
            );
            view! {
                <p><strong>{outcome_text(lang, recorded)}</strong></p>
                <p class="app-hint">{by}</p>
            }
            .into_any()
        }
        None => view! { <p>{t(lang, Key::outcome_none)}</p> }.into_any(),
    };
    let notes_list = if notes.is_empty() {
        view! { <p>{t(lang, Key::case_notes_none)}</p> }.into_any()
    } else {
        let items = notes
            .into_iter()
            .map(|note| {
                view! {
                    <li>
                        <p><strong>{format!("{} — {}", format_lima(note.at), note.author)}</strong></p>
                        <PlainText text=note.body />
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="app-history">{items}</ol> }.into_any()
    };
    let tools = counsels.then(|| {
        view! {
            <p><a class="app-button app-button--secondary" href=outcome_path(seeker_id, None)>{t(lang, Key::outcome_link)}</a></p>
            <form method="post" action=seeker_path(seeker_id) novalidate>
                <CsrfField />
                <TextArea
                    id=NOTE_FIELD
                    label=t(lang, Key::case_note_label)
                    hint=Some(t(lang, Key::case_note_hint))
                    rows=4
                    value=form.value(NOTE_FIELD)
                    error=form.error(NOTE_FIELD)
                />
                <button class="app-button" type="submit">{t(lang, Key::case_note_submit)}</button>
            </form>
        }
    });
    view! {
        <section aria-labelledby="casework-h">
            <h2 id="casework-h" tabindex="-1">{t(lang, Key::casework_h2)}</h2>
            <h3>{t(lang, Key::outcome_h3)}</h3>
            {current}
            <h3>{t(lang, Key::case_notes_h3)}</h3>
            {notes_list}
            {tools}
        </section>
    }
}
