//! A conversation's event stream through the real router, as the page's script follows it:
//! each side receives the messages after the last one it has, in the store's order, as they
//! are written, each drawn for its reader as their page draws it; a reconnection resumes after `Last-Event-ID`; the end of the conversation is
//! said and stops the browser from connecting again; nobody else learns the conversation
//! exists, someone signed out is sent to sign in, and another site's page is refused. On PostgreSQL, a message posted through one app
//! server reaches a reader connected to another.

use super::chat::running;
use super::stands::{accepted_stand, AtStand};
use super::*;
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use senda::fairs::stands::chat::hub::hub_for;
use tower::ServiceExt;

/// How long a test waits for the next event before it fails.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

/// One server-sent event.
#[derive(Debug, Default)]
struct Event {
    id: Option<i64>,
    name: Option<String>,
    data: String,
}

impl Event {
    /// The message's text, as the list item shows it.
    fn says(&self, text: &str) -> bool {
        self.data.contains(&format!(">{text}</p>"))
    }

    /// Who wrote it, as the list item names them.
    fn by(&self, who: &str) -> bool {
        self.data.contains(&format!("<strong>{who}</strong>"))
    }
}

/// An open event stream, read as its events come.
struct Stream {
    body: Body,
    text: String,
}

impl Stream {
    /// The next event (comments skipped); `None` once the stream has ended. Fails the test if
    /// nothing comes in time.
    async fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(end) = self.text.find("\n\n") {
                let block: String = self.text.drain(..end + 2).collect();
                let mut event = Event::default();
                for line in block.lines() {
                    match line.split_once(':').map(|(field, value)| (field, value.trim_start())) {
                        Some(("id", value)) => event.id = value.parse().ok(),
                        Some(("event", value)) => event.name = Some(value.to_string()),
                        Some(("data", value)) => event.data.push_str(value),
                        _ => {}
                    }
                }
                if event.name.is_some() || !event.data.is_empty() {
                    return Some(event);
                }
                continue;
            }
            let frame = tokio::time::timeout(PATIENCE, self.body.frame()).await.expect("an event in time");
            match frame {
                Some(Ok(frame)) => {
                    if let Ok(bytes) = frame.into_data() {
                        self.text.push_str(std::str::from_utf8(&bytes).unwrap());
                    }
                }
                _ => return None,
            }
        }
    }
}

/// Opens the stream of `conversation` for the bearer of `cookie`, from one of our pages.
async fn follow(app: &axum::Router, conversation: i64, cookie: &str, last_seen: Option<i64>) -> (StatusCode, Stream) {
    let mut request = Request::get(format!("/ferias/stand/chat/mensajes?id={conversation}&despues=0"))
        .header(header::ACCEPT, "text/event-stream")
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, cookie);
    if let Some(id) = last_seen {
        request = request.header("last-event-id", id.to_string());
    }
    let response = tokio::time::timeout(PATIENCE, app.clone().oneshot(request.body(Body::empty()).unwrap()))
        .await
        .expect("an answer in time")
        .unwrap();
    (response.status(), Stream { body: response.into_body(), text: String::new() })
}

