//! The form endpoints of accounts. Plain HTML form posts, answered with a redirect on
//! success and the same page with its errors on failure; the helpers they share are here.

mod account;
mod links;
mod my_data;
mod roles;
mod sign_in;
mod sign_up;
mod staff;

pub(crate) use crate::server::auth::password_step::{confirm_current_password, hash_failed, too_many};
use crate::server::plain_page::sign_in_first;
pub use account::{change_password, end_other_sessions, end_session, keep_alive, sign_out};
pub use links::{confirm_email, forgot_password, reset_password};
pub use my_data::{cancel_email_change, change_email, confirm_email_change, delete_account, export_data};
pub use roles::change_role;
pub use sign_in::sign_in;
pub use sign_up::{sign_up, sign_up_employer};
pub use staff::create_staff;

use crate::domain::email::{Email, EmailError};
use crate::domain::password::{NewPassword, PasswordError};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key, Lang};
use crate::server::auth::session::CurrentSession;
use crate::server::forms::field;
use crate::server::state::AppState;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::response::Response;

type Fields = [(String, String)];

/// The email in `fields["email"]`, or its error on the field.
fn email_field(lang: Lang, fields: &Fields, errors: &mut FieldErrors) -> Option<Email> {
    match Email::parse(field(fields, "email")) {
        Ok(email) => Some(email),
        Err(EmailError::Empty) => {
            errors.push("email", t(lang, Key::sign_in_err_email_empty));
            None
        }
        Err(_) => {
            errors.push("email", t(lang, Key::sign_in_err_email_invalid));
            None
        }
    }
}

/// A new password from `fields[id]`, or its error on the field.
fn new_password_field(lang: Lang, fields: &Fields, id: &str, errors: &mut FieldErrors) -> Option<NewPassword> {
    match NewPassword::parse(field(fields, id)) {
        Ok(password) => Some(password),
        Err(err) => {
            let key = match err {
                PasswordError::TooShort => Key::password_err_short,
                PasswordError::TooLong => Key::password_err_long,
                PasswordError::TooCommon => Key::password_err_common,
            };
            errors.push(id, t(lang, key));
            None
        }
    }
}

use crate::server::forms::kept_only as kept;

/// The signed-in session of a form post, if any.
fn signed_in(parts: &Parts) -> Option<CurrentSession> {
    parts.extensions.get::<CurrentSession>().cloned()
}

/// Starts a new session for `actor` (ending whatever session the browser had), one that
/// outlives the browser when `kept`, records the sign-in in the audit log (`how`: "password"
/// or "email link"), and answers as [`signed_in_to`] does.
pub(crate) async fn start_session(
    state: &AppState,
    parts: &Parts,
    actor: &crate::accounts::Actor,
    how: &str,
    kept: bool,
    second_factor_at: Option<i64>,
    target: &str,
) -> Result<Response, AppError> {
    use crate::server::audit::{record, AuditEvent};
    let store = state.store.as_ref();
    if let Some(old) = parts.extensions.get::<CurrentSession>() {
        let _ = store.delete_session(&old.token_hash).await;
    }
    if let Some(old) = parts.extensions.get::<crate::server::auth::session::AwaitingSecondFactor>() {
        let _ = store.delete_session(&old.token_hash).await;
    }
    let user_agent = parts.headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    // A second factor, where the account has one and it was not given on the way in (a
    // passkey), is asked next (`second_factor::gate`).
    let cookie =
        crate::server::auth::session::start(store, &state.sessions, actor, user_agent, kept, second_factor_at).await?;
    let account_id = actor.account_id;
    tracing::info!(account_id, how, "signed in");
    let event = AuditEvent::of_request(crate::audit::AuditAction::SignIn, state, parts)
        .by(account_id)
        .about(account_id)
        .detail(how);
    record(state, &event).await;
    Ok(signed_in_to(state, parts, account_id, target, &cookie).await)
}

