//! The passkey posts: adding one (its name and the password first, then the browser's new
//! passkey), removing one, giving one after the password or before a sensitive action, and
//! signing in with one alone. Every refused answer — malformed, of another origin or
//! challenge, a passkey of another account, a ceremony expired or begun elsewhere — changes
//! nothing, says so on the passkey's button, and counts against the account's limit.

use super::handlers::{counted_failure, limited, onward};
use super::passkey::{self, Purpose, Refused, CEREMONY_SECS};
use super::passkey_store::{NewCeremony, NewPasskey, StoredPasskey};
use super::{
    PasskeyBegun, PasskeyCeremonyView, CEREMONY_FIELD, CREDENTIAL_FIELD, PASSKEY_FIELD, PASSKEY_PATH,
    PASSKEY_REMOVE_PATH, SECURITY_PATH,
};
use crate::audit::AuditAction;
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key};
use crate::server::audit::{record, AuditEvent};
use crate::server::auth::limits::{client_ip, SIGN_IN_PER_IP};
use crate::server::auth::now;
use crate::server::auth::password_step::confirm_current_password;
use crate::server::auth::session::CurrentSession;
use crate::server::auth::tokens::new_token;
use crate::server::forms::{field, kept_only as kept, read, render_again, render_showing};
use crate::server::plain_page::sign_in_first;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use webauthn_rs::prelude::Webauthn;

type Fields = [(String, String)];

/// The longest name a passkey may have.
const NAME_MAX: usize = 60;

/// Adding a passkey. Without a ceremony in the post: the name and the password are checked,
/// and the page answers with a ceremony for the browser. With one: the browser's new passkey is
/// checked and kept, with recovery codes when it is the account's first second factor.
pub async fn passkey(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let Some(current) = parts.extensions.get::<CurrentSession>().cloned() else {
        return Ok(sign_in_first(PASSKEY_PATH));
    };
    let Some(party) = state.passkeys.clone() else { return Ok(see_other(SECURITY_PATH)) };
    if field(&fields, CEREMONY_FIELD).is_empty() {
        begin(&state, &party, parts, &fields, &current).await
    } else {
        add(&state, &party, parts, &fields, &current).await
    }
}

