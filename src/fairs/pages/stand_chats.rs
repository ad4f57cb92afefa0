//! The live chat of a stand, as its company's representatives have it: the stand's queue and
//! the conversations taken (by the reader or a colleague), and one conversation with its
//! transcript, the reply form, handing it to a colleague, ending it, and ending it with a
//! block. Works without JavaScript: every action is a form post, "Actualizar" a plain link.

use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, CsrfField, FieldError, SelectField};
use crate::components::list::list_or;
use crate::components::private_page::{PrivateRecordPage, RecordFrame};
use crate::domain::lima_time::{format_lima, lima_clock};
use crate::fairs::pages::chat::{MessageForm, ReportLink, Transcript};
use crate::fairs::stands::chat::api::{read_conversation, read_stand_chats};
use crate::fairs::stands::chat::rules::ChatStatus;
use crate::fairs::stands::chat::{
    chat_events, conversation_page, stand_chats_page, ChatSummary, CompanyConversation, StandChats, BLOCK_CHAT_PATH,
    CHATS_FIELD, CONVERSATION_PATH, END_CHAT_PATH, OFFER_FIELD, OFFER_SLOT_PATH, TAKE_CHAT_PATH,
};
use crate::fairs::stands::slots::slots_page;
use crate::fairs::stands::stand_path;
use crate::i18n::{t, t_with, Key, Lang};
use crate::ui::use_ui;
use leptos::prelude::*;

/// The live conversations of stand `?id=`, for its company's representatives.
#[component]
pub fn StandChatsPage() -> impl IntoView {
    view! { <PrivateRecordPage param="id" read=read_stand_chats show=|found| view! { <ChatsView found /> } /> }
}

#[component]
fn ChatsView(found: StandChats) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let StandChats { stand_id, company_name, fair_title, live, queue, taken, ended } = found;
    let title = t_with(lang, Key::stand_chats_title, &[("company", &company_name)]);
    let lead = t_with(lang, Key::stand_chats_lead, &[("fair", &fair_title)]);
    let closed = (!live).then(|| view! { <p class="app-inset">{t(lang, Key::stand_chats_not_live)}</p> });
    let queue = list_or(
        t(lang, Key::stand_chats_queue_empty),
        queue.into_iter().map(|chat| view! { <Waiting chat live /> }.into_any()).collect(),
    );
    let taken = list_or(
        t(lang, Key::stand_chats_taken_empty),
        taken
            .into_iter()
            .map(|chat| {
                let who = if chat.mine {
                    t(lang, Key::stand_chats_yours).to_string()
                } else {
                    t_with(lang, Key::stand_chats_with, &[("name", &chat.taken_by)])
                };
                view! {
                    <li>
                        <a href=conversation_page(chat.id)>{chat.seeker_name.clone()}</a>
                        " · " {who}
                    </li>
                }
                .into_any()
            })
            .collect(),
    );
    let ended = (!ended.is_empty()).then(|| {
        let items = ended
            .into_iter()
            .map(|chat| {
                let when = t_with(lang, Key::stand_chats_opened_at, &[("when", &format_lima(chat.opened_at))]);
                view! { <li><a href=conversation_page(chat.id)>{chat.seeker_name.clone()}</a> " · " {when}</li> }
            })
            .collect_view();
        view! {
            <h2>{t(lang, Key::stand_chats_ended_h2)}</h2>
            <p>{t(lang, Key::stand_chats_ended_lead)}</p>
            <ul class="app-list">{items}</ul>
        }
    });
    view! {
        <RecordFrame title lead>
            {closed}
            <div id=CHATS_FIELD tabindex="-1">
                <FieldError id=format!("{CHATS_FIELD}-error") message=form.error(CHATS_FIELD) />
                <h2>{t(lang, Key::stand_chats_queue_h2)}</h2>
                {queue}
                <h2>{t(lang, Key::stand_chats_taken_h2)}</h2>
                {taken}
            </div>
            {ended}
            <p><a href=stand_chats_page(stand_id)>{t(lang, Key::chat_refresh)}</a></p>
            <p><a href=stand_path(stand_id)>{t(lang, Key::shifts_back)}</a></p>
        </RecordFrame>
    }
}

/// A conversation in the queue, with the button that takes it.
#[component]
fn Waiting(chat: ChatSummary, live: bool) -> impl IntoView {
    let lang = use_ui().lang;
    let since = t_with(lang, Key::stand_chats_waiting_since, &[("time", &lima_clock(chat.opened_at))]);
    let label = t_with(lang, Key::stand_chats_take, &[("name", &chat.seeker_name)]);
    let take = live.then(|| {
        view! {
            <ButtonForm action=TAKE_CHAT_PATH label fields=vec![("conversation", chat.id.to_string())] />
        }
    });
    view! {
        <li>
            <strong>{chat.seeker_name.clone()}</strong> " · " {since}
            <br />
            {take}
        </li>
    }
}

/// One conversation `?id=`, for its stand's company's representatives.
#[component]
pub fn ConversationPage() -> impl IntoView {
    view! { <PrivateRecordPage param="id" read=read_conversation show=|found| view! { <ConversationView found /> } /> }
}

