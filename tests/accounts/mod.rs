//! Accounts through the real router, a file per part: signing in and out, posts from other
//! sites, signing up, what a person does with their own account, and staff made by admins.
//! Here: the helpers they share.

mod authenticator;
mod cross_site;
mod expiry;
mod links;
mod my_account;
mod passkeys;
mod second_factor;
mod sign_in;
mod sign_up;
mod staff;

use crate::common;
use axum::body::Body;
use axum::http::{header, StatusCode};
use common::web::*;
use senda::accounts::{Role, RoleGrant};
use senda::domain::Email;
use senda::server::auth::{now, NewAccount};
use senda::server::state::AppState;

const PASSWORD: &str = "una frase larga de prueba";

async fn seeker(state: &AppState, email: &str) -> i64 {
    let password_hash = state.passwords.hash(PASSWORD).await.unwrap();
    state
        .store
        .create_account(&NewAccount {
            email: Email::parse(email).unwrap(),
            name: "Rosa Quispe".into(),
            password_hash,
            role: RoleGrant { role: Role::Seeker, company_id: None, centre_id: None },
            email_verified: true,
            now: now(),
        })
        .await
        .unwrap()
}

/// The `name=value` of the session cookie a response sets.
fn session_cookie(reply: &Reply) -> String {
    reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("senda_session="))
        .map(|c| c.split(';').next().unwrap().to_string())
        .expect("a session cookie")
}

/// The mark a sign-up leaves in its browser (`name=value`), which lets that browser's click on
/// the emailed link sign in.
fn asked_here(reply: &Reply) -> String {
    set_cookies(reply)
        .into_iter()
        .find(|c| c.starts_with("senda_confirma="))
        .map(|c| c.split(';').next().unwrap().to_string())
        .expect("the browser that signed up is marked")
}

/// Follows the emailed `link`'s confirm button in the browser with `cookie`.
async fn confirm_link(app: &axum::Router, link: &str, cookie: &str) -> Reply {
    let code = link.split("codigo=").nth(1).unwrap();
    send(app, post_form_from("/registro/confirmar", &form_body(&[("codigo", code)]), ORIGIN, Some(cookie))).await
}

/// Every `Set-Cookie` of a response.
fn set_cookies(reply: &Reply) -> Vec<String> {
    reply.headers.get_all(header::SET_COOKIE).iter().map(|c| c.to_str().unwrap().to_string()).collect()
}

fn form_body(pairs: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap()
}

/// The path and query of the one link to this site in the newest message to `address`.
async fn emailed_link(state: &AppState, address: &str) -> String {
    let outbox = state.store.mail_to(address).await.unwrap();
    let body = &outbox.last().expect("a message").body;
    let at = body.find(ORIGIN).expect("a link to the site") + ORIGIN.len();
    body[at..].split_whitespace().next().unwrap().to_string()
}

fn signed_in_get(path: &str, cookie: &str) -> axum::http::Request<Body> {
    get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap()
}

async fn sign_in_with(app: &axum::Router, email: &str, password: &str) -> Reply {
    send(app, post_form("/entrar", &form_body(&[("email", email), ("password", password)]))).await
}

async fn staff_cookie(state: &AppState, email: &str, role: RoleGrant) -> String {
    let id = state
        .store
        .create_account(&NewAccount {
            email: Email::parse(email).unwrap(),
            name: "Ana Torres".into(),
            password_hash: state.passwords.hash(PASSWORD).await.unwrap(),
            role,
            email_verified: true,
            now: now(),
        })
        .await
        .unwrap();
    let actor = state.store.account_actor(id).await.unwrap().unwrap();
    common::web::session_cookie_for(state, &actor).await
}

/// The audit log, oldest first, as `(action, actor, subject)`.
async fn audit_trail(state: &AppState) -> Vec<(String, Option<i64>, Option<i64>)> {
    audit_log(state).await.into_iter().map(|(action, actor, subject, _)| (action, actor, subject)).collect()
}