async fn begin(
    state: &AppState,
    party: &Webauthn,
    parts: Parts,
    fields: &Fields,
    current: &CurrentSession,
) -> Result<Response, AppError> {
    let lang = Ui::from_request(&parts).lang;
    let account_id = current.actor.account_id;
    let values = kept(fields, &["name", "return_to"]);
    let name = field(fields, "name").trim();
    let mut errors = FieldErrors::default();
    if name.is_empty() {
        errors.push("name", t(lang, Key::passkey_err_name_empty));
    } else if name.chars().count() > NAME_MAX {
        errors.push("name", t(lang, Key::passkey_err_name_long));
    }
    if field(fields, "password").is_empty() {
        errors.push("password", t(lang, Key::change_password_err_current_empty));
    }
    if !errors.is_empty() {
        return Ok(render_again(state, parts, FormState { values, errors }).await);
    }
    let parts = match confirm_current_password(state, parts, account_id, fields, "password", values).await {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let store = state.store.as_ref();
    let handle = store.passkey_handle(account_id, &passkey::new_handle().to_string()).await?;
    let handle = passkey::handle_of(&handle).ok_or_else(|| AppError::internal("a stored passkey handle"))?;
    let existing = store
        .passkeys_of(account_id)
        .await?
        .iter()
        .filter_map(|kept| passkey::stored(&kept.passkey))
        .map(|kept| kept.cred_id().clone())
        .collect();
    let actor = &current.actor;
    let begun = passkey::begin_registration(party, handle, &actor.email, &actor.name, existing)
        .map_err(|err| AppError::internal(format!("passkey registration: {err}")))?;
    let ceremony = keep_ceremony(state, Purpose::Register, Some(account_id), Some(&current.token_hash), begun).await?;
    let begun = PasskeyBegun { ceremony, name: name.to_string(), next: field(fields, "return_to").to_string() };
    Ok(render_showing(state, parts, begun).await)
}

async fn add(
    state: &AppState,
    party: &Webauthn,
    parts: Parts,
    fields: &Fields,
    current: &CurrentSession,
) -> Result<Response, AppError> {
    let account_id = current.actor.account_id;
    let values = kept(fields, &["name", "return_to"]);
    let name: String = field(fields, "name").trim().chars().take(NAME_MAX).collect();
    let parts = match limited(state, parts, account_id, &values).await? {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let Some(ceremony) = taken(state, fields, Purpose::Register, Some(account_id), Some(&current.token_hash)).await?
    else {
        return Ok(refuse(state, parts, values, Key::passkey_err_expired).await);
    };
    let credential = field(fields, CREDENTIAL_FIELD);
    if credential.is_empty() {
        return Ok(refuse(state, parts, values, Key::passkey_err_none).await);
    }
    let made = match passkey::finish_registration(party, credential, &ceremony) {
        Ok(made) => made,
        Err(refused) => {
            tracing::warn!(account_id, reason = ?refused, "a new passkey was refused");
            counted_failure(state, &parts, account_id).await?;
            return Ok(refuse(state, parts, values, Key::passkey_err_refused).await);
        }
    };
    let store = state.store.as_ref();
    let first = !store.factors_of(account_id).await?.any();
    let codes = first.then(super::recovery::new_set);
    let hashes = codes.as_ref().map(|codes| super::recovery::hashes(account_id, codes));
    let credential_id = passkey::credential_id_text(made.cred_id().as_ref());
    let stored = passkey::to_stored(&made);
    let new =
        NewPasskey { name: &name, credential_id: &credential_id, passkey: &stored, recovery_hashes: hashes.as_deref() };
    let audit = AuditEvent::of_request(AuditAction::SecondFactorAdded, state, &parts)
        .about(account_id)
        .detail(format!("passkey: {name}"));
    if !store.add_passkey(account_id, &new, &current.token_hash, &audit).await? {
        return Ok(refuse(state, parts, values, Key::passkey_err_taken).await);
    }
    tracing::info!(account_id, first, "passkey added");
    let next = onward(fields);
    match codes {
        Some(codes) => Ok(render_showing(state, parts, super::NewRecoveryCodes { codes, next }).await),
        None => Ok(see_other(&Notice::PasskeyAdded.on(SECURITY_PATH))),
    }
}

/// Removes one of my passkeys, given the password.
pub async fn remove_passkey(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let Some(current) = parts.extensions.get::<CurrentSession>().cloned() else {
        return Ok(sign_in_first(PASSKEY_REMOVE_PATH));
    };
    let account_id = current.actor.account_id;
    let values = kept(&fields, &["llave"]);
    let Ok(passkey_id) = field(&fields, "llave").parse::<i64>() else { return Err(AppError::NotFound) };
    let Some(found) = state.store.passkeys_of(account_id).await?.into_iter().find(|kept| kept.id == passkey_id) else {
        return Err(AppError::NotFound);
    };
    let parts = match confirm_current_password(&state, parts, account_id, &fields, "password", values).await {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let audit = AuditEvent::of_request(AuditAction::SecondFactorRemoved, &state, &parts)
        .about(account_id)
        .detail(format!("passkey: {}", found.name));
    state.store.remove_passkey(account_id, passkey_id, &audit).await?;
    tracing::info!(account_id, "passkey removed by its owner");
    Ok(see_other(&Notice::PasskeyRemoved.on(SECURITY_PATH)))
}

/// A passkey's answer on the code page: after the password (`signing_in`), or before a
/// sensitive action. Marks `session` as having passed the second factor.
pub async fn confirm(
    state: &AppState,
    parts: Parts,
    fields: &Fields,
    account_id: i64,
    session: &str,
    signing_in: bool,
) -> Result<Response, AppError> {
    let values = kept(fields, &["return_to"]);
    let Some(party) = state.passkeys.as_deref() else { return Ok(see_other(super::CODE_PATH)) };
    let parts = match limited(state, parts, account_id, &values).await? {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let Some(ceremony) = taken(state, fields, Purpose::Confirm, Some(account_id), Some(session)).await? else {
        return Ok(refuse(state, parts, values, Key::passkey_err_expired).await);
    };
    // No answer at all (no script, no passkey on the device): nothing was tried, nothing counts.
    if field(fields, CREDENTIAL_FIELD).is_empty() {
        return Ok(refuse(state, parts, values, Key::passkey_err_none).await);
    }
    let passkeys = state.store.passkeys_of(account_id).await?;
    let Some((used, updated)) = check(party, fields, Purpose::Confirm, &ceremony, &passkeys) else {
        counted_failure(state, &parts, account_id).await?;
        return Ok(refuse(state, parts, values, Key::passkey_err_refused).await);
    };
    let how = if signing_in { "passkey sign-in" } else { "passkey step-up" };
    let audit = AuditEvent::of_request(AuditAction::SecondFactorPassed, state, &parts)
        .by(account_id)
        .about(account_id)
        .detail(how);
    state.store.pass_with_passkey(account_id, used, updated.as_deref(), Some(session), &audit).await?;
    tracing::info!(account_id, how, "second factor passed with a passkey");
    Ok(see_other(&onward(fields)))
}

/// Signing in with a passkey alone: the passkey names its account, and verifies its person on
/// the device, so the session has passed both steps at once.
pub async fn sign_in(state: &AppState, parts: Parts, fields: &Fields) -> Result<Response, AppError> {
    let values = kept(fields, &["return_to"]);
    let Some(party) = state.passkeys.as_deref() else { return Ok(see_other(crate::accounts::SIGN_IN_PATH)) };
    let Some(ceremony) = taken(state, fields, Purpose::SignIn, None, None).await? else {
        return Ok(refuse(state, parts, values, Key::passkey_err_expired).await);
    };
    if field(fields, CREDENTIAL_FIELD).is_empty() {
        return Ok(refuse(state, parts, values, Key::passkey_err_none).await);
    }
    let store = state.store.as_ref();
    let answer = passkey::read_answer(field(fields, CREDENTIAL_FIELD)).ok();
    let account_id = match answer.as_ref().and_then(|answer| answer.handle.as_deref()) {
        Some(handle) => store.account_of_handle(handle).await?,
        None => None,
    };
    let passkeys = match account_id {
        Some(account_id) => store.passkeys_of(account_id).await?,
        None => Vec::new(),
    };
    let actor = match account_id {
        Some(account_id) => store.account_actor(account_id).await?,
        None => None,
    };
    let checked = check(party, fields, Purpose::SignIn, &ceremony, &passkeys);
    let (Some(actor), Some((used, updated))) = (actor, checked) else {
        if let Some(account_id) = account_id {
            counted_failure(state, &parts, account_id).await?;
        }
        let mut event = AuditEvent::of_request(AuditAction::SignInFailed, state, &parts).detail("passkey");
        (event.actor_id, event.subject_id) = (None, account_id);
        record(state, &event).await;
        return Ok(refuse(state, parts, values, Key::passkey_err_refused).await);
    };
    let account_id = actor.account_id;
    let audit = AuditEvent::of_request(AuditAction::SecondFactorPassed, state, &parts)
        .by(account_id)
        .about(account_id)
        .detail("passkey-first");
    store.pass_with_passkey(account_id, used, updated.as_deref(), None, &audit).await?;
    let target = onward(fields);
    crate::accounts::handlers::start_session(state, &parts, &actor, "passkey", false, Some(audit.at), &target).await
}

/// A passkey-first sign-in's challenge, as JSON for the browser: `{ceremony, options}`.
/// Counted against the address's sign-in limit, like a password sign-in.
pub async fn start_sign_in(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    use axum::http::{header, StatusCode};
    let Some(party) = state.passkeys.as_deref() else { return Ok(StatusCode::NOT_FOUND.into_response()) };
    let (parts, _) = request.into_parts();
    let ip = client_ip(&parts, state.trust_forwarded_for);
    if let Err(limited) = SIGN_IN_PER_IP.hit(state.store.as_ref(), &ip, now()).await? {
        let headers = [(header::RETRY_AFTER, limited.retry_after.to_string())];
        return Ok((StatusCode::TOO_MANY_REQUESTS, headers).into_response());
    }
    let begun = passkey::begin_sign_in(party).map_err(|err| AppError::internal(format!("passkey sign-in: {err}")))?;
    let ceremony = keep_ceremony(&state, Purpose::SignIn, None, None, begun).await?;
    let body = serde_json::json!({ "ceremony": ceremony.ceremony, "options": ceremony.options });
    Ok(([(header::CACHE_CONTROL, "no-store")], axum::Json(body)).into_response())
}

/// A confirmation ceremony for the code page of `account_id` in `session`, when the account
/// has passkeys and the site takes them.
pub async fn begin_confirmation(
    state: &AppState,
    account_id: i64,
    session: &str,
) -> Result<Option<PasskeyCeremonyView>, AppError> {
    let Some(party) = state.passkeys.as_deref() else { return Ok(None) };
    let passkeys: Vec<_> =
        state.store.passkeys_of(account_id).await?.iter().filter_map(|kept| passkey::stored(&kept.passkey)).collect();
    if passkeys.is_empty() {
        return Ok(None);
    }
    let begun = passkey::begin_confirmation(party, &passkeys)
        .map_err(|err| AppError::internal(format!("passkey confirmation: {err}")))?;
    keep_ceremony(state, Purpose::Confirm, Some(account_id), Some(session), begun).await.map(Some)
}

async fn keep_ceremony(
    state: &AppState,
    purpose: Purpose,
    account_id: Option<i64>,
    session_hash: Option<&str>,
    begun: passkey::Begun,
) -> Result<PasskeyCeremonyView, AppError> {
    let id = new_token();
    let now = now();
    let ceremony = NewCeremony {
        id: &id,
        purpose: purpose.as_str(),
        account_id,
        session_hash,
        state: &begun.state,
        expires_at: now + CEREMONY_SECS,
    };
    state.store.begin_ceremony(&ceremony, now).await?;
    Ok(PasskeyCeremonyView { ceremony: id, options: begun.options })
}

/// The posted ceremony's state, if it is unexpired, for `purpose`, and was begun by this
/// account in this session. Taken either way: a ceremony is tried once.
async fn taken(
    state: &AppState,
    fields: &Fields,
    purpose: Purpose,
    account_id: Option<i64>,
    session: Option<&str>,
) -> Result<Option<String>, AppError> {
    let id = field(fields, CEREMONY_FIELD);
    let Some(ceremony) = state.store.take_ceremony(id, purpose.as_str(), now()).await? else { return Ok(None) };
    let ours = ceremony.account_id == account_id && ceremony.session_hash.as_deref() == session;
    if !ours {
        tracing::warn!(purpose = purpose.as_str(), "a passkey ceremony posted from another session or account");
    }
    Ok(ours.then_some(ceremony.state))
}

/// Checks the posted answer against `passkeys` (the account's): which one answered, and its
/// record when its counter moved.
fn check(
    party: &Webauthn,
    fields: &Fields,
    purpose: Purpose,
    ceremony: &str,
    passkeys: &[StoredPasskey],
) -> Option<(i64, Option<String>)> {
    let answer = passkey::read_answer(field(fields, CREDENTIAL_FIELD)).ok()?;
    let kept = passkeys.iter().find(|kept| kept.credential_id == answer.credential_id)?;
    let record = passkey::stored(&kept.passkey)?;
    match passkey::finish_confirmation(party, &answer, purpose, ceremony, &record) {
        Ok(updated) => Some((kept.id, updated.as_ref().map(passkey::to_stored))),
        Err(refused) => {
            let reason = match refused {
                Refused::Malformed => "malformed".to_string(),
                Refused::Unverified(why) => why,
            };
            tracing::warn!(reason, "a passkey's answer was refused");
            None
        }
    }
}

/// The form again with `key`'s message on the passkey's button.
async fn refuse(state: &AppState, parts: Parts, values: Vec<(String, String)>, key: Key) -> Response {
    let lang = Ui::from_request(&parts).lang;
    let mut errors = FieldErrors::default();
    errors.push(PASSKEY_FIELD, t(lang, key));
    render_again(state, parts, FormState { values, errors }).await
}
