//! What the chat pages read, one view per reader: a job seeker their own conversation at a
//! stand (never anyone else's), a company's representatives their own stand's conversations
//! (never another company's), and the chat part of a stand's page.

#[cfg(feature = "ssr")]
use super::StandChatPart;
use super::{CompanyConversation, SeekerChat, StandChats};
use crate::error::AppError;
use leptos::prelude::*;

/// The job seeker's chat at stand `id`: whether they may write, and their conversation in
/// force there with their place in the queue.
#[server(endpoint = "fairs/stand-chat")]
pub async fn read_seeker_chat(id: i64) -> Result<SeekerChat, AppError> {
    use super::rules::{is_live, queue_place};
    use super::{ChatDoor, EndedConversation, SeekerConversation};
    use crate::domain::Role;
    use crate::fairs::rules::{phase, Phase};
    use crate::fairs::stands::rules::is_public;
    let current = crate::server::access::acting_as(&[Role::Seeker])?;
    let me = current.actor.account_id;
    let store = crate::server::state::store()?;
    let stand = store.stand(id).await?.ok_or(AppError::NotFound)?;
    let now = crate::server::auth::now();
    let phase = phase(&stand.fair, now);
    if !is_public(stand.status, phase) {
        return Err(AppError::NotFound);
    }
    let (blocked, chat, shifts, ended) = tokio::join!(
        store.chat_blocked(id, me),
        store.person_chat(id, me),
        store.stand_shifts(id),
        store.ended_chats(id, Some(me))
    );
    let door = if blocked? {
        ChatDoor::Blocked
    } else if is_live(stand.status, phase) {
        let on_duty = shifts?.into_iter().filter(|s| s.starts_at <= now && now < s.ends_at).map(|s| s.name).collect();
        ChatDoor::Open { on_duty }
    } else if phase == Phase::Upcoming {
        ChatDoor::NotYet { starts_at: stand.fair.starts_at }
    } else {
        ChatDoor::Over
    };
    let conversation = match chat? {
        Some(chat) => {
            let (ahead, messages) =
                tokio::join!(store.chats_waiting(id, Some((chat.opened_at, chat.id))), store.chat_messages(chat.id, 0));
            Some(SeekerConversation {
                id: chat.id,
                queue_place: queue_place(chat.status, ahead?),
                taken_by: chat.taker_name,
                lines: messages?.into_iter().map(|m| line(m, me)).collect(),
            })
        }
        None => None,
    };
    let mut earlier = Vec::new();
    // The most recent first; a person has few conversations at one stand.
    for chat in ended?.into_iter().rev() {
        let lines = store.chat_messages(chat.id, 0).await?.into_iter().map(|m| line(m, me)).collect();
        earlier.push(EndedConversation { id: chat.id, opened_at: chat.opened_at, lines });
    }
    Ok(SeekerChat {
        stand_id: id,
        company_name: stand.company_name,
        fair_title: stand.fair_title,
        door,
        conversation,
        earlier,
    })
}

/// The live conversations of stand `id`, for its company's representatives.
#[server(endpoint = "fairs/stand-chats")]
pub async fn read_stand_chats(id: i64) -> Result<StandChats, AppError> {
    use super::rules::{is_live, ChatStatus};
    use crate::domain::Role;
    use crate::fairs::stands::rules::acts_for;
    let current = crate::server::access::acting_as(&[Role::Employer])?;
    let store = crate::server::state::store()?;
    let stand = store.stand(id).await?.ok_or(AppError::NotFound)?;
    if !acts_for(&current.actor, stand.company_id) {
        return Err(AppError::NotFound);
    }
    let me = current.actor.account_id;
    let summary = |c: super::store::StoredChat| super::ChatSummary {
        id: c.id,
        seeker_name: c.seeker_name,
        opened_at: c.opened_at,
        mine: c.taken_by == Some(me),
        taken_by: c.taker_name,
    };
    let (in_force, ended) = tokio::join!(store.stand_chats(id), store.ended_chats(id, None));
    let (queue, taken): (Vec<_>, Vec<_>) = in_force?.into_iter().partition(|c| c.status == ChatStatus::Waiting);
    Ok(StandChats {
        stand_id: id,
        company_name: stand.company_name,
        fair_title: stand.fair_title,
        live: is_live(stand.status, crate::fairs::rules::phase(&stand.fair, crate::server::auth::now())),
        queue: queue.into_iter().map(summary).collect(),
        taken: taken.into_iter().map(summary).collect(),
        ended: ended?.into_iter().rev().map(summary).collect(),
    })
}

