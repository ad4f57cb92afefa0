//! The answers the password steps share: confirming the signed-in person's password before a
//! change that needs it (the register uses it too, before deleting a profile), the form again
//! after too many tries, and the error of a busy or failed password hash.

use crate::components::form::FormState;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, t_with, Key};
use crate::server::auth::limits::Limited;
use crate::server::auth::password::HashError;
use crate::server::forms::{field, render_again};
use crate::server::state::AppState;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

type Fields = [(String, String)];

/// Confirms the signed-in person by their current password, typed in `fields[field_id]`,
/// before a change that needs it. Gives `parts` back when it matches; otherwise the answer:
/// the form again (keeping `values`) with the error on the field, `429` after too many wrong
/// tries (counted per account, so a stolen session cannot be used to guess the password
/// behind it), or the failure.
pub async fn confirm_current_password(
    state: &AppState,
    parts: Parts,
    account_id: i64,
    fields: &Fields,
    field_id: &str,
    values: Vec<(String, String)>,
) -> Result<Parts, Response> {
    use crate::server::auth::limits::PASSWORD_CHANGE_FAILURES;
    let lang = crate::ui::Ui::from_request(&parts).lang;
    let store = state.store.as_ref();
    let (key, now) = (account_id.to_string(), crate::server::auth::now());
    let typed = field(fields, field_id);
    let wrong = if typed.is_empty() {
        Key::change_password_err_current_empty
    } else {
        match PASSWORD_CHANGE_FAILURES.check(store, &key, now).await {
            Ok(Ok(())) => {}
            Ok(Err(limited)) => {
                return Err(too_many(state, parts, values, field_id, Key::form_err_limited, limited).await)
            }
            Err(err) => return Err(failed(err)),
        }
        let stored = store.password_hash(account_id).await.map_err(failed)?;
        let verdict = state.passwords.verify(typed, stored.as_deref()).await.map_err(|err| failed(hash_failed(err)))?;
        if verdict.matches {
            return Ok(parts);
        }
        // Counted, never refused here: the check above decides.
        let _ = PASSWORD_CHANGE_FAILURES.hit(store, &key, now).await.map_err(failed)?;
        Key::change_password_err_current_wrong
    };
    let mut errors = FieldErrors::default();
    errors.push(field_id, t(lang, wrong));
    Err(render_again(state, parts, FormState { values, errors }).await)
}

/// The form again, with the rate-limit message on `field_id`, as `429` with `Retry-After`.
pub(crate) async fn too_many(
    state: &AppState,
    parts: Parts,
    values: Vec<(String, String)>,
    field_id: &str,
    message: Key,
    limited: Limited,
) -> Response {
    let lang = crate::ui::Ui::from_request(&parts).lang;
    let minutes = ((limited.retry_after + 59) / 60).to_string();
    let mut errors = FieldErrors::default();
    errors.push(field_id, t_with(lang, message, &[("minutes", &minutes)]));
    let mut response = render_again(state, parts, FormState { values, errors }).await;
    *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(limited.retry_after));
    response
}

pub(crate) fn failed(err: impl Into<AppError>) -> Response {
    err.into().into_response()
}

/// The error when hashing a password did not work: the queue was full (`429`: busy, try again
/// in a moment; nothing was done) or hashing broke (`500`).
pub(crate) fn hash_failed(err: HashError) -> AppError {
    match err {
        HashError::Busy => AppError::RateLimited { retry_after: 2 },
        HashError::Internal => AppError::internal("password hashing failed"),
    }
}
