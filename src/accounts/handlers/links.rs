//! The emailed links' posts: confirming a new address, asking for a password-reset link, and
//! setting a new password with one.

use super::{email_field, hash_failed, kept, link, new_password_field, too_many};
use crate::accounts::{ACCOUNT_PATH, CHECK_EMAIL_PATH, LINK_CODE, RESET_PASSWORD_PATH, SIGN_IN_PATH};
use crate::audit::AuditAction;
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::i18n::Key;
use crate::server::audit::AuditEvent;
use crate::server::auth::limits::{client_ip, MAIL_PER_ADDRESS, RESET_CODE_MISSES_PER_IP, RESET_PER_IP};
use crate::server::auth::{now, tokens, NewToken, TokenPurpose};
use crate::server::forms::{field, read, render_again};
use crate::server::mail::compose;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::http::header;
use axum::response::Response;

/// How long a password-reset link works.
const RESET_LINK_SECS: i64 = 3600;

/// The confirm button of an emailed link: the email counts as confirmed, and the person is
/// signed in if this is the browser the account was made in (see `ASKED_HERE`); anywhere else
/// they are asked for the password. A used or expired link shows its page again, which says
/// so.
pub async fn confirm_email(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let code = field(&fields, LINK_CODE);
    let store = state.store.as_ref();
    let account_id =
        if tokens::well_formed(code) { store.verify_email(&tokens::sha256_hex(code), now()).await? } else { None };
    let Some(account_id) = account_id else {
        return Ok(render_again(&state, parts, FormState::default()).await);
    };
    if !super::asked_here(&parts, code) {
        tracing::info!(account_id, "email confirmed from another browser; sign-in asked for");
        return Ok(see_other(&Notice::EmailConfirmedSignIn.on(SIGN_IN_PATH)));
    }
    let actor = store.account_actor(account_id).await?.ok_or(AppError::NotFound)?;
    let target = Notice::EmailConfirmed.on(ACCOUNT_PATH);
    super::start_session(&state, &parts, &actor, "email link", false, None, &target).await
}

/// Asks for a reset link. The answer is the same whether or not the address has an account;
/// only an account's address gets a message.
pub async fn forgot_password(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let lang = Ui::from_request(&parts).lang;
    let mut errors = FieldErrors::default();
    let values = kept(&fields, &["email"]);
    let Some(email) = email_field(lang, &fields, &mut errors) else {
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    };
    let store = state.store.as_ref();
    let now = now();
    if let Err(limited) = RESET_PER_IP.hit(store, &client_ip(&parts, state.trust_forwarded_for), now).await? {
        return Ok(too_many(&state, parts, values, "email", Key::form_err_limited, limited).await);
    }
    // Counted for every address, known or not, so both take the same path to the database.
    let within_limit = MAIL_PER_ADDRESS.hit(store, email.as_str(), now).await?.is_ok();
    let account = store.credentials(email.as_str()).await?;
    if let Some(account) = account.filter(|_| within_limit) {
        let code = tokens::new_token();
        let token = NewToken {
            token_hash: tokens::sha256_hex(&code),
            purpose: TokenPurpose::ResetPassword,
            now,
            expires_at: now + RESET_LINK_SECS,
        };
        let reset_link = link(&state, RESET_PASSWORD_PATH, &code);
        let mail =
            compose(lang, email.as_str(), Key::mail_reset_subject, Key::mail_reset_body, &[("link", &reset_link)]);
        store.issue_token(account.account_id, &token, &mail).await?;
        state.outbox.queued();
        tracing::info!(account_id = account.account_id, "password reset link queued");
    }
    Ok(see_other(CHECK_EMAIL_PATH))
}

/// Sets a new password from a reset link: every session of the account ends, and the person
/// signs in again with the new password.
pub async fn reset_password(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let lang = Ui::from_request(&parts).lang;
    let mut errors = FieldErrors::default();
    let code = field(&fields, LINK_CODE).to_string();
    let values = kept(&fields, &[LINK_CODE]);
    let Some(password) = new_password_field(lang, &fields, "password", &mut errors) else {
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    };
    let store = state.store.as_ref();
    let (ip, now) = (client_ip(&parts, state.trust_forwarded_for), now());
    if let Err(limited) = RESET_CODE_MISSES_PER_IP.check(store, &ip, now).await? {
        return Ok(too_many(&state, parts, values, "password", Key::form_err_limited, limited).await);
    }
    // A dead code is found by a cheap look-up before the costly hash, so made-up codes cannot
    // keep the hashing queue full and everyone's sign-in waiting.
    let live = tokens::well_formed(&code)
        && store.token_account(&tokens::sha256_hex(&code), TokenPurpose::ResetPassword, now).await?.is_some();
    if !live {
        // Counted, never refused here: the check above decides.
        let _ = RESET_CODE_MISSES_PER_IP.hit(store, &ip, now).await?;
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    }
    let password_hash = state.passwords.hash(password.expose()).await.map_err(hash_failed)?;
    let audit = AuditEvent::of_request(AuditAction::PasswordReset, &state, &parts);
    Ok(match state.store.reset_password(&tokens::sha256_hex(&code), &password_hash, &audit).await? {
        Some(account_id) => {
            tracing::info!(account_id, "password reset; every session ended");
            let mut response = see_other(&Notice::PasswordReset.on(SIGN_IN_PATH));
            // This browser's session, if any, ended with the others.
            if let Ok(value) = state.sessions.clearing_cookie().parse() {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            response
        }
        // Used or expired meanwhile: the page, shown again, says so.
        None => render_again(&state, parts, FormState { values, errors }).await,
    })
}