/// Conversation `id`, for its stand's company's representatives: unknown to anyone else.
#[server(endpoint = "fairs/chat-conversation")]
pub async fn read_conversation(id: i64) -> Result<CompanyConversation, AppError> {
    use super::rules::is_live;
    use super::Colleague;
    use crate::domain::Role;
    use crate::fairs::stands::rules::acts_for;
    let current = crate::server::access::acting_as(&[Role::Employer])?;
    let store = crate::server::state::store()?;
    let chat = store.chat(id).await?.ok_or(AppError::NotFound)?;
    if !acts_for(&current.actor, chat.company_id) {
        return Err(AppError::NotFound);
    }
    let me = current.actor.account_id;
    let (stand, messages, representatives) =
        tokio::join!(store.stand(chat.stand_id), store.chat_messages(id, 0), store.representatives(chat.company_id));
    let stand = stand?.ok_or(AppError::NotFound)?;
    let now = crate::server::auth::now();
    let live = is_live(stand.status, crate::fairs::rules::phase(&stand.fair, now));
    let mine = chat.taken_by == Some(me);
    // Only the representative who has a conversation in force offers an interview in it.
    let offerable = if mine && live && chat.status != super::rules::ChatStatus::Closed {
        let free = |s: &crate::fairs::stands::slots::store::StoredSlot| {
            super::rules::offerable(s.starts_at, s.booking.is_some(), now)
        };
        store.stand_slots(chat.stand_id).await?.into_iter().filter(free).map(offerable_slot).collect()
    } else {
        Vec::new()
    };
    Ok(CompanyConversation {
        id,
        stand_id: chat.stand_id,
        company_name: stand.company_name,
        seeker_name: chat.seeker_name,
        status: chat.status,
        mine,
        taken_by: chat.taker_name,
        taken_by_id: chat.taken_by,
        live,
        lines: messages?.into_iter().map(|m| line(m, me)).collect(),
        colleagues: representatives?
            .into_iter()
            .filter(|r| r.account_id != me && Some(r.account_id) != chat.taken_by)
            .map(|r| Colleague { account_id: r.account_id, name: r.name })
            .collect(),
        offerable,
    })
}

/// A stored slot as a representative offers it.
#[cfg(feature = "ssr")]
fn offerable_slot(slot: crate::fairs::stands::slots::store::StoredSlot) -> super::OfferableSlot {
    super::OfferableSlot {
        id: slot.id,
        starts_at: slot.starts_at,
        ends_at: slot.ends_at,
        mode: slot.mode,
        interviewer: slot.interviewer_name,
    }
}

/// The chat part of stand `stand`'s page for `actor` (or someone signed out) at `now`.
#[cfg(feature = "ssr")]
pub(crate) async fn chat_part(
    store: &dyn crate::server::db::Store,
    actor: Option<&crate::domain::Actor>,
    stand: &crate::fairs::stands::store::StoredStand,
    now: i64,
) -> Result<StandChatPart, AppError> {
    use super::rules::is_live;
    use crate::fairs::stands::rules::acts_for;
    let live = is_live(stand.status, crate::fairs::rules::phase(&stand.fair, now));
    if !live {
        // What a job seeker wrote here stays theirs to read while it is kept.
        let seeker = actor.filter(|a| a.has(crate::domain::Role::Seeker) && !acts_for(a, stand.company_id));
        let Some(seeker) = seeker else { return Ok(StandChatPart::None) };
        let kept = !store.ended_chats(stand.id, Some(seeker.account_id)).await?.is_empty();
        return Ok(if kept { StandChatPart::Earlier } else { StandChatPart::None });
    }
    let Some(actor) = actor else { return Ok(StandChatPart::SignInFirst) };
    if acts_for(actor, stand.company_id) {
        let waiting = store.chats_waiting(stand.id, None).await?;
        Ok(StandChatPart::Company { waiting: usize::try_from(waiting).unwrap_or(0) })
    } else if actor.has(crate::domain::Role::Seeker) {
        let in_conversation = store.person_chat(stand.id, actor.account_id).await?.is_some();
        Ok(StandChatPart::Seeker { in_conversation })
    } else {
        Ok(StandChatPart::None)
    }
}

/// The reader's side of conversation `chat`: its own job seeker, or one of its stand's
/// company's representatives; `None` for anyone else, to whom it does not exist.
#[cfg(feature = "ssr")]
pub(crate) fn side_of(actor: &crate::domain::Actor, chat: &super::store::StoredChat) -> Option<super::rules::ChatSide> {
    use super::rules::ChatSide;
    use crate::domain::Role;
    if chat.account_id == actor.account_id {
        Some(ChatSide::Seeker)
    } else if crate::server::access::permits(actor, &[Role::Employer])
        && crate::fairs::stands::rules::acts_for(actor, chat.company_id)
    {
        Some(ChatSide::Company)
    } else {
        None
    }
}

/// A stored message as reader `me` reads it.
#[cfg(feature = "ssr")]
pub(super) fn line(message: super::store::StoredChatMessage, me: i64) -> super::ChatLine {
    super::ChatLine {
        id: message.id,
        mine: message.author_id == Some(me),
        author: message.author_name,
        from_company: message.from_company,
        body: message.body,
        sent_at: message.sent_at,
        offer: message.offer,
    }
}
