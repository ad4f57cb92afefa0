//! The pages of interview templates, rendering only: the libraries, one template (also
//! printed), and the forms that start and change one. Each reads through `api.rs`.

mod forms;
mod library;
mod template;

pub use forms::{HeadFormPage, NewTemplatePage, QuestionFormPage, SectionFormPage};
pub use library::TemplateLibraryPage;
pub use template::TemplatePage;

use super::api::LibraryName;
use super::{Adjustment, LibraryKind, QuestionDraft};
use crate::components::form::{Choice, FieldError};
use crate::i18n::{t, t_with, Key, Lang};
use crate::ui::use_ui;
use leptos::prelude::*;

/// A library's name as pages say it.
pub(crate) fn library_label(lang: Lang, library: &LibraryName) -> String {
    match library.kind {
        LibraryKind::National => t(lang, Key::template_library_national).to_string(),
        LibraryKind::Centre | LibraryKind::Company => {
            t_with(lang, Key::template_library_of, &[("name", &library.name)])
        }
    }
}

/// What the interviewer reads under a question: its easy-read variant, what a good answer
/// shows, the scoring guide level by level and the adjustments to offer — each where given.
#[component]
pub(crate) fn QuestionGuide(draft: QuestionDraft) -> impl IntoView {
    let lang = use_ui().lang;
    let easy = (!draft.easy_read.is_empty()).then(|| {
        view! { <p><strong>{t(lang, Key::template_easy_read)} ": "</strong>{draft.easy_read.clone()}</p> }
    });
    let good = (!draft.good_answer.is_empty()).then(|| {
        view! { <p><strong>{t(lang, Key::template_good_answer)} ": "</strong>{draft.good_answer.clone()}</p> }
    });
    let levels = draft
        .levels
        .iter()
        .enumerate()
        .filter(|(_, text)| !text.is_empty())
        .map(|(n, text)| {
            let level = t_with(lang, Key::template_level, &[("level", &(n + 1).to_string())]);
            view! { <li><strong>{level} ": "</strong>{text.clone()}</li> }
        })
        .collect::<Vec<_>>();
    let guide = (!levels.is_empty()).then(|| {
        view! {
            <p><strong>{t(lang, Key::template_guide)}</strong></p>
            <ul class="app-template-guide">{levels}</ul>
        }
    });
    let offer = (!draft.adjustments.is_empty()).then(|| view! { <p><strong>{t(lang, Key::template_offer)} ": "</strong>{adjustment_names(lang, &draft.adjustments)}</p> });
    view! {
        {easy}
        {good}
        {guide}
        {offer}
    }
}

/// Adjustments named in a sentence's list.
pub(crate) fn adjustment_names(lang: Lang, adjustments: &[Adjustment]) -> String {
    adjustments.iter().map(|a| t(lang, a.label())).collect::<Vec<_>>().join(", ")
}

/// A checkbox for each adjustment of the list, under `legend`, `chosen` ticked; the group is
/// the target of its error's link.
#[component]
pub(crate) fn AdjustmentChoices(
    name: &'static str,
    legend: &'static str,
    chosen: Vec<String>,
    error: Option<String>,
) -> impl IntoView {
    let lang = use_ui().lang;
    let described = error.as_ref().map(|_| format!("{name}-error"));
    let boxes = Adjustment::ALL
        .iter()
        .map(|a| {
            view! {
                <Choice
                    kind="checkbox"
                    name=name
                    value=a.code()
                    label=t(lang, a.label())
                    checked=chosen.iter().any(|c| c == a.code())
                    described_by=described.clone()
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="app-fieldset" id=name tabindex="-1">
            <legend>{legend}</legend>
            <FieldError id=format!("{name}-error") message=error />
            {boxes}
        </fieldset>
    }
}
