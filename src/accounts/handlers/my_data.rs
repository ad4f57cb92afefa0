//! My email, my data and my account itself: moving the account to another address,
//! downloading everything kept about it, deleting it. Each needs the current password,
//! because a session left open on a shared computer must not be enough.

use super::{confirm_current_password, email_field, kept, link, sign_in_first, signed_in, too_many};
use crate::accounts::store::EmailChange;
use crate::accounts::{
    MySavedSearchData, ACCOUNT_PATH, CANCEL_EMAIL_CHANGE_PATH, CHANGE_EMAIL_PATH, CONFIRM_EMAIL_CHANGE_PATH,
    DELETE_ACCOUNT_PATH, EXPORT_DATA_PATH, LINK_CODE, SIGN_IN_PATH,
};
use crate::audit::AuditAction;
use crate::components::form::FormState;
use crate::components::form::CONFIRM_FIELD;
use crate::components::notice::Notice;
use crate::domain::lima_time::format_utc_iso;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key};
use crate::server::audit::{record, AuditEvent};
use crate::server::auth::limits::MAIL_PER_ADDRESS;
use crate::server::auth::{now, tokens, NewToken, TokenPurpose};
use crate::server::db::prelude::*;
use crate::server::forms::{field, read, render_again};
use crate::server::mail::compose;
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// How long a link moving the account to a new address works.
const EMAIL_CHANGE_LINK_SECS: i64 = 24 * 3600;

/// Asks to move my account to another address. The new address gets a link (the change
/// happens only when it is used, so a typo cannot lock me out), and the current one a
/// warning. An address that already has an account is told so by email, and this page says
/// the same as for a free one, so it cannot be used to find out who has an account.
pub async fn change_email(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let Some(current) = signed_in(&parts) else { return Ok(sign_in_first(CHANGE_EMAIL_PATH)) };
    let lang = Ui::from_request(&parts).lang;
    let account_id = current.actor.account_id;
    let mut errors = FieldErrors::default();
    let email = email_field(lang, &fields, &mut errors);
    if email.as_ref().is_some_and(|email| email.as_str() == current.actor.email) {
        errors.push("email", t(lang, Key::change_email_err_same));
    }
    if field(&fields, "password").is_empty() {
        errors.push("password", t(lang, Key::change_password_err_current_empty));
    }
    let values = kept(&fields, &["email"]);
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    };
    let parts = match confirm_current_password(&state, parts, account_id, &fields, "password", values.clone()).await {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let store = state.store.as_ref();
    let now = now();
    if let Err(limited) = MAIL_PER_ADDRESS.hit(store, email.as_str(), now).await? {
        return Ok(too_many(&state, parts, values, "email", Key::form_err_limited, limited).await);
    }
    let name = current.actor.name.as_str();
    match store.account_id_by_email(email.as_str()).await? {
        Some(_) => {
            let mail = compose(lang, email.as_str(), Key::mail_email_taken_subject, Key::mail_email_taken_body, &[]);
            store.queue_mail(&mail, now).await?;
        }
        None => {
            let code = tokens::new_token();
            let token = NewToken {
                token_hash: tokens::sha256_hex(&code),
                purpose: TokenPurpose::ChangeEmail,
                now,
                expires_at: now + EMAIL_CHANGE_LINK_SECS,
            };
            let confirm = link(&state, CONFIRM_EMAIL_CHANGE_PATH, &code);
            let to_new = compose(
                lang,
                email.as_str(),
                Key::mail_email_change_subject,
                Key::mail_email_change_body,
                &[("name", name), ("link", &confirm)],
            );
            let cancel = format!("{}{}", state.public_origin, CANCEL_EMAIL_CHANGE_PATH);
            let to_current = compose(
                lang,
                &current.actor.email,
                Key::mail_email_change_warning_subject,
                Key::mail_email_change_warning_body,
                &[("name", name), ("email", email.as_str()), ("cancel", &cancel)],
            );
            store.issue_email_change(account_id, &token, email.as_str(), &[to_new, to_current]).await?;
        }
    }
    state.outbox.queued();
    tracing::info!(account_id, "email change asked for; link sent to the new address");
    Ok(see_other(&Notice::EmailChangeSent.on(ACCOUNT_PATH)))
}

