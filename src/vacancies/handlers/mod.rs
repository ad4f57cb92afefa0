//! Form endpoints of vacancies: saving the form, and moving a vacancy along its workflow;
//! a vacancy's sign-language video in `video`.
//! Every rule is checked here, on the server, against the stored vacancy — never against what
//! the form says about itself.

pub mod video;

use super::fields::read_draft;
use super::workflow::{editable_in, may_create, may_edit, next_status, transition, Refusal, Step};
use super::{vacancy_path, ReportReason, VacancyStatus, MY_VACANCIES_PATH, NEW_VACANCY_PATH, REPORT_REASON_FIELD};
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::domain::Role;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, t_with, Key, Lang};
use crate::server::access::permits;
use crate::server::auth::now;
use crate::server::db::prelude::*;
use crate::server::forms::{field, kept, read, render_again};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Longest comment a counsellor may return a vacancy with.
pub const MAX_COMMENT_CHARS: usize = 2_000;

/// Saves the vacancy form: a new draft (posted to the new-vacancy page) or the changes to one
/// (posted to its edit page, `?id=`). A failed form comes back with everything typed.
pub async fn save_vacancy(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let back = parts.uri.path_and_query().map(|pq| pq.as_str().to_string()).unwrap_or_default();
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(&back)) };
    if !permits(&actor, &[Role::Employer, Role::Counsellor]) {
        return Err(AppError::Forbidden);
    }
    let editing = parts.uri.path() != NEW_VACANCY_PATH;
    let existing = if editing {
        let id = ui.query_id("id").ok_or(AppError::NotFound)?;
        let facts = state.store.vacancy_facts(id).await?.ok_or(AppError::NotFound)?;
        match may_edit(&actor, &facts) {
            Ok(()) => Some((id, facts.company_id, editable_in(&actor, &facts))),
            Err(refusal @ Refusal::NotYours) => return Err(refusal.as_error(&actor, &facts)),
            // Submitted or published a moment ago: its page says how it stands now.
            Err(_) => return Ok(see_other(&Notice::VacancyMoved.on(&vacancy_path(id)))),
        }
    } else {
        None
    };
    let mut errors = FieldErrors::default();
    let company_id = match existing {
        Some((_, company_id, _)) => Some(company_id),
        None => {
            let company = field(&fields, "company").parse::<i64>().ok();
            if company.is_none() {
                errors.push("company", t(ui.lang, Key::vacancy_err_company));
            }
            company
        }
    };
    let accommodations = state.store.accommodations().await?.into_iter().map(|a| a.code).collect::<Vec<_>>();
    let now = now();
    let draft = read_draft(ui.lang, &fields, company_id.unwrap_or(0), &accommodations, now, &mut errors);
    let Some(draft) = draft.filter(|_| errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    };
    // Asking applicants for money or medical reports is refused on the field that does it.
    let blocked: Vec<_> = state.wording.check_draft(ui.lang, &draft).into_iter().filter(|f| f.blocks).collect();
    if !blocked.is_empty() {
        let mut errors = FieldErrors::default();
        for flag in blocked {
            errors.push(flag.field, blocked_text(ui.lang, &flag.found, &flag.why));
        }
        return Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await);
    }
    // A tampered company or centre is refused, not saved for someone else.
    if existing.is_none() && may_create(&actor, draft.company_id, draft.centre_id).is_err() {
        return Err(AppError::Forbidden);
    }
    let saved = match existing {
        Some((id, _, editable)) => {
            state.store.update_vacancy(id, &draft, editable, now).await.map(|written| written.then_some(id))
        }
        None => state.store.create_vacancy(&draft, Some(actor.account_id), now).await.map(Some),
    };
    match saved {
        Ok(Some(id)) => {
            tracing::info!(vacancy_id = id, by = actor.account_id, editing, "vacancy saved");
            Ok(see_other(&Notice::VacancySaved.on(&vacancy_path(id))))
        }
        // Moved on (submitted, published, closed) between the check and the write: nothing
        // was written, and its page says how it stands now.
        Ok(None) => match existing {
            Some((id, _, _)) => Ok(see_other(&Notice::VacancyMoved.on(&vacancy_path(id)))),
            None => Err(AppError::NotFound),
        },
        // The centre or company named no longer exists: said on the field, nothing stored.
        Err(DbError::Conflict(_)) => {
            let mut errors = FieldErrors::default();
            errors.push("centre", t(ui.lang, Key::vacancy_err_centre));
            Ok(render_again(&state, parts, FormState { values: kept(&fields), errors }).await)
        }
        Err(err) => Err(err.into()),
    }
}

