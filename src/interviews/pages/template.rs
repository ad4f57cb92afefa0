//! One interview template (works without JavaScript, and prints for a paper interview): its
//! library and where it came from, the skills it fits, then each section's questions — plain
//! and easy read, what a good answer shows, the scoring guide level by level and the
//! adjustments to offer. Its writers change the current version from here; anyone who reads
//! it may copy it into a library of theirs. Earlier versions stay readable.

use super::{library_label, QuestionGuide};
use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, CsrfField, FieldError, SelectField};
use crate::components::loaded::Loaded;
use crate::components::notice::sign_in_first;
use crate::components::private_page::RecordFrame;
use crate::components::status_page::NotFoundPage;
use crate::domain::lima_time::format_lima_date;
use crate::i18n::{t, t_with, Key};
use crate::interviews::api::{read_template, QuestionView, SectionView, TemplateView};
use crate::interviews::{
    field, head_path, question_path, section_path, template_path, version_path, COPY_PATH, QUESTION_REMOVE_PATH,
    SECTION_REMOVE_PATH, TEMPLATES_PATH,
};
use crate::ui::use_ui;
use leptos::prelude::*;

/// Template `?id=`, at `&version=` or its current version.
#[component]
pub fn TemplatePage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, &ui.path) {
        return away;
    }
    let Some(id) = ui.query_id("id") else { return view! { <NotFoundPage /> }.into_any() };
    let version = ui.query_id("version");
    let found = Resource::new_blocking(move || (id, version), |(id, version)| read_template(id, version));
    view! { <Loaded found show=|found| view! { <TemplateBody found /> } /> }.into_any()
}

#[component]
fn TemplateBody(found: TemplateView) -> impl IntoView {
    let lang = use_ui().lang;
    let editable = found.may_write && found.version == found.current;
    let lead = t_with(
        lang,
        Key::template_lead,
        &[
            ("library", &library_label(lang, &found.library)),
            ("version", &found.version.to_string()),
            ("day", &format_lima_date(found.written_at)),
        ],
    );
    let origin = found.copied_from.clone().map(|origin| {
        let said = t_with(
            lang,
            Key::template_copied_from,
            &[
                ("name", &origin.name),
                ("library", &library_label(lang, &origin.library)),
                ("version", &origin.version.to_string()),
            ],
        );
        match origin.template_id {
            Some(id) => view! { <p><a href=version_path(id, origin.version)>{said}</a></p> }.into_any(),
            None => view! { <p>{said}</p> }.into_any(),
        }
    });
    let older = (found.version != found.current).then(|| {
        view! {
            <p class="app-callout">
                {t_with(lang, Key::template_older, &[("current", &found.current.to_string())])} " "
                <a href=template_path(found.id)>{t(lang, Key::template_older_link)}</a>
            </p>
        }
    });
    let in_use =
        (editable && found.in_use).then(|| view! { <p class="app-callout">{t(lang, Key::template_in_use)}</p> });
    let fits = if found.skills.is_empty() {
        t(lang, Key::template_fits_none).to_string()
    } else {
        t_with(lang, Key::template_fits, &[("skills", &found.skills.join(", "))])
    };
    let head_link = editable.then(|| {
        view! { <p class="app-no-print"><a href=head_path(found.id)>{t(lang, Key::template_head_link)}</a></p> }
    });
    let sections = if found.sections.is_empty() {
        view! { <p>{t(lang, Key::template_no_sections)}</p> }.into_any()
    } else {
        found
            .sections
            .iter()
            .cloned()
            .map(|section| view! { <Section id=found.id version=found.version editable section /> })
            .collect_view()
            .into_any()
    };
    let add_section = editable.then(|| {
        view! {
            <p class="app-no-print">
                <a class="app-button" href=section_path(found.id, None)>{t(lang, Key::template_add_section)}</a>
            </p>
        }
    });
    let versions = (found.current > 1).then(|| {
        let links = (1..=found.current)
            .rev()
            .map(|n| {
                let label = t_with(lang, Key::template_version, &[("version", &n.to_string())]);
                if n == found.version {
                    view! { <li aria-current="page">{label}</li> }.into_any()
                } else {
                    view! { <li><a href=version_path(found.id, n)>{label}</a></li> }.into_any()
                }
            })
            .collect_view();
        view! {
            <nav class="app-no-print" aria-labelledby="versions-h2">
                <h2 id="versions-h2">{t(lang, Key::template_versions_h2)}</h2>
                <ul class="app-list">{links}</ul>
            </nav>
        }
    });
    view! {
        <RecordFrame title=found.name.clone() lead>
            {origin}
            {older}
            {in_use}
            <p>{fits}</p>
            {head_link}
            <div id="content" tabindex="-1">{sections}</div>
            {add_section}
            <p class="app-no-print">{t(lang, Key::template_print_hint)}</p>
            <CopyForm found=found.clone() />
            {versions}
            <p class="app-no-print"><a href=TEMPLATES_PATH>{t(lang, Key::template_back)}</a></p>
        </RecordFrame>
    }
}