/// The owner stops a move of their account to another address they did not ask for: the
/// link sent there stops working. Signed in, as the warning's link leads them.
pub async fn cancel_email_change(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, _) = read(request).await;
    let Some(current) = signed_in(&parts) else { return Ok(sign_in_first(CANCEL_EMAIL_CHANGE_PATH)) };
    let account_id = current.actor.account_id;
    let audit = AuditEvent::of_request(AuditAction::EmailChangeCancelled, &state, &parts);
    let notice = if state.store.cancel_email_change(account_id, &audit).await? {
        tracing::info!(account_id, "email change cancelled by the owner");
        Notice::EmailChangeCancelled
    } else {
        // Used, expired or cancelled meanwhile: the account page says how things stand.
        Notice::NoEmailChangePending
    };
    Ok(see_other(&notice.on(ACCOUNT_PATH)))
}

/// Uses the emailed link: the account moves to the address it was sent to. Signed-in
/// sessions stay (the person proved both the password and the new address).
pub async fn confirm_email_change(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let lang = Ui::from_request(&parts).lang;
    let code = field(&fields, LINK_CODE).to_string();
    let values = kept(&fields, &[LINK_CODE]);
    if !tokens::well_formed(&code) {
        return Ok(render_again(&state, parts, FormState { values, errors: FieldErrors::default() }).await);
    }
    let audit = AuditEvent::of_request(AuditAction::EmailChanged, &state, &parts);
    Ok(match state.store.change_email(&tokens::sha256_hex(&code), &audit).await? {
        EmailChange::Changed { account_id, .. } => {
            tracing::info!(account_id, "email changed");
            let signed_in_here = signed_in(&parts).is_some_and(|s| s.actor.account_id == account_id);
            let back = if signed_in_here { ACCOUNT_PATH } else { SIGN_IN_PATH };
            see_other(&Notice::EmailChanged.on(back))
        }
        // Used or expired meanwhile: the page, shown again, says so.
        EmailChange::InvalidLink => {
            render_again(&state, parts, FormState { values, errors: FieldErrors::default() }).await
        }
        EmailChange::Taken => plain_page::respond(
            lang,
            StatusCode::CONFLICT,
            Key::email_change_taken_title,
            Key::email_change_taken_title,
            Key::email_change_taken_body,
            (CHANGE_EMAIL_PATH, Key::change_email_title),
        ),
    })
}

