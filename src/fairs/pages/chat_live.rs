//! With JavaScript, a chat page's transcript takes each new message as it is written: the
//! island follows the conversation's event stream (`stands::chat::events`) and adds each
//! message, drawn by the server as the rest of the transcript, to the list in the `role="log"`
//! region, which screen readers announce politely. Nothing moves the focus, so a person typing
//! keeps typing. Sending a message is the same form post, sent from the page: the person is
//! back in the message box, now empty, and their message arrives in the transcript like any other.
//! A message the server refuses is posted as a plain form instead, so its answer (the reason on
//! the field, with what was typed) is the page they get. Without JavaScript the form posts as
//! it is and the page's "Actualizar" link brings the replies.
//!
//! The transcript is server HTML; the island has no view of its own to hydrate: every kilobyte
//! of WebAssembly costs the people on slow data.

use leptos::prelude::*;

/// Follows the event stream at `address` and adds its messages to the transcript.
#[island]
pub fn ChatFollow(address: String) -> impl IntoView {
    Effect::new(move |_| browser::follow(&address));
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::fairs::stands::chat::{ENDED_EVENT, LOG_ID};
    use std::cell::Cell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{EventSource, HtmlFormElement, MessageEvent};

    thread_local! {
        // The transcript follows the conversation: a message sent from the page will show.
        static FOLLOWING: Cell<bool> = const { Cell::new(false) };
        // One message on its way at a time: a second press of the button waits for it.
        static SENDING: Cell<bool> = const { Cell::new(false) };
    }

    pub fn follow(address: &str) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(log) = document.get_element_by_id(LOG_ID) else { return };
        let Some(list) = log.query_selector("ol").ok().flatten() else { return };
        let Ok(source) = EventSource::new(address) else { return };
        if let Ok(Some(form)) = document.query_selector("form[data-chat-form]") {
            if let Ok(form) = form.dyn_into::<HtmlFormElement>() {
                send_from_the_page(form);
            }
        }
        crate::components::live::mark(&log);
        FOLLOWING.with(|following| following.set(true));
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(html) = event.data().as_string() else { return };
            // On the page already: drawn by the server, or sent again after a reconnection.
            if document.get_element_by_id(&format!("m{}", event.last_event_id())).is_some() {
                return;
            }
            if let Ok(Some(empty)) = log.query_selector("[data-chat-empty]") {
                empty.remove();
            }
            let _ = list.insert_adjacent_html("beforeend", &html);
        });
        source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Over: the browser would otherwise connect again and again. A message written now
        // opens a new conversation, which only the page itself shows.
        let closing = source.clone();
        let on_ended = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
            closing.close();
            FOLLOWING.with(|following| following.set(false));
        });
        let _ = source.add_event_listener_with_callback(ENDED_EVENT, on_ended.as_ref().unchecked_ref());
        on_ended.forget();
        // Given up (refused, or signed out meanwhile): the page is no longer kept up to date.
        let watched = source.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
            if watched.ready_state() == EventSource::CLOSED {
                FOLLOWING.with(|following| following.set(false));
            }
        });
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
    }

    /// Sends the message form with `fetch`, bringing the person back to the box they type in.
    fn send_from_the_page(form: HtmlFormElement) {
        let posting = form.clone();
        let on_submit = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            if !FOLLOWING.with(Cell::get) {
                return;
            }
            event.prevent_default();
            if SENDING.with(|sending| sending.replace(true)) {
                return;
            }
            let form = posting.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if posted(&form).await {
                    if let Ok(Some(field)) = form.query_selector("textarea") {
                        let _ = js_sys::Reflect::set(&field, &JsValue::from_str("value"), &JsValue::from_str(""));
                        // Back to the box, empty, for the next message: the person sent this one
                        // from the button, and would otherwise have to find the box again.
                        if let Ok(field) = field.dyn_into::<web_sys::HtmlElement>() {
                            let _ = field.focus();
                        }
                    }
                } else {
                    // The server's own answer, as the form without JavaScript gets it.
                    let _ = form.submit();
                }
                SENDING.with(|sending| sending.set(false));
            });
        });
        let _ = form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        on_submit.forget();
    }

    /// Posts the form as the browser would; true when the server took the message: it answers
    /// by sending the browser back to this page (`data-chat-form`), not to a refusal or to
    /// signing in.
    async fn posted(form: &HtmlFormElement) -> bool {
        use wasm_bindgen_futures::JsFuture;
        let (Some(window), Ok(data)) = (web_sys::window(), web_sys::FormData::new_with_form(form)) else {
            return false;
        };
        let Ok(fields) = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data) else { return false };
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&fields);
        let Ok(answer) = JsFuture::from(window.fetch_with_str_and_init(&form.action(), &init)).await else {
            return false;
        };
        let Ok(response) = answer.dyn_into::<web_sys::Response>() else { return false };
        let page = form.get_attribute("data-chat-form").unwrap_or_default();
        response.ok() && response.redirected() && !page.is_empty() && response.url().ends_with(&page)
    }
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    pub fn follow(_address: &str) {}
}
