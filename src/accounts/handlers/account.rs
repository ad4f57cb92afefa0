//! My account's security posts: signing out, changing the password, ending one session or all
//! the others, and keeping a session open from the timeout warning.

use super::{confirm_current_password, hash_failed, new_password_field, sign_in_first, signed_in};
use crate::accounts::{ACCOUNT_PATH, CHANGE_PASSWORD_PATH, FORGOT_PASSWORD_PATH, SESSIONS_PATH};
use crate::audit::AuditAction;
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::domain::lima_time::format_lima;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key};
use crate::server::audit::AuditEvent;
use crate::server::auth::now;
use crate::server::auth::session::CurrentSession;
use crate::server::forms::{field, read, render_again};
use crate::server::mail::compose;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Ends the session on the server and in the browser. Language and display preferences stay:
/// they are the person's way of reading the site, not account data.
pub async fn sign_out(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    if let Some(current) = request.extensions().get::<CurrentSession>() {
        state.store.delete_session(&current.token_hash).await?;
        tracing::info!(account_id = current.actor.account_id, "signed out");
    }
    Ok(super::signed_out_to(&state, "/"))
}

/// Changes my password, given the current one. Every other session of mine ends, this one
/// stays, and a message tells the address on the account (in case it was not me).
pub async fn change_password(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let Some(current) = signed_in(&parts) else { return Ok(sign_in_first(CHANGE_PASSWORD_PATH)) };
    let lang = Ui::from_request(&parts).lang;
    let account_id = current.actor.account_id;
    let store = state.store.as_ref();
    let now = now();
    let mut errors = FieldErrors::default();
    if field(&fields, "current_password").is_empty() {
        errors.push("current_password", t(lang, Key::change_password_err_current_empty));
    }
    let new_password = new_password_field(lang, &fields, "new_password", &mut errors);
    let Some(new_password) = new_password.filter(|_| errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values: Vec::new(), errors }).await);
    };
    let parts = match confirm_current_password(&state, parts, account_id, &fields, "current_password", Vec::new()).await
    {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let new_hash = state.passwords.hash(new_password.expose()).await.map_err(hash_failed)?;
    let audit = AuditEvent::of_request(AuditAction::PasswordChanged, &state, &parts).about(account_id);
    store.change_password(account_id, &new_hash, &current.token_hash, &audit).await?;
    let forgot = format!("{}{FORGOT_PASSWORD_PATH}", state.public_origin);
    let mail = compose(
        lang,
        &current.actor.email,
        Key::mail_changed_subject,
        Key::mail_changed_body,
        &[("name", &current.actor.name), ("when", &format_lima(now)), ("forgot", &forgot)],
    );
    // The password is changed whatever happens to this message; losing it is logged.
    match store.queue_mail(&mail, now).await {
        Ok(_) => state.outbox.queued(),
        Err(err) => tracing::error!(error = %err, account_id, "cannot queue the password-changed message"),
    }
    tracing::info!(account_id, "password changed; other sessions ended");
    Ok(see_other(&Notice::PasswordChanged.on(ACCOUNT_PATH)))
}

/// Counts as activity: 204 while the session lives, 401 once it has ended. Called by the
/// session-timeout warning with `fetch`, so it answers with a status, not a page.
pub async fn keep_alive(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let Some(current) = request.extensions().get::<CurrentSession>() else {
        return Ok(StatusCode::UNAUTHORIZED.into_response());
    };
    state.store.touch_session(&current.token_hash, now()).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Signs out one of my other devices.
pub async fn end_session(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let Some(current) = signed_in(&parts) else { return Ok(sign_in_first(SESSIONS_PATH)) };
    let target = field(&fields, "session");
    // Only the account's own sessions match: another account's id deletes nothing.
    let ended = state.store.delete_session_of(current.actor.account_id, target).await?;
    tracing::info!(account_id = current.actor.account_id, ended, "one session ended by its owner");
    Ok(see_other(&Notice::SessionEnded.on(SESSIONS_PATH)))
}

/// Signs out every device of mine but this one.
pub async fn end_other_sessions(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, _) = read(request).await;
    let Some(current) = signed_in(&parts) else { return Ok(sign_in_first(SESSIONS_PATH)) };
    let ended = state.store.delete_other_sessions(current.actor.account_id, &current.token_hash, now()).await?;
    tracing::info!(account_id = current.actor.account_id, ended, "other sessions ended by their owner");
    Ok(see_other(&Notice::SessionsEnded.on(SESSIONS_PATH)))
}
