//! Signing in: the password form's post, rate-limited per address and per account, with a
//! dummy hash for unknown addresses so timing tells nothing.

use super::{email_field, hash_failed, kept, link, too_many};
use crate::accounts::{ACCOUNT_PATH, CONFIRM_EMAIL_PATH, KEEP_SIGNED_IN};
use crate::audit::AuditAction;
use crate::components::form::FormState;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key, Lang};
use crate::server::audit::{record, AuditEvent};
use crate::server::auth::limits::{client_ip, MAIL_PER_ADDRESS, SIGN_IN_FAILURES_PER_ACCOUNT, SIGN_IN_PER_IP};
use crate::server::auth::{now, tokens, NewToken, TokenPurpose};
use crate::server::db::prelude::*;
use crate::server::forms::{field, read, render_again};
use crate::server::redirect::safe_return_path;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

/// How long a link confirming an email works.
pub(super) const CONFIRM_LINK_SECS: i64 = 24 * 3600;

/// Signs in with email and password. An unknown email and a wrong password get the same
/// message after the same work (a dummy hash is checked), so neither answer nor timing tells
/// whether an account exists. Attempts are limited per address and failures per account.
pub async fn sign_in(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    // The sign-in page's other form: a passkey alone.
    if !field(&fields, crate::second_factor::CEREMONY_FIELD).is_empty() {
        return crate::second_factor::passkey_handlers::sign_in(&state, parts, &fields).await;
    }
    let lang = Ui::from_request(&parts).lang;
    let mut errors = FieldErrors::default();
    let email = email_field(lang, &fields, &mut errors);
    let password = field(&fields, "password");
    if password.is_empty() {
        errors.push("password", t(lang, Key::sign_in_err_password_empty));
    }
    let values = kept(&fields, &["email", "return_to", KEEP_SIGNED_IN]);
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    };

    let store = state.store.as_ref();
    let now = now();
    let ip = client_ip(&parts, state.trust_forwarded_for);
    let by_address = SIGN_IN_PER_IP.hit(store, &ip, now).await?;
    let by_account = SIGN_IN_FAILURES_PER_ACCOUNT.check(store, email.as_str(), now).await?;
    if let Err(limited) = by_address.and(by_account) {
        tracing::warn!(retry_after = limited.retry_after, "sign-in refused: rate limit");
        return Ok(too_many(&state, parts, values, "email", Key::sign_in_err_limited, limited).await);
    }

    let credentials = store.credentials(email.as_str()).await?;
    let verdict = state
        .passwords
        .verify(password, credentials.as_ref().map(|c| c.password_hash.as_str()))
        .await
        .map_err(hash_failed)?;
    let tried = credentials.as_ref().map(|c| c.account_id);
    let Some(credentials) = credentials.filter(|_| verdict.matches) else {
        // Counted, never refused here: the check above decides.
        let _ = SIGN_IN_FAILURES_PER_ACCOUNT.hit(store, email.as_str(), now).await?;
        // The account tried, where there is one; never the typed address (it may be a typo of
        // someone else's, or a password typed in the wrong field).
        let mut event = AuditEvent::of_request(AuditAction::SignInFailed, &state, &parts);
        event.subject_id = tried;
        event.actor_id = None;
        record(&state, &event).await;
        tracing::info!("sign-in refused");
        errors.push("email", t(lang, Key::sign_in_err_wrong));
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    };
    let account_id = credentials.account_id;
    if let Some(hash) = verdict.rehashed {
        if let Err(err) = store.set_password_hash(account_id, &hash).await {
            tracing::warn!(error = %err, "cannot store the stronger password hash");
        }
    }
    let actor = store.account_actor(account_id).await?.ok_or(AppError::NotFound)?;
    if !credentials.email_verified {
        // The right password, but the address was never confirmed: send a fresh link.
        let sent = send_confirmation(&state, lang, account_id, &actor.email, &actor.name).await?;
        return Ok(super::check_email_here(&state, &sent.unwrap_or_else(super::no_code)));
    }
    // A new session every time: whatever session the browser had before is ended.
    let requested = field(&fields, "return_to");
    let target = if requested.is_empty() { ACCOUNT_PATH } else { safe_return_path(Some(requested)) };
    let keep = field(&fields, KEEP_SIGNED_IN) == "si";
    super::start_session(&state, &parts, &actor, "password", keep, None, target).await
}

/// Queues a message with a new link that confirms the account's email, unless this address
/// has had its share of messages this hour; the hash of the link's code when it was sent.
pub(super) async fn send_confirmation(
    state: &AppState,
    lang: Lang,
    account_id: i64,
    email: &str,
    name: &str,
) -> DbResult<Option<String>> {
    let now = now();
    if MAIL_PER_ADDRESS.hit(state.store.as_ref(), email, now).await?.is_err() {
        tracing::warn!(account_id, "confirmation link not sent: mail limit for this address");
        return Ok(None);
    }
    let code = tokens::new_token();
    let token = NewToken {
        token_hash: tokens::sha256_hex(&code),
        purpose: TokenPurpose::VerifyEmail,
        now,
        expires_at: now + CONFIRM_LINK_SECS,
    };
    let mail = confirmation_mail(state, lang, email, name, &code);
    state.store.issue_token(account_id, &token, &mail).await?;
    state.outbox.queued();
    Ok(Some(token.token_hash))
}

pub(super) fn confirmation_mail(
    state: &AppState,
    lang: Lang,
    email: &str,
    name: &str,
    code: &str,
) -> crate::server::mail::OutgoingMail {
    let link = link(state, CONFIRM_EMAIL_PATH, code);
    crate::server::mail::compose(
        lang,
        email,
        Key::mail_verify_subject,
        Key::mail_verify_body,
        &[("name", name), ("link", &link)],
    )
}
