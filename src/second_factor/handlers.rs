//! The form posts of the second factor: a code to finish a sign-in or before a sensitive
//! action (or a passkey's answer, handed to `passkey_handlers`), setting up an app, new
//! recovery codes, turning it off, and an admin's reset.
//! Wrong codes count against the account's limit wherever they are typed.

use super::recovery;
use super::store::NewTotp;
use super::totp;
use super::{NewRecoveryCodes, CODE_FIELD, RECOVERY_CODES_PATH, REMOVE_PATH, RESET_PATH, SECURITY_PATH};
use crate::accounts::{Role, ACCOUNT_PATH};
use crate::audit::AuditAction;
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::domain::lima_time::format_lima;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key, Lang};
use crate::server::access::permits;
use crate::server::audit::{record, AuditEvent};
use crate::server::auth::limits::SECOND_FACTOR_FAILURES;
use crate::server::auth::now;
use crate::server::auth::password_step::{confirm_current_password, too_many};
use crate::server::auth::session::{AwaitingSecondFactor, CurrentSession};
use crate::server::db::prelude::*;
use crate::server::forms::{field, kept_only as kept, read, render_again, render_showing};
use crate::server::plain_page::sign_in_first;
use crate::server::redirect::{safe_return_path, see_other};
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::response::Response;

type Fields = [(String, String)];

/// How a typed code went.
enum Checked {
    App,
    Recovery { left: i64 },
    Refused(Key),
}