#[tokio::test]
async fn each_side_follows_its_conversation_as_it_is_written() {
    let AtStand { app, mut state, db, fair, stand, company: _, lucia, jorge, rosa, pedro } = accepted_stand(10).await;
    // The hub this engine's servers have: PostgreSQL's on the PostgreSQL leg.
    state.chat_hub = hub_for(&db.url).await.unwrap();
    let app = {
        drop(app);
        senda::server::http::router(state.clone())
    };
    running(&db, fair).await;
    let write = |text: &str| vec![("stand", stand.to_string()), ("message", text.to_string())];
    sent(&app, "/ferias/stand/chat", &write("Hola, ¿buscan <b>almaceneros</b>?"), &rosa).await;
    let c = state.store.stand_chats(stand).await.unwrap()[0].id;

    // Nobody else learns it exists; signed out, sign in first; a page of another site is refused.
    assert_eq!(follow(&app, c, &pedro, None).await.0, StatusCode::NOT_FOUND, "another company's");
    assert_eq!(follow(&app, c, &jorge, None).await.0, StatusCode::NOT_FOUND, "a counsellor");
    assert_eq!(follow(&app, c + 1_000, &rosa, None).await.0, StatusCode::NOT_FOUND, "no such conversation");
    let signed_out = Request::get(format!("/ferias/stand/chat/mensajes?id={c}")).body(Body::empty()).unwrap();
    assert!(location(&send(&app, signed_out).await).starts_with("/entrar?volver="));
    let elsewhere = Request::get(format!("/ferias/stand/chat/mensajes?id={c}"))
        .header("sec-fetch-site", "cross-site")
        .header(header::ORIGIN, "https://elsewhere.example")
        .header(header::COOKIE, &rosa)
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, elsewhere).await.status, StatusCode::FORBIDDEN);

    // Her stream starts with what she has not seen, each message drawn for her as her page
    // draws it: her own as "Tú", markup as text.
    let (status, mut hers) = follow(&app, c, &rosa, None).await;
    assert_eq!(status, StatusCode::OK);
    let first = hers.next().await.unwrap();
    let id = first.id.expect("the id she resumes after");
    let item = format!(r#"<li id="m{id}" class="app-chat__line app-chat__line--ours">"#);
    let said = "Hola, ¿buscan &lt;b&gt;almaceneros&lt;/b&gt;?";
    assert!(first.data.starts_with(&item) && first.by("Tú") && first.says(said), "{}", first.data);
    let page_has = page(&app, &format!("/ferias/stand/chat?id={stand}"), &rosa).await.body;
    assert!(page_has.contains(&first.data), "the same drawing as her page's:\n{}", first.data);

    // Lucía takes it and follows too; her answer reaches both streams as it is written.
    let take = [("conversation", c.to_string())];
    sent(&app, "/ferias/stand/chats/atender", &take, &lucia).await;
    let (_, mut theirs) = follow(&app, c, &lucia, None).await;
    let seen = theirs.next().await.unwrap();
    assert!(seen.by("rosa") && !seen.data.contains("rosa@"), "her name alone: {}", seen.data);
    let answer = [("conversation", c.to_string()), ("message", "¡Sí! ¿Tienes\r\nexperiencia?".to_string())];
    sent(&app, "/ferias/stand/chats/conversacion", &answer, &lucia).await;
    let to_her = hers.next().await.unwrap();
    assert!(to_her.by("lucia") && to_her.data.contains("¡Sí! ¿Tienes"), "{}", to_her.data);
    assert!(!to_her.data.contains('\r'), "a typed line break is one line of the event");
    assert!(theirs.next().await.unwrap().by("Tú"));

    // A reconnection resumes after the last one received: nothing again, nothing skipped.
    sent(&app, "/ferias/stand/chat", &write("Dos años"), &rosa).await;
    let (_, mut again) = follow(&app, c, &rosa, Some(id)).await;
    let (one, two) = (again.next().await.unwrap(), again.next().await.unwrap());
    assert!(one.data.contains("¡Sí! ¿Tienes") && two.says("Dos años"));

    // Ended: each open stream says so and ends; a browser connecting again is told there is
    // nothing more (204), so it stops.
    let ended = [("conversation", c.to_string())];
    sent(&app, "/ferias/stand/chat/terminar", &ended, &rosa).await;
    let mut said = Vec::new();
    while let Some(event) = theirs.next().await {
        said.push(event.name.clone().unwrap_or_else(|| {
            if event.says("Dos años") {
                "Dos años".into()
            } else {
                event.data
            }
        }));
    }
    assert_eq!(said, ["Dos años", "ended"]);
    let last = state.store.chat_messages(c, 0).await.unwrap().last().unwrap().id;
    assert_eq!(follow(&app, c, &rosa, Some(last)).await.0, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn a_message_through_one_app_server_reaches_a_reader_on_another() {
    let AtStand { app, state, db, fair, stand, lucia, rosa, .. } = accepted_stand(10).await;
    if !db.url.starts_with("postgres") {
        // One SQLite database is one app server's: there is no other to reach.
        return;
    }
    drop(app);
    running(&db, fair).await;
    // Two app servers on one PostgreSQL: each its own hub, listening on its own connection.
    let server = |state: &senda::server::state::AppState| {
        let mut state = state.clone();
        let url = db.url.clone();
        async move {
            state.chat_hub = hub_for(&url).await.unwrap();
            senda::server::http::router(state)
        }
    };
    let (one, two) = (server(&state).await, server(&state).await);
    let write = |text: &str| vec![("stand", stand.to_string()), ("message", text.to_string())];
    sent(&one, "/ferias/stand/chat", &write("Hola"), &rosa).await;
    let c = state.store.stand_chats(stand).await.unwrap()[0].id;
    sent(&one, "/ferias/stand/chats/atender", &[("conversation", c.to_string())], &lucia).await;

    let (_, mut on_two) = follow(&two, c, &rosa, None).await;
    assert!(on_two.next().await.unwrap().says("Hola"));
    let answer = [("conversation", c.to_string()), ("message", "Hola, Rosa".to_string())];
    let started = std::time::Instant::now();
    sent(&one, "/ferias/stand/chats/conversacion", &answer, &lucia).await;
    assert!(on_two.next().await.unwrap().says("Hola, Rosa"));
    // Woken by the other server's news, not found by the stream's reading every 15 s.
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
}
