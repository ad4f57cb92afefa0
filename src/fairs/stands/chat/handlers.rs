//! Form endpoints of stands' live chats. A job seeker writes to a stand (opening a conversation
//! or adding to theirs) and either side ends one; the company's representatives take, hand
//! over, answer, and end-and-block. Every rule is checked here and again by the write, and
//! each write is announced on the hub, so whoever follows the conversation reads it at once.

use super::api::side_of;
use super::rules::{message, offerable, ChatRefusal, ChatSide, MessageProblem};
use super::store::{ChatHandover, NewChatMessage};
use super::{chat_page, conversation_page, stand_chats_page, LOG_ID, MESSAGE_FIELD, OFFER_FIELD};
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::domain::{Actor, Role};
use crate::error::{AppError, FieldErrors};
use crate::fairs::stands::handlers::seeker_at_stand;
use crate::fairs::stands::rules::acts_for;
use crate::fairs::FAIRS_PATH;
use crate::i18n::{t, t_with, Key, Lang};
use crate::server::access::permits;
use crate::server::auth::limits::Limit;
use crate::server::auth::now;
use crate::server::forms::{field, kept, read, render_again_at, render_conflict_at};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::response::Response;

/// Messages one person may send a minute, on every stand together: more than anyone types
/// (a fair's busiest chatters send one every few seconds), far fewer than a flood.
pub const MESSAGES_PER_PERSON: Limit = Limit { name: "chat/account", max: 90, window_secs: 60 };

/// A job seeker writes to a stand: their first message opens a conversation in the stand's
/// queue, later ones add to it. A refused message shows the page again with what was typed
/// and why, on the field; nothing is stored.
pub async fn write_to_stand(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let (actor, stand, now) = match seeker_at_stand(&state, &ui, &fields, chat_page).await {
        Ok(opened) => opened,
        Err(answer) => return Ok(answer),
    };
    let stand_id = stand.id;
    let page = chat_page(stand_id);
    let body = match checked(&state, &actor, ui.lang, &fields, now).await? {
        Ok(body) => body,
        Err(errors) => return Ok(again(&state, parts, &page, &fields, errors).await),
    };
    match state.store.open_chat(stand_id, actor.account_id, &body, now).await? {
        Ok(opened) => {
            announce(&state, opened.conversation_id).await;
            tracing::info!(stand_id, conversation_id = opened.conversation_id, "stand chat message from a job seeker");
            Ok(see_other(&format!("{page}#{LOG_ID}")))
        }
        Err(refusal) => {
            let key = match refusal {
                ChatRefusal::NotLive => Key::chat_err_not_live,
                ChatRefusal::Blocked => Key::chat_err_blocked,
            };
            Ok(again(&state, parts, &page, &fields, on_message(ui.lang, key)).await)
        }
    }
}

/// One of the company's representatives answers in a conversation they have taken.
pub async fn reply_in_chat(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(FAIRS_PATH)) };
    let chat = company_chat(&state, &actor, &fields).await?;
    let page = conversation_page(chat.id);
    let now = now();
    let body = match checked(&state, &actor, ui.lang, &fields, now).await? {
        Ok(body) => body,
        Err(errors) => return Ok(again(&state, parts, &page, &fields, errors).await),
    };
    let written = NewChatMessage {
        conversation_id: chat.id,
        author_id: actor.account_id,
        from_company: true,
        body: &body,
        offer: None,
    };
    if state.store.post_chat_message(&written, now).await?.is_none() {
        return Ok(again(&state, parts, &page, &fields, on_message(ui.lang, Key::chat_err_not_yours)).await);
    }
    announce(&state, chat.id).await;
    tracing::info!(conversation_id = chat.id, by = actor.account_id, "stand chat message from the company");
    Ok(see_other(&format!("{page}#{LOG_ID}")))
}