/// Finishes a password sign-in with a code, or gives one before a sensitive action. An app's
/// code works once; a recovery code too, and using one says how many are left.
pub async fn give_code(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let (account_id, session, signing_in) =
        match (parts.extensions.get::<AwaitingSecondFactor>(), parts.extensions.get::<CurrentSession>()) {
            (Some(awaiting), _) => (awaiting.account_id, awaiting.token_hash.clone(), true),
            (None, Some(current)) if current.has_second_factor => {
                (current.actor.account_id, current.token_hash.clone(), false)
            }
            (None, Some(_)) => return Ok(see_other(SECURITY_PATH)),
            // Nothing to finish: the sign-in owing this code ended, or never began.
            (None, None) => return Ok(see_other(crate::accounts::SIGN_IN_PATH)),
        };
    if !field(&fields, super::CEREMONY_FIELD).is_empty() {
        return super::passkey_handlers::confirm(&state, parts, &fields, account_id, &session, signing_in).await;
    }
    let values = kept(&fields, &["return_to"]);
    let target = onward(&fields);
    let typed = field(&fields, CODE_FIELD).trim();
    if typed.is_empty() {
        return Ok(refuse(&state, parts, values, Key::code_err_empty).await);
    }
    let limited = limited(&state, parts, account_id, &values).await?;
    let parts = match limited {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let how = if signing_in { "sign-in" } else { "step-up" };
    let audit =
        AuditEvent::of_request(AuditAction::SecondFactorPassed, &state, &parts).by(account_id).about(account_id);
    match check(&state, account_id, typed, &session, audit.detail(how)).await? {
        Checked::App => {
            tracing::info!(account_id, how, "second factor passed");
            Ok(see_other(&target))
        }
        Checked::Recovery { left } => {
            tracing::info!(account_id, how, left, "second factor passed with a recovery code");
            let back = format!("{SECURITY_PATH}?volver={}", super::gate::encode(&target));
            Ok(see_other(&Notice::RecoveryCodeUsed.on(&back)))
        }
        Checked::Refused(key) => {
            counted_failure(&state, &parts, account_id).await?;
            Ok(refuse(&state, parts, values, key).await)
        }
    }
}

/// Checks `typed` — an app's code or a recovery code — and, when it passes, marks `session`.
async fn check(state: &AppState, account_id: i64, typed: &str, session: &str, audit: AuditEvent) -> DbResult<Checked> {
    let store = state.store.as_ref();
    if totp::looks_like_code(typed) {
        let Some(factor) = store.totp_factor(account_id).await? else {
            return Ok(Checked::Refused(Key::code_err_wrong));
        };
        let Some(key) = totp::decode(&factor.secret) else {
            tracing::error!(account_id, "a stored app secret does not decode");
            return Ok(Checked::Refused(Key::code_err_wrong));
        };
        let now = audit.at;
        return Ok(match totp::verify(&key, typed, now, factor.last_step) {
            Some(step) if store.pass_with_totp(account_id, step, session, &audit).await? => Checked::App,
            Some(_) => Checked::Refused(Key::code_err_used),
            None if totp::verify(&key, typed, now, i64::MIN).is_some() => Checked::Refused(Key::code_err_used),
            None => Checked::Refused(Key::code_err_wrong),
        });
    }
    let Some(hash) = recovery::hash(account_id, typed) else { return Ok(Checked::Refused(Key::code_err_format)) };
    let mut audit = audit;
    audit.action = AuditAction::RecoveryCodeUsed;
    Ok(match store.pass_with_recovery_code(account_id, &hash, session, &audit).await? {
        Some(left) => Checked::Recovery { left },
        None => Checked::Refused(Key::code_err_recovery),
    })
}

/// Sets up an authenticator app: the secret shown (carried back by the form), one code from
/// the app to prove it was added, and the password. Answers with the recovery codes, once.
pub async fn set_up_app(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let Some(current) = parts.extensions.get::<CurrentSession>().cloned() else {
        return Ok(sign_in_first(super::APP_PATH));
    };
    let account_id = current.actor.account_id;
    if state.store.factors_of(account_id).await?.app {
        return Ok(see_other(SECURITY_PATH));
    }
    let lang = Ui::from_request(&parts).lang;
    let secret = field(&fields, "secret");
    let key = totp::decode(secret);
    // A secret that is not one Senda made is not carried back: the page makes a new one.
    let values = if key.is_some() { kept(&fields, &["secret", "return_to"]) } else { kept(&fields, &["return_to"]) };
    let mut errors = FieldErrors::default();
    let typed = field(&fields, CODE_FIELD).trim();
    if key.is_none() {
        errors.push(CODE_FIELD, t(lang, Key::app_err_secret));
    } else if typed.is_empty() {
        errors.push(CODE_FIELD, t(lang, Key::code_err_empty));
    } else if !totp::looks_like_code(typed) {
        errors.push(CODE_FIELD, t(lang, Key::app_err_format));
    }
    if field(&fields, "password").is_empty() {
        errors.push("password", t(lang, Key::change_password_err_current_empty));
    }
    let Some(key) = key.filter(|_| errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    };
    let parts = match limited(&state, parts, account_id, &values).await? {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let parts = match confirm_current_password(&state, parts, account_id, &fields, "password", values.clone()).await {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let now = now();
    let Some(step) = totp::verify(&key, typed, now, i64::MIN) else {
        counted_failure(&state, &parts, account_id).await?;
        return Ok(refuse(&state, parts, values, Key::app_err_wrong).await);
    };
    let codes = recovery::new_set();
    let hashes = recovery::hashes(account_id, &codes);
    let audit = AuditEvent::of_request(AuditAction::SecondFactorAdded, &state, &parts).about(account_id).detail("app");
    let totp = NewTotp { secret: secret.trim(), step, recovery_hashes: &hashes };
    if !state.store.enrol_totp(account_id, &totp, &current.token_hash, &audit).await? {
        return Ok(see_other(SECURITY_PATH));
    }
    tracing::info!(account_id, "authenticator app set up");
    let next = onward(&fields);
    Ok(render_showing(&state, parts, NewRecoveryCodes { codes, next }).await)
}

/// A new set of recovery codes, given the password; the earlier set stops working.
pub async fn new_recovery_codes(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let Some(current) = parts.extensions.get::<CurrentSession>().cloned() else {
        return Ok(sign_in_first(RECOVERY_CODES_PATH));
    };
    let account_id = current.actor.account_id;
    if !current.has_second_factor {
        return Ok(see_other(SECURITY_PATH));
    }
    let parts = match confirm_current_password(&state, parts, account_id, &fields, "password", Vec::new()).await {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let codes = recovery::new_set();
    let hashes = recovery::hashes(account_id, &codes);
    let audit = AuditEvent::of_request(AuditAction::RecoveryCodesReplaced, &state, &parts).about(account_id);
    state.store.replace_recovery_codes(account_id, &hashes, &audit).await?;
    tracing::info!(account_id, "new recovery codes");
    let next = onward(&fields);
    Ok(render_showing(&state, parts, NewRecoveryCodes { codes, next }).await)
}

/// Turns my second factor off, given the password. Counsellors and admins are then asked to
/// set one up again before anything else.
pub async fn remove_second_factor(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let Some(current) = parts.extensions.get::<CurrentSession>().cloned() else {
        return Ok(sign_in_first(REMOVE_PATH));
    };
    let account_id = current.actor.account_id;
    let parts = match confirm_current_password(&state, parts, account_id, &fields, "password", Vec::new()).await {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let audit = AuditEvent::of_request(AuditAction::SecondFactorRemoved, &state, &parts).about(account_id);
    state.store.remove_second_factor(account_id, false, None, &audit).await?;
    tracing::info!(account_id, "second factor turned off by its owner");
    Ok(see_other(&Notice::SecondFactorRemoved.on(SECURITY_PATH)))
}

/// An admin resets another account's second factor after a recorded reason: its app and
/// recovery codes go, every session of it ends, and the person is told by email. An admin's
/// own is reset only by another admin, or on the server (`senda admin reset-second-factor`).
pub async fn reset_second_factor(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let Some(admin) = ui.actor.as_ref() else { return Ok(sign_in_first(RESET_PATH)) };
    if !permits(admin, &[Role::Admin]) {
        return Err(AppError::Forbidden);
    }
    let values = kept(&fields, &["email", "reason"]);
    let mut errors = FieldErrors::default();
    let email = crate::domain::Email::parse(field(&fields, "email")).ok();
    let reason = field(&fields, "reason").trim();
    let target = match &email {
        None => {
            errors.push("email", t(lang, Key::sign_in_err_email_invalid));
            None
        }
        Some(email) => match state.store.credentials(email.as_str()).await? {
            None => {
                errors.push("email", t(lang, Key::factor_reset_err_unknown));
                None
            }
            Some(found) if found.account_id == admin.account_id => {
                errors.push("email", t(lang, Key::factor_reset_err_self));
                None
            }
            Some(found) if !state.store.factors_of(found.account_id).await?.any() => {
                errors.push("email", t(lang, Key::factor_reset_err_none));
                None
            }
            Some(found) => Some(found.account_id),
        },
    };
    if reason.chars().count() < 10 {
        errors.push("reason", t(lang, Key::factor_reset_err_reason));
    }
    let Some(account_id) = target.filter(|_| errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    };
    let person = state.store.account_actor(account_id).await?.ok_or(AppError::NotFound)?;
    let mail = reset_mail(&state, lang, &person.email, &person.name, now());
    let audit = AuditEvent::of_request(AuditAction::SecondFactorReset, &state, &parts)
        .about(account_id)
        .detail(reason.chars().take(500).collect::<String>());
    state.store.remove_second_factor(account_id, true, Some(&mail), &audit).await?;
    state.outbox.queued();
    tracing::info!(account_id, by = admin.account_id, "second factor reset by an admin");
    Ok(see_other(&Notice::SecondFactorReset.on(RESET_PATH)))
}

fn reset_mail(state: &AppState, lang: Lang, email: &str, name: &str, now: i64) -> crate::server::mail::OutgoingMail {
    let security = format!("{}{SECURITY_PATH}", state.public_origin);
    crate::server::mail::compose(
        lang,
        email,
        Key::mail_second_factor_reset_subject,
        Key::mail_second_factor_reset_body,
        &[("name", name), ("when", &format_lima(now)), ("link", &security)],
    )
}

/// The account's limit on wrong codes: `Ok(parts)` while under it, else the form again (429).
pub(super) async fn limited(
    state: &AppState,
    parts: Parts,
    account_id: i64,
    values: &[(String, String)],
) -> Result<Result<Parts, Response>, AppError> {
    match SECOND_FACTOR_FAILURES.check(state.store.as_ref(), &account_id.to_string(), now()).await? {
        Ok(()) => Ok(Ok(parts)),
        Err(limit) => {
            tracing::warn!(account_id, "second factor refused: rate limit");
            Ok(Err(too_many(state, parts, values.to_vec(), CODE_FIELD, Key::form_err_limited, limit).await))
        }
    }
}

/// Counts a wrong code against the account and writes it in the audit log.
pub(super) async fn counted_failure(state: &AppState, parts: &Parts, account_id: i64) -> Result<(), AppError> {
    let _ = SECOND_FACTOR_FAILURES.hit(state.store.as_ref(), &account_id.to_string(), now()).await?;
    let mut event = AuditEvent::of_request(AuditAction::SecondFactorFailed, state, parts).about(account_id);
    event.actor_id = None;
    record(state, &event).await;
    Ok(())
}

/// The code form again with `key`'s message on the code field.
async fn refuse(state: &AppState, parts: Parts, values: Vec<(String, String)>, key: Key) -> Response {
    let lang = Ui::from_request(&parts).lang;
    let mut errors = FieldErrors::default();
    errors.push(CODE_FIELD, t(lang, key));
    render_again(state, parts, FormState { values, errors }).await
}

/// Where the person goes after keeping new codes: where they were going, or their account.
pub(super) fn onward(fields: &Fields) -> String {
    match field(fields, "return_to") {
        "" => ACCOUNT_PATH.to_string(),
        requested => safe_return_path(Some(requested)).to_string(),
    }
}
