//! Driving the real router the way a browser without JavaScript does.

use super::TestDb;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use clap::Parser;
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use senda::server::config::Cli;
use senda::server::{http::router, state::AppState};
use tower::ServiceExt;

pub async fn app() -> (Router, TestDb) {
    let (router, _state, db) = app_with_state().await;
    (router, db)
}

/// The router and the state behind it, for tests that set up data first.
pub async fn app_with_state() -> (Router, AppState, TestDb) {
    app_with_flags(&[]).await
}

/// Like [`app_with_state`], configured with these command-line flags too. Uploads go to a
/// folder beside the test's database, removed with it.
pub async fn app_with_flags(flags: &[&str]) -> (Router, AppState, TestDb) {
    // Holds the demo records already.
    let db = super::app_database().await;
    let leptos = LeptosOptions::builder().output_name("senda").site_root("target/site").build();
    let uploads = uploads_dir(&db);
    let mut args = vec!["senda", "--uploads-dir", uploads.to_str().unwrap()];
    args.extend_from_slice(flags);
    let config = Cli::parse_from(args).config;
    let mut state = AppState::new(db.store.clone(), leptos, &config).unwrap();
    state.meeting_rooms = Some(std::sync::Arc::new(StubRooms));
    (router(state.clone()), state, db)
}

/// The meeting-room provider of the tests: a room whose address names its slot, reached by
/// no one.
pub struct StubRooms;

impl senda::fairs::stands::slots::rooms::MeetingRooms for StubRooms {
    fn new_room(&self, slot_id: i64) -> String {
        format!("https://salas.test/sala-{slot_id}")
    }
}

/// The uploads folder of a test app on `db`.
pub fn uploads_dir(db: &TestDb) -> std::path::PathBuf {
    db.folder.join("uploads")
}

/// One part of a multipart form: a field, or a file with its name.
pub enum Part<'a> {
    Field(&'a str, &'a str),
    File { name: &'a str, file_name: &'a str, content_type: &'a str, bytes: &'a [u8] },
}

/// A multipart form post as a browser sends it from one of our pages.
pub fn post_multipart(path: &str, parts: &[Part<'_>], cookie: &str) -> Request<Body> {
    const BOUNDARY: &str = "----sendaTestBoundary7MA4YWxkTrZu0gW";
    let mut body: Vec<u8> = Vec::new();
    for part in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match part {
            Part::Field(name, value) => {
                body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes());
                body.extend_from_slice(value.as_bytes());
            }
            Part::File { name, file_name, content_type, bytes } => {
                body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
                    )
                    .as_bytes(),
                );
                body.extend_from_slice(bytes);
            }
        }
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    Request::post(path)
        .header(header::ACCEPT, "text/html")
        .header(header::ORIGIN, ORIGIN)
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={BOUNDARY}"))
        .body(Body::from(body))
        .unwrap()
}

/// The origin the test router is configured with (`SENDA_PUBLIC_ORIGIN`'s default).
pub const ORIGIN: &str = "http://localhost:3000";

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body as it came, for answers that are not text.
    pub raw: Vec<u8>,
}

/// Sends one request through the router. A page that does not answer within a minute fails
/// the test, naming the address, instead of holding up the whole run.
pub async fn send(app: &Router, request: Request<Body>) -> Reply {
    let uri = request.uri().clone();
    let response = tokio::time::timeout(std::time::Duration::from_secs(60), app.clone().oneshot(request))
        .await
        .unwrap_or_else(|_| panic!("{uri} did not answer within 60 s"))
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let raw = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    let body = String::from_utf8_lossy(&raw).into_owned();
    Reply { status, headers, body, raw }
}

/// The whole `<input …>` tag with this id.
pub fn input_tag<'a>(body: &'a str, id: &str) -> &'a str {
    let at = body.find(&format!(r#"id="{id}""#)).unwrap_or_else(|| panic!("no #{id}"));
    let start = body[..at].rfind("<input").unwrap();
    let end = at + body[at..].find('>').unwrap();
    &body[start..=end]
}

/// A page as the person with session `cookie` (empty: nobody signed in) opens it.
pub async fn page_as(app: &Router, path: &str, cookie: &str) -> Reply {
    send(app, get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap()).await
}

/// A form posted from one of our pages by the person with session `cookie`.
pub async fn post_as(app: &Router, path: &str, form: &[(&str, &str)], cookie: &str) -> Reply {
    send(app, post_form_from(path, &serde_urlencoded::to_string(form).unwrap(), ORIGIN, Some(cookie))).await
}

/// Where a redirect sends the browser; empty when the answer is none.
pub fn location(reply: &Reply) -> &str {
    reply.headers.get(header::LOCATION).and_then(|l| l.to_str().ok()).unwrap_or("")
}

pub fn get(path: &str) -> axum::http::request::Builder {
    Request::get(path).header(header::ACCEPT, "text/html")
}

/// A form post as a browser sends it from one of our pages.
pub fn post_form(path: &str, form: &str) -> Request<Body> {
    post_form_from(path, form, ORIGIN, None)
}

pub fn post_form_from(path: &str, form: &str, origin: &str, cookie: Option<&str>) -> Request<Body> {
    post_asking(path, form, origin, cookie, "text/html")
}

fn post_asking(path: &str, form: &str, origin: &str, cookie: Option<&str>, accept: &str) -> Request<Body> {
    let mut request = Request::post(path)
        .header(header::ACCEPT, accept)
        .header(header::ORIGIN, origin)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(form.to_string())).unwrap()
}

