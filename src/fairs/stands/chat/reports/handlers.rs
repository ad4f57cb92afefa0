//! Form endpoints of chat reports: either side of a conversation reports one of the other
//! side's messages; the fair's organisers mark a report reviewed.

use super::store::NewReport;
use super::{fair_reports_page, report_page, reported_field, MAX_REASON_CHARS, REASON_FIELD, REPORTED_FIELD};
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::fairs::handlers::organiser_and_fair;
use crate::fairs::stands::chat::api::side_of;
use crate::fairs::stands::chat::side_page;
use crate::fairs::FAIRS_PATH;
use crate::i18n::{t, Key};
use crate::server::auth::now;
use crate::server::form_fields::text;
use crate::server::forms::{field, kept, read, render_again_at};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

/// One side of a conversation reports one of the other side's messages (the form names the
/// conversation and the message), saying why if they want. A failed form shows the page again
/// with what was chosen and typed, and the problem on its field; nothing is stored.
pub async fn report_message(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(FAIRS_PATH)) };
    let id = field(&fields, "conversation").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let chat = state.store.chat(id).await?.ok_or(AppError::NotFound)?;
    // Nobody else learns the conversation exists.
    let side = side_of(&actor, &chat).ok_or(AppError::NotFound)?;
    let messages = state.store.chat_messages(id, 0).await?;
    let mut errors = FieldErrors::default();
    let chosen = field(&fields, REPORTED_FIELD).parse::<i64>().ok();
    let reportable = messages.iter().find(|m| Some(m.id) == chosen && side.may_report(m.from_company));
    if reportable.is_none() {
        // On the first choice: where the error summary's link takes the person.
        let first = messages.iter().find(|m| side.may_report(m.from_company)).map_or(0, |m| m.id);
        errors.push(reported_field(first), t(lang, Key::chat_report_err_choose));
    }
    let reason = text(lang, &fields, REASON_FIELD, MAX_REASON_CHARS, None, &mut errors);
    let (Some(message), Some(reason), true) = (reportable, reason, errors.is_empty()) else {
        return Ok(render_again_at(&state, parts, &report_page(id), FormState { values: kept(&fields), errors }).await);
    };
    let report = NewReport { message_id: message.id, by: actor.account_id, reason: &reason };
    if !state.store.report_message(&report, now()).await? {
        // Gone meanwhile with its fair's other chats.
        return Err(AppError::NotFound);
    }
    // The organisers' page lists it; the log says only that there is something to review.
    tracing::warn!(conversation_id = id, message_id = message.id, by = actor.account_id, "stand chat message reported");
    Ok(see_other(&Notice::MessageReported.on(&side_page(side, chat.stand_id, id))))
}

/// One of the fair's organisers marks a report reviewed (the form names the fair and the
/// report). A report reviewed meanwhile by a colleague stays as they left it.
pub async fn review_report(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (actor, fair) = match organiser_and_fair(&state, &ui, &fields).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let fair_id = fair.id;
    let report_id = field(&fields, "report").parse::<i64>().map_err(|_| AppError::NotFound)?;
    if !state.store.review_report(report_id, fair_id, actor.account_id, now()).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(report_id, fair_id, by = actor.account_id, "stand chat report reviewed");
    Ok(see_other(&Notice::ReportReviewed.on(&fair_reports_page(fair_id))))
}