#[component]
fn ConversationView(found: CompanyConversation) -> impl IntoView {
    let lang = use_ui().lang;
    let title = t_with(lang, Key::conversation_title, &[("name", &found.seeker_name)]);
    let lead = t_with(lang, Key::conversation_lead, &[("company", &found.company_name)]);
    let state = conversation_state(lang, &found);
    let in_force = found.status != ChatStatus::Closed && found.live;
    let follow = (found.status != ChatStatus::Closed)
        .then(|| chat_events(found.id, found.lines.last().map_or(0, |line| line.id)));
    let take = (in_force && !found.mine).then(|| {
        view! {
            <ButtonForm
                action=TAKE_CHAT_PATH
                label=t(lang, Key::conversation_take)
                fields=vec![("conversation", found.id.to_string()), ("from", taken_by_id(&found))]
            />
        }
    });
    let reply = (in_force && found.mine).then(|| {
        view! { <MessageForm action=CONVERSATION_PATH named=("conversation", found.id) label=Key::conversation_reply_label refresh=conversation_page(found.id) /> }
    });
    let offer = (in_force && found.mine).then(|| view! { <OfferSlot found=found.clone() /> });
    let hand_over = (in_force && !found.colleagues.is_empty()).then(|| view! { <HandOver found=found.clone() /> });
    let end = (found.status != ChatStatus::Closed).then(|| {
        view! {
            <div class="app-button-group">
                <ButtonForm action=END_CHAT_PATH label=t(lang, Key::chat_end) fields=vec![("conversation", found.id.to_string())] secondary=true />
                <ButtonForm action=BLOCK_CHAT_PATH label=t(lang, Key::conversation_block) fields=vec![("conversation", found.id.to_string())] secondary=true />
            </div>
            <p class="app-hint">{t(lang, Key::conversation_block_hint)}</p>
        }
    });
    view! {
        <RecordFrame title lead>
            <p role="status">{state}</p>
            {take}
            <Transcript lines=found.lines.clone() seeker_side=false follow />
            {reply}
            {offer}
            {hand_over}
            {end}
            <ReportLink conversation_id=found.id />
            <p><a href=stand_chats_page(found.stand_id)>{t(lang, Key::conversation_back)}</a></p>
        </RecordFrame>
    }
}

/// Where the conversation stands, in words.
fn conversation_state(lang: Lang, found: &CompanyConversation) -> String {
    match (found.status, found.mine) {
        (ChatStatus::Closed, _) => t(lang, Key::conversation_closed).to_string(),
        _ if !found.live => t(lang, Key::stand_chats_not_live).to_string(),
        (ChatStatus::Waiting, _) => t(lang, Key::conversation_waiting).to_string(),
        (ChatStatus::Open, true) => t(lang, Key::stand_chats_yours).to_string(),
        (ChatStatus::Open, false) => t_with(lang, Key::stand_chats_with, &[("name", &found.taken_by)]),
    }
}

/// Who has the conversation, as the take form tells the server it saw it ("": nobody).
fn taken_by_id(found: &CompanyConversation) -> String {
    found.taken_by_id.map(|id| id.to_string()).unwrap_or_default()
}

/// Offers the person one of the stand's free interview slots, which they then book themselves;
/// with none free, where to publish some.
#[component]
fn OfferSlot(found: CompanyConversation) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    if found.offerable.is_empty() {
        return view! {
            <p class="app-hint">
                {t(lang, Key::chat_offer_none)} " "
                <a href=slots_page(found.stand_id)>{t(lang, Key::chat_offer_publish)}</a>
            </p>
        }
        .into_any();
    }
    let options = found
        .offerable
        .iter()
        .map(|slot| {
            let label = t_with(
                lang,
                Key::chat_offer_option,
                &[
                    ("when", &format_lima(slot.starts_at)),
                    ("until", &lima_clock(slot.ends_at)),
                    ("mode", t(lang, slot.mode.label())),
                    ("name", &slot.interviewer),
                ],
            );
            (slot.id.to_string(), label)
        })
        .collect();
    view! {
        <form method="post" action=OFFER_SLOT_PATH novalidate>
            <CsrfField />
            <input type="hidden" name="conversation" value=found.id.to_string() />
            <SelectField id=OFFER_FIELD label=t(lang, Key::chat_offer_label) hint=Some(t(lang, Key::chat_offer_hint)) options selected=form.value(OFFER_FIELD) error=form.error(OFFER_FIELD) />
            <button class="app-button app-button--secondary" type="submit">{t(lang, Key::chat_offer_send)}</button>
        </form>
    }
    .into_any()
}

/// Hands the conversation to a colleague.
#[component]
fn HandOver(found: CompanyConversation) -> impl IntoView {
    let lang = use_ui().lang;
    let options = found
        .colleagues
        .iter()
        .map(|c| view! { <option value=c.account_id.to_string()>{c.name.clone()}</option> })
        .collect_view();
    view! {
        <form method="post" action=TAKE_CHAT_PATH>
            <CsrfField />
            <input type="hidden" name="conversation" value=found.id.to_string() />
            <input type="hidden" name="from" value=taken_by_id(&found) />
            <div class="app-field">
                <label class="app-field__label" for="to">{t(lang, Key::conversation_hand_over_label)}</label>
                <select class="app-field__input" id="to" name="to">{options}</select>
            </div>
            <button class="app-button app-button--secondary" type="submit">{t(lang, Key::conversation_hand_over)}</button>
        </form>
    }
}