/// A server function called the way the hydrated page's script calls it: arguments as a form,
/// the answer asked for as JSON (a browser's plain form post to it is sent back to its page).
pub fn server_fn_call(path: &str, form: &str, cookie: Option<&str>) -> Request<Body> {
    post_asking(path, form, ORIGIN, cookie, "application/json")
}

/// A confirmed account holding `role`, with a password nobody can type (these tests never sign
/// in through the form), as the session layer sees it.
pub async fn person(state: &AppState, email: &str, role: senda::accounts::RoleGrant) -> senda::accounts::Actor {
    use senda::server::auth::{now, NewAccount};
    let store = state.store.as_ref();
    let id = store
        .create_account(&NewAccount {
            email: senda::domain::Email::parse(email).unwrap(),
            name: email.split('@').next().unwrap().into(),
            password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo".into(),
            role,
            email_verified: true,
            now: now(),
        })
        .await
        .unwrap();
    store.account_actor(id).await.unwrap().unwrap()
}

/// The `name=value` of a new session cookie for `actor`.
///
/// Counsellors and admins (who must have a second factor) get an authenticator app nobody
/// holds, and a session that has just passed it: these tests are about what they do once
/// signed in. `tests/accounts/second_factor.rs` signs in the way a person does.
pub async fn session_cookie_for(state: &AppState, actor: &senda::accounts::Actor) -> String {
    use senda::server::auth::now;
    let passed = if state.sessions.second_factor_required(actor) {
        give_app(state, actor.account_id).await;
        Some(now())
    } else {
        None
    };
    session_passed_at(state, actor, passed).await
}

/// The `name=value` of a new session for `actor`, which passed a second factor at `passed`
/// (`None`: a password alone, as the sign-in form leaves it).
pub async fn session_passed_at(state: &AppState, actor: &senda::accounts::Actor, passed: Option<i64>) -> String {
    let set_cookie =
        senda::server::auth::session::start(state.store.as_ref(), &state.sessions, actor, "test", false, passed)
            .await
            .unwrap();
    set_cookie.split(';').next().unwrap().to_string()
}

/// Gives the account an authenticator app nobody holds (a fixture, left out of [`audit_log`]).
pub async fn give_app(state: &AppState, account_id: i64) {
    use senda::server::auth::now;
    let secret = senda::second_factor::totp::new_secret();
    let totp = senda::second_factor::store::NewTotp { secret: &secret, step: 0, recovery_hashes: &[] };
    let audit = senda::server::audit::AuditEvent::new(senda::audit::AuditAction::SecondFactorAdded, now(), "")
        .about(account_id)
        .detail(FIXTURE);
    state.store.enrol_totp(account_id, &totp, "", &audit).await.unwrap();
}

/// The audit detail of the second factor [`session_cookie_for`] gives staff.
const FIXTURE: &str = "test fixture";

/// The audit log, oldest first, as `(action, actor, subject, detail)`.
pub async fn audit_log(state: &AppState) -> Vec<(String, Option<i64>, Option<i64>, String)> {
    let query = senda::audit::store::AuditQuery { limit: 100, ..Default::default() };
    let mut events: Vec<_> = state
        .store
        .audit_events(&query)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.detail != FIXTURE)
        .map(|e| (e.action, e.actor.map(|p| p.id), e.subject.map(|p| p.id), e.detail))
        .collect();
    events.reverse();
    events
}

/// A second employment centre (the first comes with the migrations), for the people of
/// another centre.
pub async fn second_centre(state: &AppState) -> i64 {
    let centre = senda::organisations::NewCentre {
        name: "CEM Puno".into(),
        region: senda::domain::Region::parse("puno").unwrap(),
        address: String::new(),
        phone: String::new(),
        email: String::new(),
    };
    state.store.insert_centre(&centre).await.unwrap()
}

/// One way of asking for a record: a page or file by its address, a server function with its
/// form body, or a form posted to an address (which must change nothing).
pub enum Ask {
    Page(String),
    Function(&'static str, String),
    Post(String, String),
}

impl Ask {
    async fn send(&self, app: &Router, cookie: &str) -> Reply {
        match self {
            Ask::Page(path) => send(app, get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap()).await,
            Ask::Function(path, body) => send(app, server_fn_call(path, body, Some(cookie))).await,
            Ask::Post(path, form) => send(app, post_form_from(path, form, ORIGIN, Some(cookie))).await,
        }
    }

    fn describe(&self) -> String {
        match self {
            Ask::Page(path) => path.clone(),
            Ask::Function(path, body) => format!("{path} {body}"),
            Ask::Post(path, form) => format!("POST {path} {form}"),
        }
    }
}

/// What `who` (signed in with `cookie`) learns by asking for real records (`real`) that they
/// would not learn asking for records that do not exist (`none`, the same asks in the same
/// order): each answer must be a refusal, the same refusal as for nothing, and hold none of
/// `secrets`. Each difference, described.
pub async fn outsider_leaks(
    app: &Router,
    who: &str,
    cookie: &str,
    real: &[Ask],
    none: &[Ask],
    secrets: &[&str],
) -> Vec<String> {
    let mut leaks = Vec::new();
    for (real, none) in real.iter().zip(none) {
        let (answer, nothing) = (real.send(app, cookie).await, none.send(app, cookie).await);
        let text = String::from_utf8_lossy(&answer.raw);
        let refused = matches!(answer.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN);
        if !refused || answer.status != nothing.status || secrets.iter().any(|secret| text.contains(secret)) {
            leaks.push(format!("{} as {who}: {} (for no record: {})", real.describe(), answer.status, nothing.status));
        }
    }
    leaks
}