/// The answer to a sign-in: `303` to `target` with the session cookie, and the person's saved
/// preferences and language as cookies, so the site reads as they set it on any device. An
/// account with nothing saved yet takes what this browser uses, which follows it from now on.
async fn signed_in_to(
    state: &AppState,
    parts: &Parts,
    account_id: i64,
    target: &str,
    session_cookie: &str,
) -> Response {
    use crate::i18n::Lang;
    use crate::preferences::{cookie_value, Prefs, PREFS_COOKIE};
    let mut response = crate::server::redirect::see_other_with_cookie(target, session_cookie);
    let (saved_prefs, saved_lang) = match state.store.settings(account_id).await {
        Ok(settings) => settings,
        Err(err) => {
            tracing::warn!(error = %err, "cannot read the account's preferences");
            return response;
        }
    };
    let cookies: Vec<&str> = parts.headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).collect();
    let here = |name| cookies.iter().find_map(|c| cookie_value(c, name));
    let mut set = Vec::new();
    match saved_prefs {
        Some(value) => set.push(Prefs::from_cookie_value(&value).set_cookie_header()),
        None => {
            if let Some(value) = here(PREFS_COOKIE) {
                let value = Prefs::from_cookie_value(value).to_cookie_value();
                let _ = state.store.save_settings(account_id, Some(&value), None).await;
            }
        }
    }
    match saved_lang.as_deref().and_then(Lang::from_code) {
        Some(lang) => set.push(lang.set_cookie_header()),
        None => {
            if let Some(lang) = here(crate::i18n::LANG_COOKIE).and_then(Lang::from_code) {
                let _ = state.store.save_settings(account_id, None, Some(lang.code())).await;
            }
        }
    }
    for cookie in set {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Sends the browser to `path` signed out: the session cookie cleared, and the browser told to
/// drop what it cached of the signed-in pages.
fn signed_out_to(state: &AppState, path: &str) -> Response {
    let mut response = crate::server::redirect::see_other_with_cookie(path, &state.sessions.clearing_cookie());
    response.headers_mut().insert("clear-site-data", HeaderValue::from_static("\"cache\", \"storage\""));
    response
}

/// The cookie that marks the browser an account was signed up in (or a new confirmation link
/// asked for, with the password): it holds the hash of the emailed code, so that the link
/// signs in only there. Anywhere else it confirms the address and asks for the password —
/// whoever signs up first with someone else's address must not hand them an account with a
/// password they did not choose, nor get one through their click.
const ASKED_HERE: &str = "senda_confirma";

/// "Check your email", remembering in this browser which link it asked for (`code_hash`, the
/// hash of the emailed code; a random one when nothing was sent, so every answer looks alike).
fn check_email_here(state: &AppState, code_hash: &str) -> Response {
    state.outbox.queued();
    let secure = if state.sessions.secure_cookie { "; Secure" } else { "" };
    let cookie = format!(
        "{ASKED_HERE}={code_hash}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{secure}",
        sign_in::CONFIRM_LINK_SECS
    );
    crate::server::redirect::see_other_with_cookie(super::CHECK_EMAIL_PATH, &cookie)
}

/// Whether this browser is the one the emailed `code` was asked for in.
fn asked_here(parts: &Parts, code: &str) -> bool {
    let hash = crate::server::auth::tokens::sha256_hex(code);
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| crate::domain::prefs::cookie_value(c, ASKED_HERE) == Some(hash.as_str()))
}

/// A hash that matches no emailed code, for an answer that must look like one that sent it.
fn no_code() -> String {
    let token = crate::server::auth::tokens::new_token();
    crate::server::auth::tokens::sha256_hex(&token)
}

/// An absolute link to `path` with an emailed-link code, for a message.
fn link(state: &AppState, path: &str, code: &str) -> String {
    format!("{}{path}?{}={code}", state.public_origin, super::LINK_CODE)
}
