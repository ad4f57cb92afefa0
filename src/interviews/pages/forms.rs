//! The forms that start and change a template (all work without JavaScript; each posts to its
//! own address): a new template's library, name and skills; the name and skills again; a
//! section's title; a question with its easy-read variant, good answer, scoring guide and the
//! adjustments to offer. Each changes the current version and carries the version it was made
//! from, so a change made meanwhile is not overwritten.

use super::{library_label, AdjustmentChoices};
use crate::components::form::{use_form_state, Choice, CsrfField, FieldError, FormState, TextArea, TextField};
use crate::components::format::named_title;
use crate::components::loaded::Loaded;
use crate::components::notice::sign_in_first;
use crate::components::status_page::NotFoundPage;
use crate::i18n::{t, t_with, Key};
use crate::interviews::api::{read_own_libraries, read_template, LibraryChoice, TemplateView};
use crate::interviews::{field, template_path, QuestionDraft, TEMPLATES_PATH};
use crate::ui::use_ui;
use leptos::prelude::*;
use leptos_meta::Title;

/// What the form shows in `name`: what was typed when it came back, otherwise `stored`.
fn kept_or(form: &FormState, name: &str, stored: &str) -> String {
    if form.values.is_empty() {
        stored.to_string()
    } else {
        form.value(name)
    }
}

/// A form page's frame: its title (marked when the form came back with mistakes), the error
/// summary, the heading and lead, the form posting to the page's own address, and a way back.
#[component]
fn FormFrame(title: String, lead: String, back: String, button: &'static str, children: Children) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    view! {
        <Title text=named_title(lang, &title, form.has_errors()) />
        <div class="app-width app-narrow">
            <crate::components::form::ErrorSummary errors=form.errors.clone() />
            <h1>{title.clone()}</h1>
            <p class="app-lead">{lead}</p>
            <form method="post" novalidate>
                <CsrfField />
                {children()}
                <button class="app-button" type="submit">{button}</button>
            </form>
            <p><a href=back>{t(lang, Key::template_back_to_template)}</a></p>
        </div>
    }
}

/// The hidden fields naming the template and the version the form is made from.
#[component]
fn Names(id: i64, version: i64) -> impl IntoView {
    view! {
        <input type="hidden" name="id" value=id.to_string() />
        <input type="hidden" name="version" value=version.to_string() />
    }
}

/// The name and skills fields, shown with `name` and `skills` until something was typed.
#[component]
fn HeadFields(name: String, skills: String) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    view! {
        <TextField
            id=field::NAME
            label=t(lang, Key::template_name)
            hint=Some(t(lang, Key::template_name_hint))
            autocomplete="off"
            value=kept_or(&form, field::NAME, &name)
            error=form.error(field::NAME)
        />
        <TextField
            id=field::SKILLS
            label=t(lang, Key::template_skills)
            hint=Some(t(lang, Key::template_skills_hint))
            autocomplete="off"
            value=kept_or(&form, field::SKILLS, &skills)
            error=form.error(field::SKILLS)
        />
    }
}

/// A new template: in which library (when the person writes into more than one), its name and
/// the skills it fits.
#[component]
pub fn NewTemplatePage() -> impl IntoView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, &ui.path) {
        return away;
    }
    let found = Resource::new_blocking(|| (), |_| read_own_libraries());
    view! { <Loaded found show=|libraries| view! { <NewTemplateForm libraries /> } /> }.into_any()
}

#[component]
fn NewTemplateForm(libraries: Vec<LibraryChoice>) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let error = form.error(field::LIBRARY);
    let library = match libraries.as_slice() {
        [only] => view! {
            <div id=field::LIBRARY tabindex="-1">
                <input type="hidden" name=field::LIBRARY value=only.value.clone() />
                <p>{t_with(lang, Key::template_new_in, &[("library", &library_label(lang, &only.library))])}</p>
                <FieldError id=format!("{}-error", field::LIBRARY) message=error />
            </div>
        }
        .into_any(),
        choices => {
            let chosen = form.value(field::LIBRARY);
            let described = error.as_ref().map(|_| format!("{}-error", field::LIBRARY));
            let boxes = choices
                .iter()
                .map(|c| {
                    view! {
                        <Choice
                            kind="radio"
                            name=field::LIBRARY
                            value=c.value.clone()
                            label=library_label(lang, &c.library)
                            checked=chosen == c.value
                            described_by=described.clone()
                        />
                    }
                })
                .collect_view();
            view! {
                <fieldset class="app-fieldset" id=field::LIBRARY tabindex="-1">
                    <legend>{t(lang, Key::template_library_choice)}</legend>
                    <FieldError id=format!("{}-error", field::LIBRARY) message=error />
                    {boxes}
                </fieldset>
            }
            .into_any()
        }
    };
    view! {
        <FormFrame
            title=t(lang, Key::template_new_title).to_string()
            lead=t(lang, Key::template_new_lead).to_string()
            back=TEMPLATES_PATH.to_string()
            button=t(lang, Key::template_create)
        >
            {library}
            <HeadFields name=String::new() skills=String::new() />
        </FormFrame>
    }
}

/// Reads template `?id=` for a form that changes it, shown with `show` to someone who may.
fn with_writable_template<V: IntoView + 'static>(show: fn(TemplateView) -> V) -> AnyView {
    let ui = use_ui();
    if let Some(away) = sign_in_first(&ui, &ui.path) {
        return away;
    }
    let Some(id) = ui.query_id("id") else { return view! { <NotFoundPage /> }.into_any() };
    let found = Resource::new_blocking(move || id, |id| read_template(id, None));
    // Someone who may read a template but not write it is told the form does not exist.
    let show = move |found: TemplateView| match found.may_write {
        true => show(found).into_any(),
        false => view! { <NotFoundPage /> }.into_any(),
    };
    view! { <Loaded found show /> }.into_any()
}

