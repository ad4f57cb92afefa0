//! A conversation's new messages as server-sent events, for the page's script to add to the
//! transcript while the page stays open: each one drawn for its reader (`line_html`) exactly as
//! the page draws the others, in their language, "Tú" for their own. Without JavaScript
//! nothing here is used: the page's "Actualizar" link does the same.
//!
//! Every message is stored before it is announced, and a stream sends what the store holds
//! after the last message its reader has (`Last-Event-ID` on a reconnection, `?despues=` on the
//! first connection), in the store's order. So a wake-up that is lost (a PostgreSQL listener
//! reconnecting), repeated or out of date loses, repeats or reorders nothing; a stream also
//! reads the store every `READ_EVERY` in case a wake-up never came.

use super::api::{line, side_of};
use super::rules::ChatSide;
use super::ENDED_EVENT;
use crate::error::AppError;
use crate::fairs::pages::chat::{line_html, who_wrote};
use crate::i18n::Lang;
use crate::server::auth::csrf::{from_our_pages, says_where};
use crate::server::db::Store;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::time::Instant;

/// How long one stream stays open. The browser then connects again by itself, with
/// `Last-Event-ID`, and that connection checks again who may read: a person who signed out, or
/// a representative who left the company, stops receiving within this time.
const STREAM_FOR: Duration = Duration::from_secs(5 * 60);
/// How often a stream reads the store with no wake-up: the floor under a lost one.
const READ_EVERY: Duration = Duration::from_secs(15);
/// A comment line this often keeps proxies from closing a quiet stream.
const KEEP_ALIVE: Duration = Duration::from_secs(20);

/// `GET ?id=<conversation>&despues=<message id>`: the conversation's job seeker, or one of its
/// stand's company's representatives, follows it. Unknown to anyone else (`404`), refused to a
/// page of another site (`403`), and `204` once the conversation is over with nothing left to
/// send, which tells the browser not to connect again.
pub async fn follow_chat(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, _) = request.into_parts();
    if !from_this_site(&parts.headers, &state.public_origin) {
        return Err(AppError::Forbidden);
    }
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.as_ref() else { return Err(AppError::Unauthorized) };
    let id = ui.query_id("id").ok_or(AppError::NotFound)?;
    let chat = state.store.chat(id).await?.ok_or(AppError::NotFound)?;
    let side = side_of(actor, &chat).ok_or(AppError::NotFound)?;
    let after = resumes_after(&parts.headers).or_else(|| ui.query_id("despues")).unwrap_or(0).max(0);
    // Followed before the first read: news announced between the two is not missed.
    let news = state.chat_hub.follow();
    let mut follower = Follower {
        store: state.store.clone(),
        news,
        conversation: id,
        reader: actor.account_id,
        seeker_side: side == ChatSide::Seeker,
        lang: ui.lang,
        after,
        ready: VecDeque::new(),
        over: false,
        until: Instant::now() + STREAM_FOR,
    };
    let new = follower.read().await?;
    if follower.over && new == 0 {
        // Over, and the reader has it all already.
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    let stream = futures_util::stream::unfold(follower, |mut follower| async move {
        follower.next().await.map(|event| (Ok::<_, Infallible>(event), follower))
    });
    let mut response = Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)).into_response();
    // A buffering proxy in front would hold the events back.
    response.headers_mut().insert("x-accel-buffering", HeaderValue::from_static("no"));
    Ok(response)
}

/// An `EventSource` of our own pages says so, or says nothing of where it comes from.
fn from_this_site(headers: &HeaderMap, public_origin: &str) -> bool {
    !says_where(headers) || from_our_pages(headers, public_origin)
}

/// The last message the browser received before it connected again.
fn resumes_after(headers: &HeaderMap) -> Option<i64> {
    headers.get("last-event-id")?.to_str().ok()?.trim().parse().ok()
}

/// One reader's stream of one conversation.
struct Follower {
    store: Arc<dyn Store>,
    news: broadcast::Receiver<i64>,
    conversation: i64,
    reader: i64,
    /// The reader is the conversation's job seeker (else one of the company's people).
    seeker_side: bool,
    lang: Lang,
    /// The last message sent (or that the reader had).
    after: i64,
    ready: VecDeque<Event>,
    /// The conversation has ended: what is ready is the last to send.
    over: bool,
    until: Instant,
}

impl Follower {
    /// The next event, waiting for news as long as the stream lasts; `None` ends the stream.
    async fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Some(event);
            }
            if self.over || !self.wait().await {
                return None;
            }
            if let Err(err) = self.read().await {
                // The browser connects again, and resumes where this one stopped.
                tracing::warn!(conversation_id = self.conversation, error = ?err, "stand chat stream: cannot read");
                return None;
            }
        }
    }

    /// Waits until the conversation may have news: announced, missed (lagged behind), or
    /// `READ_EVERY` passed. False when the stream's time is up.
    async fn wait(&mut self) -> bool {
        let read_at = Instant::now() + READ_EVERY;
        loop {
            tokio::select! {
                _ = tokio::time::sleep_until(self.until) => return false,
                _ = tokio::time::sleep_until(read_at) => return true,
                news = self.news.recv() => match news {
                    Ok(id) if id == self.conversation => return true,
                    Ok(_) => continue,
                    // Wake-ups were dropped, perhaps this one's: read to be sure.
                    Err(RecvError::Lagged(_)) => return true,
                    // The hub is gone (the server is stopping): the browser connects again.
                    Err(RecvError::Closed) => return false,
                },
            }
        }
    }

    /// Puts the messages stored after the last one sent in line, and "ended" once the
    /// conversation is over; how many messages it found.
    async fn read(&mut self) -> Result<usize, AppError> {
        let (messages, over) = tokio::join!(
            self.store.chat_messages(self.conversation, self.after),
            self.store.chat_over(self.conversation)
        );
        let messages = messages?;
        let found = messages.len();
        for message in messages {
            self.after = message.id;
            let line = line(message, self.reader);
            let (id, who) = (line.id, who_wrote(&line, self.lang));
            // An event's data may not hold a carriage return; a typed line break is one line.
            let html = line_html(line, who, self.seeker_side, self.lang).replace("\r\n", "\n").replace('\r', "\n");
            self.ready.push_back(Event::default().id(id.to_string()).data(html));
        }
        if over? {
            self.over = true;
            self.ready.push_back(Event::default().event(ENDED_EVENT).data(""));
        }
        Ok(found)
    }
}
