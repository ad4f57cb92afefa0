//! Form endpoints of interview templates: start one, change its name and skills, its sections
//! and questions, copy one to adapt it. Each parses, checks who may (the template's library),
//! checks the wording, then makes one change; a refused form comes back with what was typed
//! and the problem on its field, nothing stored.

use super::api::reading::{own_companies, verified, STAFF};
use super::rules::{in_verified, may_copy, may_read, may_write};
use super::store::{Change, Changed, NewTemplate, StoredTemplate};
use super::{
    field, head_path, question_path, section_path, template_path, Adjustment, Library, QuestionDraft, MAX_QUESTIONS,
    MAX_SECTIONS, MAX_SHORT_CHARS, MAX_TEXT_CHARS, NEW_TEMPLATE_PATH, TEMPLATES_PATH,
};
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::domain::Actor;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, t_with, Key, Lang};
use crate::server::access::permits;
use crate::server::auth::now;
use crate::server::form_fields::{skill_list, text, value, Fields};
use crate::server::forms::{kept, read, render_again_at};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Starts a template in a library the person writes into, and opens it.
pub async fn create_template(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let actor = staff(&ui)?;
    let Some(actor) = actor else { return Ok(plain_page::sign_in_first(NEW_TEMPLATE_PATH)) };
    let companies = verified(&own_companies(state.store.as_ref(), &actor).await?);
    let mut errors = FieldErrors::default();
    let library = Library::parse(value(&fields, field::LIBRARY));
    let library = match library {
        Some(library) if may_write(&actor, library, in_verified(library, &companies)) => Some(library),
        Some(_) => return Err(AppError::Forbidden),
        None => {
            errors.push(field::LIBRARY, t(lang, Key::template_err_library));
            None
        }
    };
    let (name, skills) = head_fields(&state, lang, &fields, &mut errors);
    let (Some(library), Some(name), true) = (library, name, errors.is_empty()) else {
        return Ok(again(&state, parts, NEW_TEMPLATE_PATH, &fields, errors).await);
    };
    let new = NewTemplate { library, name: &name, skills: &skills, by: actor.account_id };
    let id = state.store.create_template(&new, now()).await?;
    tracing::info!(template_id = id, by = actor.account_id, library = %library.code(), "interview template created");
    Ok(see_other(&Notice::TemplateCreated.on(&template_path(id))))
}