/// The representative who has a conversation offers its job seeker one of the stand's free
/// interview slots: a message saying when and how, in the representative's words as the page
/// puts them, with which the person books it herself on the booking page — choosing, as every
/// booking does, whether the interviewer reads what she asked for. A slot no longer free comes
/// back on its field.
pub async fn offer_slot(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    use crate::domain::lima_time::format_lima;
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(FAIRS_PATH)) };
    let chat = company_chat(&state, &actor, &fields).await?;
    let page = conversation_page(chat.id);
    let now = now();
    let chosen = field(&fields, OFFER_FIELD).parse::<i64>().ok();
    let slots = state.store.stand_slots(chat.stand_id).await?;
    let slot = slots.into_iter().find(|s| Some(s.id) == chosen && offerable(s.starts_at, s.booking.is_some(), now));
    let Some(slot) = slot else {
        let errors = FieldErrors::one(OFFER_FIELD, t(lang, Key::chat_offer_err_gone));
        return Ok(again(&state, parts, &page, &fields, errors).await);
    };
    let when = format_lima(slot.starts_at);
    let body = t_with(lang, Key::chat_offer_body, &[("when", &when), ("mode", t(lang, slot.mode.label()))]);
    if too_fast(&state, &actor, now).await? {
        let errors = FieldErrors::one(OFFER_FIELD, t(lang, Key::chat_err_too_fast));
        return Ok(again(&state, parts, &page, &fields, errors).await);
    }
    let offer = NewChatMessage {
        conversation_id: chat.id,
        author_id: actor.account_id,
        from_company: true,
        body: &body,
        offer: Some(slot.id),
    };
    if state.store.post_chat_message(&offer, now).await?.is_none() {
        // Taken from them, ended, or the slot booked or withdrawn meanwhile.
        let errors = FieldErrors::one(OFFER_FIELD, t(lang, Key::chat_offer_err_meanwhile));
        return Ok(render_conflict_at(&state, parts, &page, errors).await);
    }
    announce(&state, chat.id).await;
    tracing::info!(
        conversation_id = chat.id,
        slot_id = slot.id,
        by = actor.account_id,
        "stand chat: interview offered"
    );
    Ok(see_other(&format!("{page}#{LOG_ID}")))
}

/// A representative takes a conversation from the queue, or hands one to a colleague (`to`).
/// One taken or ended meanwhile shows the page again saying so, as `409`.
pub async fn take_chat(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(FAIRS_PATH)) };
    let chat = company_chat(&state, &actor, &fields).await?;
    let to = match field(&fields, "to") {
        "" => actor.account_id,
        to => to.parse::<i64>().map_err(|_| AppError::NotFound)?,
    };
    let from = match field(&fields, "from") {
        "" => None,
        from => Some(from.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    let handover = ChatHandover { conversation_id: chat.id, stand_id: chat.stand_id, from, to };
    if !state.store.assign_chat(&handover, now()).await? {
        let page = stand_chats_page(chat.stand_id);
        return Ok(changed_meanwhile(&state, parts, &page, ui.lang, Key::chat_err_taken_meanwhile).await);
    }
    announce(&state, chat.id).await;
    tracing::info!(conversation_id = chat.id, by = actor.account_id, to, "stand chat taken");
    if to == actor.account_id {
        Ok(see_other(&conversation_page(chat.id)))
    } else {
        Ok(see_other(&Notice::ChatHandedOver.on(&stand_chats_page(chat.stand_id))))
    }
}

/// Either side ends a conversation: the job seeker on their page, a representative on theirs.
pub async fn end_chat(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(FAIRS_PATH)) };
    let id = field(&fields, "conversation").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let chat = state.store.chat(id).await?.ok_or(AppError::NotFound)?;
    // Nobody else learns the conversation exists.
    let page = match side_of(&actor, &chat).ok_or(AppError::NotFound)? {
        ChatSide::Seeker => chat_page(chat.stand_id),
        ChatSide::Company => stand_chats_page(chat.stand_id),
    };
    if !state.store.close_chat(id, actor.account_id, now()).await? {
        return Ok(changed_meanwhile(&state, parts, &page, ui.lang, Key::chat_err_ended_meanwhile).await);
    }
    announce(&state, id).await;
    tracing::info!(conversation_id = id, by = actor.account_id, "stand chat ended");
    Ok(see_other(&Notice::ChatEnded.on(&page)))
}