/// Moves a vacancy one step: submit, publish, return with a comment, close, reopen. A step
/// that cannot be taken now shows the vacancy's page again saying why, as `409`.
pub async fn vacancy_step(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let id = field(&fields, "vacancy").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(&vacancy_path(id))) };
    let step = Step::from_code(field(&fields, "step")).ok_or(AppError::NotFound)?;
    let facts = state.store.vacancy_facts(id).await?.ok_or(AppError::NotFound)?;
    let now = now();
    let to = match next_status(&actor, &facts, step, now) {
        Ok(to) => to,
        Err(refusal @ Refusal::NotYours) => return Err(refusal.as_error(&actor, &facts)),
        Err(refusal) => {
            return step_refused(&state, parts, id, &fields, "manage", refusal_text(ui.lang, refusal)).await
        }
    };
    // Rules added since it was saved still keep a blocked ad from reaching seekers.
    if matches!(step, Step::Submit | Step::Publish | Step::Reopen) {
        let vacancy = state.store.vacancy(id).await?.ok_or(AppError::NotFound)?;
        if let Some(flag) = state.wording.check_draft(ui.lang, &vacancy.draft).into_iter().find(|f| f.blocks) {
            let message = blocked_text(ui.lang, &flag.found, &flag.why);
            return step_refused(&state, parts, id, &fields, "manage", &message).await;
        }
    }
    let comment = crate::server::form_fields::clean(field(&fields, "comment"));
    if step == Step::Return {
        let problem = if comment.is_empty() {
            Some(Key::vacancy_err_comment)
        } else if comment.chars().count() > MAX_COMMENT_CHARS {
            Some(Key::vacancy_err_comment_long)
        } else {
            None
        };
        if let Some(problem) = problem {
            return step_refused(&state, parts, id, &fields, "comment", t(ui.lang, problem)).await;
        }
    }
    let comment = if step == Step::Return { comment.as_str() } else { "" };
    let (from, _) = transition(step);
    if !state.store.move_vacancy(id, from, to, Some(actor.account_id), comment, now).await? {
        // Someone else moved it a moment ago.
        return step_refused(&state, parts, id, &fields, "manage", t(ui.lang, Key::vacancy_err_moved)).await;
    }
    tracing::info!(vacancy_id = id, by = actor.account_id, to = to.code(), "vacancy moved");
    let notice = if to == VacancyStatus::Published { Notice::VacancyPublished } else { Notice::VacancyMoved };
    Ok(see_other(&notice.on(&vacancy_path(id))))
}

fn blocked_text(lang: Lang, found: &str, why: &str) -> String {
    t_with(lang, Key::vacancy_err_blocked, &[("found", found), ("why", why)])
}

fn refusal_text(lang: Lang, refusal: Refusal) -> &'static str {
    match refusal {
        Refusal::Unverified => t(lang, Key::vacancy_err_unverified),
        Refusal::ClosingDatePassed => t(lang, Key::vacancy_err_closing_passed),
        Refusal::WrongStatus | Refusal::NotYours => t(lang, Key::vacancy_err_moved),
    }
}

