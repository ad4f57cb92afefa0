//! The live chat of a stand, as a job seeker has it: the part of the stand's page that leads to
//! it, and their chat page — whether they may write now, their place in the queue, the
//! transcript (a `role="log"` region, each message with who and when as text) and the form.
//! Works without JavaScript: a message is a form post, and "Actualizar" brings the replies.

use crate::components::button_form::ButtonForm;
use crate::components::form::{use_form_state, CsrfField, FieldError, TextArea};
use crate::components::plain_text::PlainText;
use crate::components::private_page::{PrivateRecordPage, RecordFrame};
use crate::domain::lima_time::{format_lima, format_lima_iso, lima_clock};
use crate::fairs::pages::chat_live::ChatFollow;
use crate::fairs::stands::chat::api::read_seeker_chat;
use crate::fairs::stands::chat::reports::report_page;
use crate::fairs::stands::chat::{
    chat_events, chat_page, stand_chats_page, ChatDoor, ChatLine, EndedConversation, SeekerChat, SeekerConversation,
    StandChatPart, CHATS_FIELD, CHAT_PATH, END_CHAT_PATH, LOG_ID, MESSAGE_FIELD,
};
use crate::fairs::stands::slots::book_slot_page;
use crate::fairs::stands::stand_path;
use crate::i18n::{t, t_with, Key, Lang};
use crate::ui::{sign_in_returning_to, use_ui};
use leptos::prelude::*;

/// The chat part of stand `stand_id`'s page, while its fair runs.
#[component]
pub fn StandChatSection(stand_id: i64, part: StandChatPart) -> impl IntoView {
    let lang = use_ui().lang;
    let (intro, link, label) = match part {
        StandChatPart::None => return None,
        StandChatPart::SignInFirst => (
            Key::chat_part_intro,
            sign_in_returning_to(&chat_page(stand_id)),
            t(lang, Key::chat_part_sign_in).to_string(),
        ),
        StandChatPart::Seeker { in_conversation } => {
            let label = if in_conversation { Key::chat_part_back } else { Key::chat_part_open };
            (Key::chat_part_intro, chat_page(stand_id), t(lang, label).to_string())
        }
        StandChatPart::Company { waiting } => (
            Key::chat_part_company_intro,
            stand_chats_page(stand_id),
            t_with(lang, Key::chat_part_company_link, &[("count", &waiting.to_string())]),
        ),
        StandChatPart::Earlier => {
            (Key::chat_part_earlier_intro, chat_page(stand_id), t(lang, Key::chat_part_earlier).to_string())
        }
    };
    Some(view! {
        <section aria-labelledby="stand-chat-h">
            <h2 id="stand-chat-h">{t(lang, Key::chat_part_h2)}</h2>
            <p>{t(lang, intro)}</p>
            <p><a class="app-button" href=link>{label}</a></p>
        </section>
    })
}

/// A job seeker's chat with stand `?id=`.
#[component]
pub fn StandChatPage() -> impl IntoView {
    view! { <PrivateRecordPage param="id" read=read_seeker_chat show=|found| view! { <SeekerChatView found /> } /> }
}