/// A template's name and skills, changed.
#[component]
pub fn HeadFormPage() -> impl IntoView {
    with_writable_template(|found| {
        let lang = use_ui().lang;
        view! {
            <FormFrame
                title=t_with(lang, Key::template_head_title, &[("name", &found.name)])
                lead=t(lang, Key::template_head_lead).to_string()
                back=template_path(found.id)
                button=t(lang, Key::template_save)
            >
                <Names id=found.id version=found.current />
                <HeadFields name=found.name.clone() skills=found.skills.join(", ") />
            </FormFrame>
        }
        .into_any()
    })
}

/// A new section (no `&seccion=`), or the title of section `&seccion=`.
#[component]
pub fn SectionFormPage() -> impl IntoView {
    with_writable_template(|found| {
        let ui = use_ui();
        let lang = ui.lang;
        let form = use_form_state();
        let section = ui.query_id("seccion");
        let stored = match section {
            Some(position) => match found.section(position) {
                Some(section) => section.title.clone(),
                None => return view! { <NotFoundPage /> }.into_any(),
            },
            None => String::new(),
        };
        let (title, button) = match section {
            Some(_) => (t_with(lang, Key::template_section_edit_title, &[("title", &stored)]), Key::template_save),
            None => {
                (t_with(lang, Key::template_section_new_title, &[("name", &found.name)]), Key::template_add_section)
            }
        };
        let place = section.map(|n| view! { <input type="hidden" name="seccion" value=n.to_string() /> });
        view! {
            <FormFrame title lead=t(lang, Key::template_section_lead).to_string() back=template_path(found.id) button=t(lang, button)>
                <Names id=found.id version=found.current />
                {place}
                <TextField
                    id=field::TITLE
                    label=t(lang, Key::template_section_title)
                    hint=Some(t(lang, Key::template_section_title_hint))
                    autocomplete="off"
                    value=kept_or(&form, field::TITLE, &stored)
                    error=form.error(field::TITLE)
                />
            </FormFrame>
        }
        .into_any()
    })
}

/// A new question in section `&seccion=` (no `&pregunta=`), or question `&pregunta=` of it.
#[component]
pub fn QuestionFormPage() -> impl IntoView {
    with_writable_template(|found| {
        let ui = use_ui();
        let lang = ui.lang;
        let Some(position) = ui.query_id("seccion") else { return view! { <NotFoundPage /> }.into_any() };
        let Some(section) = found.section(position) else { return view! { <NotFoundPage /> }.into_any() };
        let question = ui.query_id("pregunta");
        let stored = match question {
            Some(n) => match section.questions.iter().find(|q| q.position == n) {
                Some(q) => q.draft.clone(),
                None => return view! { <NotFoundPage /> }.into_any(),
            },
            None => QuestionDraft::default(),
        };
        let (title, button) = match question {
            Some(_) => {
                (t_with(lang, Key::template_question_edit_title, &[("section", &section.title)]), Key::template_save)
            }
            None => (
                t_with(lang, Key::template_question_new_title, &[("section", &section.title)]),
                Key::template_add_question,
            ),
        };
        let place = question.map(|n| view! { <input type="hidden" name="pregunta" value=n.to_string() /> });
        view! {
            <FormFrame title lead=t(lang, Key::template_question_lead).to_string() back=template_path(found.id) button=t(lang, button)>
                <Names id=found.id version=found.current />
                <input type="hidden" name="seccion" value=position.to_string() />
                {place}
                <QuestionFields stored />
            </FormFrame>
        }
        .into_any()
    })
}

#[component]
fn QuestionFields(stored: QuestionDraft) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let area = |name: &'static str, label: Key, value: &str, rows: u32| {
        view! {
            <TextArea id=name label=t(lang, label) rows value=kept_or(&form, name, value) error=form.error(name) />
        }
    };
    let levels = field::LEVELS
        .iter()
        .zip(&stored.levels)
        .enumerate()
        .map(|(n, (name, value))| {
            let label = t_with(lang, Key::template_level, &[("level", &(n + 1).to_string())]);
            view! { <TextArea id=*name label rows=2 value=kept_or(&form, name, value) error=form.error(name) /> }
        })
        .collect_view();
    let chosen: Vec<String> = if form.values.is_empty() {
        stored.adjustments.iter().map(|a| a.code().to_string()).collect()
    } else {
        form.values.iter().filter(|(k, _)| k == field::ADJUSTMENT).map(|(_, v)| v.clone()).collect()
    };
    view! {
        <TextField
            id=field::QUESTION
            label=t(lang, Key::template_question)
            hint=Some(t(lang, Key::template_question_hint))
            autocomplete="off"
            value=kept_or(&form, field::QUESTION, &stored.question)
            error=form.error(field::QUESTION)
        />
        {area(field::EASY_READ, Key::template_easy_read, &stored.easy_read, 3)}
        {area(field::GOOD_ANSWER, Key::template_good_answer, &stored.good_answer, 3)}
        <fieldset class="app-fieldset">
            <legend>{t(lang, Key::template_guide)}</legend>
            <p class="app-field__hint">{t(lang, Key::template_guide_hint)}</p>
            {levels}
        </fieldset>
        <AdjustmentChoices
            name=field::ADJUSTMENT
            legend=t(lang, Key::template_offer)
            chosen
            error=form.error(field::ADJUSTMENT)
        />
    }
}
