//! Form endpoints of stands' questions: a job seeker leaves one on the stand's page; the
//! stand's employers answer it on theirs, and the asker is told by email, queued with the
//! answer. Every rule is checked here and again by the write.

use super::store::{NewQuestion, QuestionAnswer};
use super::{answer_field, questions_page, MAX_ANSWER_CHARS, MAX_QUESTION_CHARS, QUESTION_FIELD};
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::domain::Role;
use crate::error::{AppError, FieldErrors};
use crate::fairs::stands::handlers::seeker_at_stand;
use crate::fairs::stands::rules::{
    acts_for, may_leave_question, QuestionRefusal, MAX_OPEN_QUESTIONS, QUESTIONS_DAYS_AFTER,
};
use crate::fairs::stands::stand_path;
use crate::fairs::FAIRS_PATH;
use crate::i18n::{t, Key};
use crate::server::access::permits;
use crate::server::auth::now;
use crate::server::form_fields::text;
use crate::server::forms::{field, kept, read, render_again_at, render_conflict_at};
use crate::server::mail::compose;
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

/// Leaves a question at a stand (the form names it). A failed form shows the stand's page
/// again with what was typed and the problem on the field; nothing is stored.
pub async fn leave_question(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let (actor, stand, now) = match seeker_at_stand(&state, &ui, &fields, stand_path).await {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    let stand_id = stand.id;
    let asked = state.store.questions_asked(actor.account_id, stand.fair_id).await?;
    let open = asked.iter().filter(|q| q.stand_id == stand_id && q.answered_at.is_none()).count();
    let mut errors = FieldErrors::default();
    match may_leave_question(&actor, stand.status, &stand.fair, now, open) {
        Ok(()) => {}
        Err(QuestionRefusal::NotSeeker) => return Err(AppError::Forbidden),
        Err(QuestionRefusal::Closed) => errors.push(QUESTION_FIELD, t(lang, Key::question_err_closed)),
        Err(QuestionRefusal::TooMany) => errors.push(QUESTION_FIELD, t(lang, Key::question_err_too_many)),
    }
    let question = text(lang, &fields, QUESTION_FIELD, MAX_QUESTION_CHARS, Some(Key::question_err_empty), &mut errors);
    let (Some(question), true) = (question, errors.is_empty()) else {
        return Ok(
            render_again_at(&state, parts, &stand_path(stand_id), FormState { values: kept(&fields), errors }).await
        );
    };
    let new = NewQuestion { stand_id, by: actor.account_id, question };
    let most_open = i64::try_from(MAX_OPEN_QUESTIONS).unwrap_or(i64::MAX);
    match state.store.leave_question(&new, now, QUESTIONS_DAYS_AFTER * 86_400, most_open).await? {
        Some(id) => {
            tracing::info!(question_id = id, stand_id, by = actor.account_id, "stand question left");
            Ok(see_other(&Notice::QuestionLeft.on(&stand_path(stand_id))))
        }
        None => {
            let mut errors = FieldErrors::default();
            errors.push(QUESTION_FIELD, t(lang, Key::stand_err_changed_meanwhile));
            Ok(render_again_at(&state, parts, &stand_path(stand_id), FormState { values: kept(&fields), errors }).await)
        }
    }
}

/// Answers a question of a stand (the form names both); its asker is told by email. One
/// answered meanwhile shows the page again saying so, as `409`.
pub async fn answer_question(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    // Signed out, nothing about the stand is said: not even whether it exists.
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(FAIRS_PATH)) };
    if !permits(&actor, &[Role::Employer]) {
        return Err(AppError::Forbidden);
    }
    let stand_id = field(&fields, "stand").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let stand = state.store.stand(stand_id).await?.ok_or(AppError::NotFound)?;
    if !acts_for(&actor, stand.company_id) {
        return Err(AppError::NotFound);
    }
    let question_id = field(&fields, "question_id").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let questions = state.store.stand_questions(stand_id).await?;
    let asked = questions.iter().find(|q| q.id == question_id).ok_or(AppError::NotFound)?;
    let page = questions_page(stand_id);
    let name = answer_field(question_id);
    let mut errors = FieldErrors::default();
    let answer = text(lang, &fields, &name, MAX_ANSWER_CHARS, Some(Key::question_err_answer), &mut errors);
    let Some(answer) = answer.filter(|_| errors.is_empty()) else {
        return Ok(render_again_at(&state, parts, &page, FormState { values: kept(&fields), errors }).await);
    };
    let stand_url = format!("{}{}", state.public_origin, stand_path(stand_id));
    let mail = compose(
        lang,
        &asked.asker_email,
        Key::mail_question_answered_subject,
        Key::mail_question_answered_body,
        &[
            ("name", &asked.asker_name),
            ("company", &stand.company_name),
            ("question", &asked.question),
            ("answer", &answer),
            ("stand", &stand_url),
        ],
    );
    let written = QuestionAnswer { question_id, stand_id, answer: &answer, by: actor.account_id, mail: Some(&mail) };
    if !state.store.answer_question(&written, now()).await? {
        let mut errors = FieldErrors::default();
        errors.push(&name, t(lang, Key::question_err_answered_meanwhile));
        return Ok(render_conflict_at(&state, parts, &page, errors).await);
    }
    state.outbox.queued();
    tracing::info!(question_id, stand_id, by = actor.account_id, "stand question answered");
    Ok(see_other(&Notice::QuestionAnswered.on(&page)))
}