/// Everything kept about me, as a JSON file to save, after my current password. Each download
/// is in the audit log, which the file itself lists.
pub async fn export_data(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let Some(current) = signed_in(&parts) else { return Ok(sign_in_first(EXPORT_DATA_PATH)) };
    let account_id = current.actor.account_id;
    if field(&fields, "password").is_empty() {
        let lang = Ui::from_request(&parts).lang;
        let mut errors = FieldErrors::default();
        errors.push("password", t(lang, Key::change_password_err_current_empty));
        return Ok(render_again(&state, parts, FormState { values: Vec::new(), errors }).await);
    }
    let parts = match confirm_current_password(&state, parts, account_id, &fields, "password", Vec::new()).await {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let event = AuditEvent::of_request(AuditAction::DataExported, &state, &parts).about(account_id);
    record(&state, &event).await;
    let mut data = state.store.account_data(account_id).await?.ok_or(AppError::NotFound)?;
    data.register = register_data(&state, account_id).await?;
    let store = state.store.as_ref();
    data.saved_searches = store
        .saved_searches(account_id)
        .await?
        .into_iter()
        .map(|kept| MySavedSearchData { query: kept.query, created_at: kept.created_at, told_until: kept.told_until })
        .collect();
    data.reports = store.reports_by(account_id).await?;
    let mut value = serde_json::to_value(&data).map_err(AppError::internal)?;
    for part in ["register", "saved_searches", "reports"] {
        if let Some(part) = value.get_mut(part) {
            times_in_iso(part);
        }
    }
    let json = serde_json::to_string_pretty(&value).map_err(AppError::internal)?;
    let day = &format_utc_iso(event.at)[..10];
    let disposition = format!("attachment; filename=\"senda-mis-datos-{day}.json\"");
    let mut response = json.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    tracing::info!(account_id, "personal data exported");
    Ok(response)
}

/// Everything the register, applications and casework keep about the account's holder, for
/// the download of their data;
/// `None` when they have no profile.
pub async fn register_data(
    state: &AppState,
    account_id: i64,
) -> Result<Option<crate::accounts::MyRegisterData>, AppError> {
    let store = state.store.as_ref();
    let Some(id) = store.seeker_of_account(account_id).await? else { return Ok(None) };
    let Some(profile) = store.seeker(id).await? else { return Ok(None) };
    let (centre_id, created_at, updated_at) = (profile.centre_id, profile.created_at, profile.updated_at);
    let cv_file = profile.cv_file.clone().map(crate::seekers::cv::CvFileView::from);
    // Their own: everything the register holds.
    let everything = crate::seekers::visibility::visible_to(
        crate::seekers::visibility::Viewer::Themselves,
        &crate::seekers::consent::Consents::default(),
    );
    let profile = crate::seekers::visibility::ProfileView::of(profile, everything);
    Ok(Some(crate::accounts::MyRegisterData {
        profile: crate::accounts::MyProfileData { profile, centre_id, cv_file, created_at, updated_at },
        consents: store.consent_history(id).await?,
        accesses: store.sensitive_accesses(id).await?,
        applications: store.seeker_applications(id).await?,
        case_notes: store.case_notes(id).await?,
        outcomes: store.outcomes(id).await?,
    }))
}

/// The register, saved searches and reports keep times as seconds since 1970; in the file every
/// time reads like the account's: ISO 8601, UTC. A time is a number under a key `at` or ending
/// in `_at` or `_until`.
fn times_in_iso(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                match item.as_i64() {
                    Some(seconds) if key == "at" || key.ends_with("_at") || key.ends_with("_until") => {
                        *item = Value::String(format_utc_iso(seconds));
                    }
                    _ => times_in_iso(item),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(times_in_iso),
        _ => {}
    }
}

/// Deletes my account for good, after my password and a ticked confirmation. Everything
/// personal goes at once; the audit log keeps only the account's number.
pub async fn delete_account(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let Some(current) = signed_in(&parts) else { return Ok(sign_in_first(DELETE_ACCOUNT_PATH)) };
    let lang = Ui::from_request(&parts).lang;
    let account_id = current.actor.account_id;
    let mut errors = FieldErrors::default();
    if field(&fields, "confirm") != "si" {
        errors.push(CONFIRM_FIELD, t(lang, Key::delete_err_confirm));
    }
    if field(&fields, "password").is_empty() {
        errors.push("password", t(lang, Key::change_password_err_current_empty));
    }
    let values = kept(&fields, &["confirm"]);
    if !errors.is_empty() {
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    }
    let parts = match confirm_current_password(&state, parts, account_id, &fields, "password", values.clone()).await {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let audit = AuditEvent::of_request(AuditAction::AccountDeleted, &state, &parts).about(account_id);
    // The profile goes with the account; the file of its uploaded CV, after.
    let cv_file = match state.store.seeker_of_account(account_id).await? {
        Some(seeker) => crate::seekers::data::kept_file(&state, seeker).await?,
        None => None,
    };
    Ok(match state.store.delete_account(account_id, &audit).await {
        Ok(_) => {
            crate::seekers::data::forget(&state, cv_file).await;
            tracing::info!(account_id, "account deleted by its owner");
            super::signed_out_to(&state, &Notice::AccountDeleted.on("/"))
        }
        Err(DbError::Conflict(Rule::LastAdmin)) => {
            errors.push(CONFIRM_FIELD, t(lang, Key::delete_err_last_admin));
            render_again(&state, parts, FormState { values, errors }).await
        }
        Err(err) => return Err(err.into()),
    })
}