#[component]
fn SeekerChatView(found: SeekerChat) -> impl IntoView {
    let lang = use_ui().lang;
    let form = use_form_state();
    let SeekerChat { stand_id, company_name, fair_title, door, conversation, earlier } = found;
    let title = t_with(lang, Key::chat_title, &[("company", &company_name)]);
    let lead = t_with(lang, Key::chat_lead, &[("fair", &fair_title)]);
    let open = matches!(door, ChatDoor::Open { .. });
    let door = match door {
        ChatDoor::Open { on_duty } if on_duty.is_empty() => {
            view! { <p class="app-inset">{t(lang, Key::chat_nobody_on_duty)}</p> }.into_any()
        }
        ChatDoor::Open { on_duty } => {
            view! { <p>{t_with(lang, Key::chat_on_duty, &[("names", &on_duty.join(", "))])}</p> }.into_any()
        }
        ChatDoor::NotYet { starts_at } => {
            view! { <p class="app-inset">{t_with(lang, Key::chat_not_yet, &[("when", &format_lima(starts_at))])}</p> }
                .into_any()
        }
        ChatDoor::Over => view! { <p class="app-inset">{t(lang, Key::chat_over)}</p> }.into_any(),
        ChatDoor::Blocked => view! { <p class="app-inset">{t(lang, Key::chat_blocked)}</p> }.into_any(),
    };
    let question = view! { <p><a href=format!("{}#stand-questions-h", stand_path(stand_id))>{t(lang, Key::chat_ask_instead)}</a></p> };
    let conversation_id = conversation.as_ref().map(|c| c.id);
    let state = conversation.as_ref().map(|c| view! { <p role="status">{conversation_state(lang, c)}</p> });
    let follow = conversation.as_ref().map(|c| chat_events(c.id, c.lines.last().map_or(0, |line| line.id)));
    let lines = conversation.map(|c| c.lines).unwrap_or_default();
    let report = conversation_id.map(|conversation_id| view! { <ReportLink conversation_id /> });
    // A message refused because the chat closed meanwhile comes back to its field, kept.
    let came_back = form.error(MESSAGE_FIELD).is_some();
    let write = (open || came_back).then(|| {
        view! { <MessageForm action=CHAT_PATH named=("stand", stand_id) label=Key::chat_message_label refresh=chat_page(stand_id) /> }
    });
    let end = conversation_id.map(|id| {
        view! {
            <ButtonForm action=END_CHAT_PATH label=t(lang, Key::chat_end) fields=vec![("conversation", id.to_string())] secondary=true />
        }
    });
    view! {
        <RecordFrame title lead>
            {door}
            <div id=CHATS_FIELD tabindex="-1">
                <FieldError id=format!("{CHATS_FIELD}-error") message=form.error(CHATS_FIELD) />
                {state}
            </div>
            <Transcript lines seeker_side=true follow />
            {write}
            {end}
            {report}
            <EarlierConversations company_name earlier />
            {question}
            <p><a href=stand_path(stand_id)>{t(lang, Key::chat_back_to_stand)}</a></p>
        </RecordFrame>
    }
}

/// The person's ended conversations at the stand, to read again: each transcript as a list, with
/// its own report link. Not live regions: nothing arrives in them any more.
#[component]
fn EarlierConversations(company_name: String, earlier: Vec<EndedConversation>) -> impl IntoView {
    let lang = use_ui().lang;
    if earlier.is_empty() {
        return None;
    }
    let conversations = earlier
        .into_iter()
        .map(|ended| {
            let heading = format!("chat-earlier-{}-h", ended.id);
            let labelled_by = heading.clone();
            let lines = ended
                .lines
                .into_iter()
                .map(|line| {
                    let who = who_wrote(&line, lang);
                    view! { <ChatLineItem line who seeker_side=true lang /> }
                })
                .collect_view();
            view! {
                <section aria-labelledby=labelled_by>
                    <h3 id=heading>{t_with(lang, Key::chat_earlier_h3, &[("when", &format_lima(ended.opened_at))])}</h3>
                    <div class="app-chat"><ol class="app-chat__lines">{lines}</ol></div>
                    <ReportLink conversation_id=ended.id />
                </section>
            }
        })
        .collect_view();
    Some(view! {
        <section aria-labelledby="chat-earlier-h">
            <h2 id="chat-earlier-h">{t_with(lang, Key::chat_earlier_h2, &[("company", &company_name)])}</h2>
            <p>{t(lang, Key::chat_earlier_kept)}</p>
            {conversations}
        </section>
    })
}

/// Where the person's conversation stands: their place in the queue, or who has it.
fn conversation_state(lang: crate::i18n::Lang, conversation: &SeekerConversation) -> String {
    match conversation.queue_place {
        Some(place) => t_with(lang, Key::chat_queue_place, &[("place", &place.to_string())]),
        None => t_with(lang, Key::chat_taken_by, &[("name", &conversation.taken_by)]),
    }
}

