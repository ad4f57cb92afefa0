//! The form endpoints of accounts: sign in and sign out. Plain HTML form posts, answered with a
//! redirect on success and the same page with its errors on failure.

use super::{ACCOUNT_PATH, SIGN_IN_PATH};
use crate::components::form::FormState;
use crate::domain::email::{Email, EmailError};
use crate::error::FieldErrors;
use crate::i18n::{t, Key};
use crate::server::auth::password::HashError;
use crate::server::auth::session::{self, CurrentSession};
use crate::server::forms::{field, read, render_again};
use crate::server::redirect::safe_return_path;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Signs in with email and password. An unknown email and a wrong password get the same
/// message after the same work (a dummy hash is checked), so neither answer nor timing tells
/// whether an account exists.
pub async fn sign_in(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let mut errors = FieldErrors::default();
    let email = match Email::parse(field(&fields, "email")) {
        Ok(email) => Some(email),
        Err(EmailError::Empty) => {
            errors.push("email", t(lang, Key::sign_in_err_email_empty));
            None
        }
        Err(_) => {
            errors.push("email", t(lang, Key::sign_in_err_email_invalid));
            None
        }
    };
    let password = field(&fields, "password");
    if password.is_empty() {
        errors.push("password", t(lang, Key::sign_in_err_password_empty));
    }
    let kept = |fields: &[(String, String)]| {
        fields.iter().filter(|(k, _)| k == "email" || k == "return_to").cloned().collect::<Vec<_>>()
    };
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
    };

    let credentials = match state.store.credentials(email.as_str()).await {
        Ok(credentials) => credentials,
        Err(err) => return crate::error::AppError::from(err).into_response(),
    };
    let verdict = match state.passwords.verify(password, credentials.as_ref().map(|c| c.password_hash.as_str())).await {
        Ok(verdict) => verdict,
        Err(HashError::Busy) => return busy(lang),
        Err(HashError::Internal) => return crate::error::AppError::internal("password check failed").into_response(),
    };
    let Some(account_id) = credentials.filter(|_| verdict.matches).map(|c| c.account_id) else {
        tracing::info!("sign-in refused");
        errors.push("email", t(lang, Key::sign_in_err_wrong));
        return render_again(&state, parts, FormState { values: kept(&fields), errors }).await;
    };
    if let Some(hash) = verdict.rehashed {
        if let Err(err) = state.store.set_password_hash(account_id, &hash).await {
            tracing::warn!(error = %err, "cannot store the stronger password hash");
        }
    }
    let actor = match state.store.account_actor(account_id).await {
        Ok(Some(actor)) => actor,
        Ok(None) => return crate::error::AppError::NotFound.into_response(),
        Err(err) => return crate::error::AppError::from(err).into_response(),
    };
    // A new session every time: whatever session the browser had before is ended.
    if let Some(old) = parts.extensions.get::<CurrentSession>() {
        let _ = state.store.delete_session(&old.token_hash).await;
    }
    let user_agent = parts.headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    let cookie = match session::start(state.store.as_ref(), &state.sessions, &actor, user_agent).await {
        Ok(cookie) => cookie,
        Err(err) => return crate::error::AppError::from(err).into_response(),
    };
    tracing::info!(account_id, "signed in");
    let requested = field(&fields, "return_to");
    let target = if requested.is_empty() { ACCOUNT_PATH } else { safe_return_path(Some(requested)) };
    crate::server::redirect::see_other_with_cookie(target, &cookie)
}

/// Ends the session on the server and in the browser. Language and display preferences stay:
/// they are the person's way of reading the site, not account data.
pub async fn sign_out(State(state): State<AppState>, request: Request) -> Response {
    if let Some(current) = request.extensions().get::<CurrentSession>() {
        if let Err(err) = state.store.delete_session(&current.token_hash).await {
            return crate::error::AppError::from(err).into_response();
        }
        tracing::info!(account_id = current.actor.account_id, "signed out");
    }
    let mut response = crate::server::redirect::see_other_with_cookie("/", &state.sessions.clearing_cookie());
    response.headers_mut().insert("clear-site-data", HeaderValue::from_static("\"cache\", \"storage\""));
    response
}

fn busy(lang: crate::i18n::Lang) -> Response {
    let mut response = crate::server::plain_page::respond(
        lang,
        StatusCode::TOO_MANY_REQUESTS,
        Key::busy_title,
        Key::busy_h1,
        Key::busy_body,
        (SIGN_IN_PATH, Key::sign_in_title),
    );
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
    response
}