/// A representative ends a conversation and blocks its job seeker from the stand's chat.
pub async fn block_in_chat(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.clone() else { return Ok(plain_page::sign_in_first(FAIRS_PATH)) };
    let chat = company_chat(&state, &actor, &fields).await?;
    let page = stand_chats_page(chat.stand_id);
    if !state.store.block_in_chat(chat.id, actor.account_id, now()).await? {
        return Ok(changed_meanwhile(&state, parts, &page, ui.lang, Key::chat_err_ended_meanwhile).await);
    }
    announce(&state, chat.id).await;
    tracing::info!(conversation_id = chat.id, by = actor.account_id, "stand chat ended and its job seeker blocked");
    Ok(see_other(&Notice::ChatBlocked.on(&page)))
}

/// The conversation the form names, if `actor` is one of its stand's company's representatives;
/// unknown to anyone else.
async fn company_chat(
    state: &AppState,
    actor: &Actor,
    fields: &[(String, String)],
) -> Result<super::store::StoredChat, AppError> {
    if !permits(actor, &[Role::Employer]) {
        return Err(AppError::Forbidden);
    }
    let id = field(fields, "conversation").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let chat = state.store.chat(id).await?.ok_or(AppError::NotFound)?;
    if !acts_for(actor, chat.company_id) {
        return Err(AppError::NotFound);
    }
    Ok(chat)
}

/// The message as typed, checked, and counted against the person's rate; or what is wrong.
async fn checked(
    state: &AppState,
    actor: &Actor,
    lang: Lang,
    fields: &[(String, String)],
    now: i64,
) -> Result<Result<String, FieldErrors>, AppError> {
    let body = match message(field(fields, MESSAGE_FIELD)) {
        Ok(body) => body,
        Err(MessageProblem::Empty) => return Ok(Err(on_message(lang, Key::chat_err_empty))),
        Err(MessageProblem::TooLong) => return Ok(Err(on_message(lang, Key::chat_err_too_long))),
    };
    if too_fast(state, actor, now).await? {
        return Ok(Err(on_message(lang, Key::chat_err_too_fast)));
    }
    Ok(Ok(body))
}

/// Counts one more message (or offer) of the person's against their rate; whether it is over.
async fn too_fast(state: &AppState, actor: &Actor, now: i64) -> Result<bool, AppError> {
    Ok(MESSAGES_PER_PERSON.hit(state.store.as_ref(), &actor.account_id.to_string(), now).await?.is_err())
}

/// Why a message was refused, on its field.
fn on_message(lang: Lang, why: Key) -> FieldErrors {
    FieldErrors::one(MESSAGE_FIELD, t(lang, why))
}

/// The page again as `409`, saying that someone changed the conversation meanwhile: taken,
/// handed over or ended from another tab or by a colleague.
async fn changed_meanwhile(state: &AppState, parts: Parts, page: &str, lang: Lang, why: Key) -> Response {
    render_conflict_at(state, parts, page, FieldErrors::one(super::CHATS_FIELD, t(lang, why))).await
}

/// The page again with what was typed and the problems on their fields.
async fn again(
    state: &AppState,
    parts: Parts,
    page: &str,
    fields: &[(String, String)],
    errors: FieldErrors,
) -> Response {
    render_again_at(state, parts, page, FormState { values: kept(fields), errors }).await
}

/// Tells whoever follows the conversation that it has news. The write is stored already: a
/// follower that misses this finds it on its next read, so a failure is only logged.
async fn announce(state: &AppState, conversation_id: i64) {
    if let Err(err) = state.chat_hub.announce(conversation_id).await {
        tracing::warn!(conversation_id, error = %err, "stand chat: cannot announce news");
    }
}