/// The form a message is written in, posting to `action` with the hidden field that names
/// where (the stand, or the conversation), and the link that brings replies without JavaScript.
#[component]
pub fn MessageForm(
    action: &'static str,
    named: (&'static str, i64),
    label: crate::i18n::Key,
    refresh: String,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let form = use_form_state();
    let again = refresh_address(&refresh, ui.query(REFRESHED).as_deref());
    view! {
        <form method="post" action=action novalidate data-chat-form=refresh.clone()>
            <CsrfField />
            <input type="hidden" name=named.0 value=named.1.to_string() />
            <TextArea id=MESSAGE_FIELD label=t(lang, label) hint=Some(t(lang, Key::chat_message_hint)) rows=3 value=form.value(MESSAGE_FIELD) error=form.error(MESSAGE_FIELD) />
            <div class="app-button-group">
                <button class="app-button" type="submit">{t(lang, Key::chat_send)}</button>
                <a href=again>{t(lang, Key::chat_refresh)}</a>
            </div>
        </form>
    }
}

/// The query parameter that makes "Actualizar" an address other than the page's own.
const REFRESHED: &str = "actualizado";

/// Where "Actualizar" leads from a page of `page` whose `REFRESHED` parameter is `current`: the
/// page again, at its transcript. A link to the very address the browser is at, transcript
/// and all, would only scroll there without loading anything new; so the link alternates
/// between two addresses of the same page.
fn refresh_address(page: &str, current: Option<&str>) -> String {
    let next = if current == Some("1") { "2" } else { "1" };
    format!("{page}&{REFRESHED}={next}#{LOG_ID}")
}

/// A conversation's messages in order, in a `role="log"` region (new ones are announced
/// politely), each with who wrote it and when as text. `seeker_side`: read by the job seeker.
/// With `follow`, the address of the conversation's event stream, the page's script adds new
/// messages as they come (`chat_live`).
#[component]
pub fn Transcript(
    lines: Vec<ChatLine>,
    seeker_side: bool,
    #[prop(default = None)] follow: Option<String>,
) -> impl IntoView {
    let lang = use_ui().lang;
    let empty = lines.is_empty().then(|| view! { <p data-chat-empty>{t(lang, Key::chat_log_empty)}</p> });
    let items = lines
        .into_iter()
        .map(|line| {
            let who = who_wrote(&line, lang);
            view! { <ChatLineItem line who seeker_side lang /> }
        })
        .collect_view();
    let follow = follow.map(|address| view! { <ChatFollow address /> });
    view! {
        <h2 id="chat-log-h">{t(lang, Key::chat_log_h2)}</h2>
        <div id=LOG_ID role="log" aria-labelledby="chat-log-h" class="app-chat">
            {empty}
            <ol class="app-chat__lines">{items}</ol>
        </div>
        {follow}
    }
}

/// One message as HTML, as the transcript draws it: what the event stream sends the page's
/// script, which adds it to the list as it is. One drawing of a message for both, and none in
/// the browser's code.
#[cfg(feature = "ssr")]
pub fn line_html(line: ChatLine, who: String, seeker_side: bool, lang: Lang) -> String {
    Owner::new().with(|| view! { <ChatLineItem line who seeker_side lang /> }.to_html())
}

/// The link to report one of the other side's messages. Always there while the page shows the
/// conversation: messages that came in after the page was drawn may be reported too.
#[component]
pub fn ReportLink(conversation_id: i64) -> impl IntoView {
    view! { <p><a href=report_page(conversation_id)>{t(use_ui().lang, Key::chat_report_link)}</a></p> }
}

/// Who wrote a message, as its reader reads it: "Tú", the author's name, or someone whose
/// account is gone.
pub fn who_wrote(line: &ChatLine, lang: Lang) -> String {
    if line.mine {
        t(lang, Key::chat_you).to_string()
    } else {
        name_or_gone(&line.author, lang)
    }
}

/// A person's name as a chat page shows it: the store gives an empty one once their account is
/// gone, said as such.
pub fn name_or_gone(name: &str, lang: Lang) -> String {
    if name.is_empty() {
        t(lang, Key::chat_someone_gone).to_string()
    } else {
        name.to_string()
    }
}

/// One message of a transcript: who wrote it and when, as text, and what they wrote. The
/// reader's side of the conversation (their own messages, or their colleagues') is marked.
#[component]
pub fn ChatLineItem(line: ChatLine, who: String, seeker_side: bool, lang: Lang) -> impl IntoView {
    let ours = line.from_company != seeker_side;
    let side = if ours { "app-chat__line app-chat__line--ours" } else { "app-chat__line" };
    // The job seeker books an offered interview herself, on the booking page.
    let offer = line.offer.filter(|_| seeker_side).map(|slot| {
        view! { <p><a href=book_slot_page(slot)>{t(lang, Key::chat_offer_book)}</a></p> }
    });
    view! {
        <li class=side id=format!("m{}", line.id)>
            <p class="app-chat__who">
                <strong>{who}</strong>
                " · "
                <time datetime=format_lima_iso(line.sent_at)>{lima_clock(line.sent_at)}</time>
            </p>
            <PlainText text=line.body />
            {offer}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refreshing_always_leads_to_another_address_than_the_page_is_at() {
        let page = "/ferias/stand/chat?id=7";
        let first = refresh_address(page, None);
        assert_eq!(first, "/ferias/stand/chat?id=7&actualizado=1#chat-log");
        let second = refresh_address(page, Some("1"));
        assert_eq!(second, "/ferias/stand/chat?id=7&actualizado=2#chat-log");
        assert_eq!(refresh_address(page, Some("2")), first);
        assert_eq!(refresh_address(page, Some("whatever")), first);
    }
}