/// The vacancy's page again with `message` on `field_id`, and what was typed in the comment.
async fn step_refused(
    state: &AppState,
    parts: Parts,
    id: i64,
    fields: &[(String, String)],
    field_id: &str,
    message: &str,
) -> Result<Response, AppError> {
    let mut errors = FieldErrors::default();
    errors.push(field_id, message);
    let values = fields.iter().filter(|(k, _)| k == "comment").cloned().collect();
    vacancy_page_again(state, parts, id, FormState { values, errors }, StatusCode::CONFLICT).await
}

/// Anyone reporting a published vacancy (discriminatory, a scam, false): the report waits in
/// the responsible centre's queue. A form with problems comes back on the vacancy's page.
pub async fn report_vacancy(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    use crate::server::auth::limits::{client_ip, REPORT_PER_IP};
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let id = field(&fields, "vacancy").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let mut errors = FieldErrors::default();
    let reason = ReportReason::from_code(field(&fields, "reason"));
    if reason.is_none() {
        errors.push(REPORT_REASON_FIELD, t(ui.lang, Key::report_err_reason));
    }
    let details = crate::server::form_fields::clean(field(&fields, "details"));
    if details.chars().count() > MAX_COMMENT_CHARS {
        errors.push("details", t(ui.lang, Key::vacancy_err_comment_long));
    }
    let values: Vec<(String, String)> =
        fields.iter().filter(|(k, _)| k == "reason" || k == "details").cloned().collect();
    let Some(reason) = reason.filter(|_| errors.is_empty()) else {
        return vacancy_page_again(&state, parts, id, FormState { values, errors }, StatusCode::UNPROCESSABLE_ENTITY)
            .await;
    };
    let now = now();
    if let Err(limited) =
        REPORT_PER_IP.hit(state.store.as_ref(), &client_ip(&parts, state.trust_forwarded_for), now).await?
    {
        let minutes = ((limited.retry_after + 59) / 60).to_string();
        errors.push("details", t_with(ui.lang, Key::form_err_limited, &[("minutes", &minutes)]));
        let mut response =
            vacancy_page_again(&state, parts, id, FormState { values, errors }, StatusCode::TOO_MANY_REQUESTS).await?;
        if let Ok(value) = limited.retry_after.to_string().parse() {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, value);
        }
        return Ok(response);
    }
    let reporter = ui.actor.as_ref().map(|a| a.account_id);
    if !state.store.report_vacancy(id, reason, &details, reporter, now).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(vacancy_id = id, reason = reason.code(), "vacancy reported");
    Ok(see_other(&Notice::VacancyReported.on(&vacancy_path(id))))
}

/// A counsellor marks a report about one of their centre's vacancies as looked at.
pub async fn resolve_report(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(MY_VACANCIES_PATH)) };
    if !permits(&actor, &[Role::Counsellor]) {
        return Err(AppError::Forbidden);
    }
    let report = field(&fields, "report").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let now = now();
    for centre in actor.roles.iter().filter(|g| g.role == Role::Counsellor).filter_map(|g| g.centre_id) {
        if state.store.resolve_report(report, centre, actor.account_id, now).await? {
            return Ok(see_other(&Notice::ReportResolved.on(MY_VACANCIES_PATH)));
        }
    }
    // Not an open report at any of this person's centres: looked at already, or not theirs.
    Ok(see_other(MY_VACANCIES_PATH))
}

/// The vacancy's page again, with `form` in context, answered with `status`: 422 for a
/// mistake on a field, 409 for a step that cannot be taken now, 429 for too many reports.
async fn vacancy_page_again(
    state: &AppState,
    mut parts: Parts,
    id: i64,
    form: FormState,
    status: StatusCode,
) -> Result<Response, AppError> {
    parts.uri = vacancy_path(id).parse().map_err(|_| AppError::NotFound)?;
    let mut response = render_again(state, parts, form).await;
    if response.status() == StatusCode::UNPROCESSABLE_ENTITY {
        *response.status_mut() = status;
    }
    Ok(response)
}