/// Changes a template's name and the skills it fits.
pub async fn save_head(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let Writing { parts, fields, lang, actor, template } = match writer(&state, request).await? {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    let page = head_path(template.id);
    let mut errors = FieldErrors::default();
    let (name, skills) = head_fields(&state, lang, &fields, &mut errors);
    let (Some(name), true) = (name, errors.is_empty()) else {
        return Ok(again(&state, parts, &page, &fields, errors).await);
    };
    let change = Change::Head { name: &name, skills: &skills };
    apply(&state, parts, &page, &fields, (&actor, &template), &change, field::NAME).await
}

/// Adds a section, or changes the title of the one the form names.
pub async fn save_section(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let Writing { parts, fields, lang, actor, template } = match writer(&state, request).await? {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    let section = place(&fields, "seccion")?;
    let page = section_path(template.id, section);
    let mut errors = FieldErrors::default();
    let title = text(lang, &fields, field::TITLE, MAX_SHORT_CHARS, Some(Key::template_err_title), &mut errors);
    if let Some(title) = &title {
        check_wording(&state, lang, &[(field::TITLE, title)], &mut errors);
    }
    let (Some(title), true) = (title, errors.is_empty()) else {
        return Ok(again(&state, parts, &page, &fields, errors).await);
    };
    let change = match section {
        Some(section) => Change::RenameSection { section, title: &title },
        None => Change::AddSection { title: &title },
    };
    apply(&state, parts, &page, &fields, (&actor, &template), &change, field::TITLE).await
}

/// Adds a question to a section, or changes the one the form names.
pub async fn save_question(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let Writing { parts, fields, lang, actor, template } = match writer(&state, request).await? {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    let section = place(&fields, "seccion")?.ok_or(AppError::NotFound)?;
    let question = place(&fields, "pregunta")?;
    let page = question_path(template.id, section, question);
    let mut errors = FieldErrors::default();
    let draft = question_fields(&state, lang, &fields, &mut errors);
    let (Some(draft), true) = (draft, errors.is_empty()) else {
        return Ok(again(&state, parts, &page, &fields, errors).await);
    };
    let change = match question {
        Some(question) => Change::EditQuestion { section, question, draft: &draft },
        None => Change::AddQuestion { section, draft: &draft },
    };
    apply(&state, parts, &page, &fields, (&actor, &template), &change, field::QUESTION).await
}

/// Takes a section (with its questions) out of the template.
pub async fn remove_section(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let Writing { parts, fields, actor, template, .. } = match writer(&state, request).await? {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    let section = place(&fields, "seccion")?.ok_or(AppError::NotFound)?;
    let page = template_path(template.id);
    let change = Change::RemoveSection { section };
    apply(&state, parts, &page, &fields, (&actor, &template), &change, "content").await
}

/// Takes a question out of its section.
pub async fn remove_question(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let Writing { parts, fields, actor, template, .. } = match writer(&state, request).await? {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    let section = place(&fields, "seccion")?.ok_or(AppError::NotFound)?;
    let question = place(&fields, "pregunta")?.ok_or(AppError::NotFound)?;
    let page = template_path(template.id);
    let change = Change::RemoveQuestion { section, question };
    apply(&state, parts, &page, &fields, (&actor, &template), &change, "content").await
}

/// Copies the version the form names into a library the person writes into, to adapt it
/// there; the copy says where it came from.
pub async fn copy_template(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let Some(actor) = staff(&ui)? else { return Ok(plain_page::sign_in_first(TEMPLATES_PATH)) };
    let id = value(&fields, "id").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let version = value(&fields, "version").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let found = state.store.template(id, Some(version)).await?.ok_or(AppError::NotFound)?;
    if !may_read(&actor, found.library) {
        return Err(AppError::NotFound);
    }
    let companies = verified(&own_companies(state.store.as_ref(), &actor).await?);
    let Some(to) = Library::parse(value(&fields, field::INTO)) else {
        let mut errors = FieldErrors::default();
        errors.push(field::INTO, t(lang, Key::template_err_library));
        return Ok(again(&state, parts, &template_path(id), &fields, errors).await);
    };
    if !may_copy(&actor, found.library, to, in_verified(to, &companies)) {
        return Err(AppError::Forbidden);
    }
    let copy = state.store.copy_template(found.version_id, to, actor.account_id, now()).await?;
    let copy = copy.ok_or(AppError::NotFound)?;
    tracing::info!(
        template_id = copy,
        from_version = found.version_id,
        by = actor.account_id,
        "interview template copied"
    );
    Ok(see_other(&Notice::TemplateCopied.on(&template_path(copy))))
}

/// The signed-in person if they work with templates (`None` signed out); anyone else is
/// `Forbidden`.
fn staff(ui: &Ui) -> Result<Option<Actor>, AppError> {
    match ui.actor.clone() {
        None => Ok(None),
        Some(actor) if permits(&actor, STAFF) => Ok(Some(actor)),
        Some(_) => Err(AppError::Forbidden),
    }
}

/// A form post about a template, from someone who writes it.
struct Writing {
    parts: axum::http::request::Parts,
    fields: Vec<(String, String)>,
    lang: Lang,
    actor: Actor,
    /// Its current version.
    template: StoredTemplate,
}

/// Reads a form post about a template and checks its sender writes it: `Ok(Err(answer))` is
/// the answer for someone signed out; someone who may not read the template is told it does
/// not exist, someone who reads but does not write it `Forbidden`.
async fn writer(state: &AppState, request: Request) -> Result<Result<Writing, Response>, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = staff(&ui)? else {
        return Ok(Err(plain_page::sign_in_first(TEMPLATES_PATH)));
    };
    let id = value(&fields, "id").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let template = state.store.template(id, None).await?.ok_or(AppError::NotFound)?;
    if !may_read(&actor, template.library) {
        return Err(AppError::NotFound);
    }
    let companies = verified(&own_companies(state.store.as_ref(), &actor).await?);
    if !may_write(&actor, template.library, in_verified(template.library, &companies)) {
        return Err(AppError::Forbidden);
    }
    Ok(Ok(Writing { parts, fields, lang: ui.lang, actor, template }))
}

/// A section's or question's place from the form: none when the field is absent or empty; a
/// value that is not a place is a tampered form.
fn place(fields: &Fields, name: &str) -> Result<Option<i64>, AppError> {
    match value(fields, name) {
        "" => Ok(None),
        text => text.parse::<i64>().ok().filter(|n| *n > 0).map(Some).ok_or(AppError::NotFound),
    }
}

/// A template's name and skills, checked.
fn head_fields(
    state: &AppState,
    lang: Lang,
    fields: &Fields,
    errors: &mut FieldErrors,
) -> (Option<String>, Vec<String>) {
    let name = text(lang, fields, field::NAME, MAX_SHORT_CHARS, Some(Key::template_err_name), errors);
    let skills = skill_list(lang, fields, field::SKILLS, errors);
    if let Some(name) = &name {
        check_wording(state, lang, &[(field::NAME, name)], errors);
    }
    (name, skills)
}

/// A question's fields, checked: the question is needed; its easy-read variant, good answer
/// and levels may wait; the adjustments are codes of the list.
fn question_fields(state: &AppState, lang: Lang, fields: &Fields, errors: &mut FieldErrors) -> Option<QuestionDraft> {
    let question = text(lang, fields, field::QUESTION, MAX_SHORT_CHARS, Some(Key::template_err_question), errors);
    let easy_read = text(lang, fields, field::EASY_READ, MAX_TEXT_CHARS, None, errors);
    let good_answer = text(lang, fields, field::GOOD_ANSWER, MAX_TEXT_CHARS, None, errors);
    let levels = field::LEVELS.map(|name| text(lang, fields, name, MAX_TEXT_CHARS, None, errors));
    let mut adjustments = Vec::new();
    for (_, code) in fields.iter().filter(|(k, _)| k == field::ADJUSTMENT) {
        match Adjustment::from_code(code) {
            Some(adjustment) => adjustments.push(adjustment),
            None => errors.push(field::ADJUSTMENT, t(lang, Key::template_err_adjustment)),
        }
    }
    let draft = QuestionDraft {
        question: question?,
        easy_read: easy_read?,
        good_answer: good_answer?,
        levels: [levels[0].clone()?, levels[1].clone()?, levels[2].clone()?, levels[3].clone()?],
        adjustments: Adjustment::ALL.iter().copied().filter(|a| adjustments.contains(a)).collect(),
    };
    let mut texts = vec![
        (field::QUESTION, draft.question.as_str()),
        (field::EASY_READ, draft.easy_read.as_str()),
        (field::GOOD_ANSWER, draft.good_answer.as_str()),
    ];
    texts.extend(field::LEVELS.iter().zip(&draft.levels).map(|(name, text)| (*name, text.as_str())));
    check_wording(state, lang, &texts, errors);
    Some(draft)
}

/// Refuses, on its field, wording that asks about a diagnosis, a medical history or "what is
/// wrong with you" — said with why and a better way to ask.
fn check_wording(state: &AppState, lang: Lang, texts: &[(&str, &str)], errors: &mut FieldErrors) {
    for flag in state.question_wording.check(lang, texts).into_iter().filter(|f| f.blocks) {
        if errors.get(&flag.field).is_none() {
            let message = t_with(
                lang,
                Key::template_err_wording,
                &[("found", &flag.found), ("why", &flag.why), ("suggestion", &flag.suggestion)],
            );
            errors.push(&flag.field, message);
        }
    }
}

/// Makes `change` against the version the form was made from, then opens the template saying
/// so; a form made from a version since changed, a part no longer there or a full template
/// comes back with what was typed and why, on `first` (the form's first field).
async fn apply(
    state: &AppState,
    parts: axum::http::request::Parts,
    page: &str,
    fields: &Fields,
    (actor, template): (&Actor, &StoredTemplate),
    change: &Change<'_>,
    first: &str,
) -> Result<Response, AppError> {
    let lang = Ui::from_request(&parts).lang;
    let seen = value(fields, "version").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let changed = state.store.change_template(template.id, seen, change, actor.account_id, now()).await?;
    let mut page = page.to_string();
    let mut first = first;
    let message = match changed.ok_or(AppError::NotFound)? {
        Changed::Saved { version, new_version } => {
            tracing::info!(
                template_id = template.id,
                version,
                new_version,
                by = actor.account_id,
                "interview template changed"
            );
            let notice = if new_version { Notice::TemplateNewVersion } else { Notice::TemplateSaved };
            return Ok(see_other(&notice.on(&template_path(template.id))));
        }
        Changed::Stale { current } => t_with(lang, Key::template_err_stale, &[("version", &current.to_string())]),
        // The part the form was about is gone: said on the template as it is now.
        Changed::NotThere => {
            (page, first) = (template_path(template.id), "content");
            t(lang, Key::template_err_gone).to_string()
        }
        Changed::Full => match change {
            Change::AddSection { .. } => {
                t_with(lang, Key::template_err_full_sections, &[("max", &MAX_SECTIONS.to_string())])
            }
            _ => t_with(lang, Key::template_err_full_questions, &[("max", &MAX_QUESTIONS.to_string())]),
        },
    };
    let mut errors = FieldErrors::default();
    errors.push(first, message);
    let mut response = again(state, parts, &page, fields, errors).await;
    if response.status() == StatusCode::UNPROCESSABLE_ENTITY {
        *response.status_mut() = StatusCode::CONFLICT;
    }
    Ok(response.into_response())
}

/// The form's page again with what was typed and `errors`.
pub(crate) async fn again(
    state: &AppState,
    parts: axum::http::request::Parts,
    page: &str,
    fields: &Fields,
    errors: FieldErrors,
) -> Response {
    render_again_at(state, parts, page, FormState { values: kept(fields), errors }).await
}