#[component]
fn Section(id: i64, version: i64, editable: bool, section: SectionView) -> impl IntoView {
    let lang = use_ui().lang;
    let position = section.position;
    let controls = editable.then(|| {
        let remove = t_with(lang, Key::template_remove_section_named, &[("title", &section.title)]);
        view! {
            <p class="app-no-print">
                <a href=section_path(id, Some(position))>{t(lang, Key::template_section_title_link)}</a>
                " · "
                <a href=question_path(id, position, None)>{t(lang, Key::template_add_question)}</a>
            </p>
            <ButtonForm
                action=SECTION_REMOVE_PATH
                label=t(lang, Key::template_remove)
                aria_label=remove
                secondary=true
                fields=vec![("id", id.to_string()), ("version", version.to_string()), ("seccion", position.to_string())]
            />
        }
    });
    let questions = if section.questions.is_empty() {
        view! { <p>{t(lang, Key::template_no_questions)}</p> }.into_any()
    } else {
        let items = section
            .questions
            .into_iter()
            .map(|question| view! { <Question id version section=position editable question /> })
            .collect_view();
        view! { <ol class="app-list">{items}</ol> }.into_any()
    };
    view! {
        <section class="app-template-section" aria-labelledby=format!("section-{position}")>
            <h2 id=format!("section-{position}")>{section.title.clone()}</h2>
            {controls}
            {questions}
        </section>
    }
}

#[component]
fn Question(id: i64, version: i64, section: i64, editable: bool, question: QuestionView) -> impl IntoView {
    let lang = use_ui().lang;
    let draft = question.draft;
    let position = question.position;
    let controls = editable.then(|| {
        let short: String = draft.question.chars().take(60).collect();
        let change = t_with(lang, Key::template_change_question_named, &[("question", &short)]);
        let remove = t_with(lang, Key::template_remove_question_named, &[("question", &short)]);
        view! {
            <p class="app-no-print">
                <a href=question_path(id, section, Some(position)) aria-label=change>{t(lang, Key::template_change)}</a>
            </p>
            <ButtonForm
                action=QUESTION_REMOVE_PATH
                label=t(lang, Key::template_remove)
                aria_label=remove
                secondary=true
                fields=vec![
                    ("id", id.to_string()),
                    ("version", version.to_string()),
                    ("seccion", section.to_string()),
                    ("pregunta", position.to_string()),
                ]
            />
        }
    });
    view! {
        <li class="app-template-question">
            <p><strong>{draft.question.clone()}</strong></p>
            <QuestionGuide draft=draft.clone() />
            {controls}
        </li>
    }
}

/// "Copy and adapt": into one of the reader's libraries, when there is one to copy into.
#[component]
fn CopyForm(found: TemplateView) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    if found.copy_into.is_empty() {
        return ().into_any();
    }
    let into = match found.copy_into.as_slice() {
        [only] => view! {
            <div id=field::INTO tabindex="-1">
                <input type="hidden" name=field::INTO value=only.value.clone() />
                <p>{t_with(lang, Key::template_copy_into_only, &[("library", &library_label(lang, &only.library))])}</p>
                <FieldError id=format!("{}-error", field::INTO) message=form.error(field::INTO) />
            </div>
        }
        .into_any(),
        choices => {
            let options = choices.iter().map(|c| (c.value.clone(), library_label(lang, &c.library))).collect();
            view! {
                <SelectField
                    id=field::INTO
                    label=t(lang, Key::template_copy_into)
                    options
                    selected=form.value(field::INTO)
                    error=form.error(field::INTO)
                />
            }
            .into_any()
        }
    };
    view! {
        <form class="app-no-print" method="post" action=COPY_PATH novalidate>
            <h2>{t(lang, Key::template_copy_h2)}</h2>
            <p>{t(lang, Key::template_copy_lead)}</p>
            <CsrfField />
            <input type="hidden" name="id" value=found.id.to_string() />
            <input type="hidden" name="version" value=found.version.to_string() />
            {into}
            <button class="app-button app-button--secondary" type="submit">{t(lang, Key::template_copy_button)}</button>
        </form>
    }
    .into_any()
}