/// How many vacancies the search in the address would find, as one sentence in the person's
/// language, for the search form's live region.
pub async fn count_matches(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    use axum::http::header;
    let (parts, _) = request.into_parts();
    let ui = Ui::from_request(&parts);
    let view = super::api::search(state.store.as_ref(), ui.query_string()).await?;
    Ok((
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::CACHE_CONTROL, "no-store")],
        super::pages::search::live_count(ui.lang, &view.results),
    )
        .into_response())
}

/// Adds (`action=anadir`), renames (`renombrar`), retires (`retirar`) or offers again
/// (`ofrecer`) an entry of the accommodations list. Admins only; each change is audited.
pub async fn change_accommodations(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    use super::pages::accommodations::MAX_NAME_CHARS;
    use super::{Accommodation, ACCOMMODATIONS_PATH, EDIT_ACCOMMODATION};
    use crate::audit::AuditAction;
    use crate::server::audit::AuditEvent;
    use crate::server::form_fields::clean;
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(ACCOMMODATIONS_PATH)) };
    if !permits(&actor, &[Role::Admin]) {
        return Err(AppError::Forbidden);
    }
    let action = field(&fields, "action").to_string();
    let code = field(&fields, "code").to_string();
    let changed = AuditEvent::of_request(AuditAction::AccommodationsChanged, &state, &parts);
    let audit = |detail: String| changed.clone().detail(detail);
    let done = || see_other(&Notice::AccommodationsChanged.on(ACCOMMODATIONS_PATH));
    if action == "retirar" || action == "ofrecer" {
        let retired = action == "retirar";
        let event = audit(format!("{}: {code}", if retired { "retired" } else { "offered again" }));
        return if state.store.retire_accommodation(&code, retired, &event).await? {
            Ok(done())
        } else {
            Err(AppError::NotFound)
        };
    }
    if action != "anadir" && action != "renombrar" {
        return Err(AppError::NotFound);
    }
    let list = state.store.accommodation_list().await?;
    let (name_es, name_en) = (clean(field(&fields, "name_es")), clean(field(&fields, "name_en")));
    let mut errors = FieldErrors::default();
    let same = |a: &str, b: &str| super::search::folded_words(a) == super::search::folded_words(b);
    for (id, name, missing) in
        [("name_es", &name_es, Key::accommodations_err_name_es), ("name_en", &name_en, Key::accommodations_err_name_en)]
    {
        if name.is_empty() {
            errors.push(id, t(lang, missing));
        } else if name.chars().count() > MAX_NAME_CHARS || name.contains('\n') {
            errors.push(id, t_with(lang, Key::accommodations_err_long, &[("max", &MAX_NAME_CHARS.to_string())]));
        }
    }
    if !name_es.is_empty() && list.iter().any(|l| l.entry.code != code && same(&l.entry.name_es, &name_es)) {
        errors.push("name_es", t(lang, Key::accommodations_err_taken));
    }
    if !errors.is_empty() {
        let values = fields.iter().filter(|(k, _)| k != crate::components::form::CSRF_FIELD).cloned().collect();
        let mut parts = parts;
        if action == "renombrar" {
            // The page again in the same state: changing this entry's names.
            if let Ok(uri) = format!("{ACCOMMODATIONS_PATH}?{EDIT_ACCOMMODATION}={code}").parse() {
                parts.uri = uri;
            }
        }
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    }
    let result = if action == "renombrar" {
        let entry = Accommodation { code: code.clone(), name_es, name_en };
        state.store.rename_accommodation(&entry, &audit(format!("renamed: {code}"))).await
    } else {
        // A code of its own from the Spanish name, numbered when an older entry has it.
        let base = Accommodation::code_from_name(&name_es);
        let mut code = base.clone();
        let mut n = 1;
        while list.iter().any(|l| l.entry.code == code) {
            n += 1;
            code = format!("{base}_{n}");
        }
        let event = audit(format!("added: {code}"));
        state.store.add_accommodation(&Accommodation { code, name_es, name_en }, &event).await.map(|()| true)
    };
    if !result? {
        return Err(AppError::NotFound);
    }
    Ok(done())
}
