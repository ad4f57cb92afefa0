//! An admin makes a counsellor's or an admin's account; the person sets their own password
//! from an emailed link.

use super::{email_field, hash_failed, kept, link};
use crate::accounts::pages::ROLE_FIELD;
use crate::accounts::{Role, RoleGrant, FORGOT_PASSWORD_PATH, NEW_STAFF_PATH, RESET_PASSWORD_PATH};
use crate::audit::AuditAction;
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key};
use crate::server::access::permits;
use crate::server::audit::{role_detail, AuditEvent};
use crate::server::auth::{now, tokens, NewAccount, NewToken, TokenPurpose};
use crate::server::db::prelude::*;
use crate::server::forms::{field, read, render_again};
use crate::server::mail::compose;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

/// How long the link that sets a new staff member's first password works.
const INVITATION_SECS: i64 = 3 * 24 * 3600;

/// An admin creates a counsellor's or admin's account. The account has no usable password
/// until its owner sets one from the emailed link.
pub async fn create_staff(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let lang = Ui::from_request(&parts).lang;
    let Some(current) = super::signed_in(&parts) else { return Ok(super::sign_in_first(NEW_STAFF_PATH)) };
    if !permits(&current.actor, &[Role::Admin]) {
        return Err(AppError::Forbidden);
    }
    let admin = current.actor;
    let mut errors = FieldErrors::default();
    let name = super::sign_up::bounded_text(
        lang,
        &fields,
        "name",
        super::sign_up::MAX_NAME_CHARS,
        Key::sign_up_err_name_empty,
        Key::sign_up_err_name_long,
        &mut errors,
    );
    let email = email_field(lang, &fields, &mut errors);
    let store = state.store.as_ref();
    let role = match field(&fields, "role") {
        "counsellor" => {
            let centres = store.list_centres().await?;
            let chosen = field(&fields, "centre").parse::<i64>().ok().filter(|id| centres.iter().any(|c| c.id == *id));
            if chosen.is_none() {
                errors.push("centre", t(lang, Key::staff_err_centre));
            }
            chosen.map(|centre| RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) })
        }
        "admin" => Some(RoleGrant { role: Role::Admin, company_id: None, centre_id: None }),
        _ => {
            errors.push(ROLE_FIELD, t(lang, Key::staff_err_role));
            None
        }
    };
    let values = kept(&fields, &["name", "email", "role", "centre"]);
    let (Some(name), Some(email), Some(role)) = (name, email, role) else {
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    };
    if !errors.is_empty() {
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    }

    // A password nobody knows, so the account cannot be used until its owner sets one.
    let unusable = state.passwords.hash(&tokens::new_token()).await.map_err(hash_failed)?;
    let now = now();
    let code = tokens::new_token();
    let token = NewToken {
        token_hash: tokens::sha256_hex(&code),
        purpose: TokenPurpose::ResetPassword,
        now,
        expires_at: now + INVITATION_SECS,
    };
    let (set_password, forgot) =
        (link(&state, RESET_PASSWORD_PATH, &code), format!("{}{FORGOT_PASSWORD_PATH}", state.public_origin));
    let mail = compose(
        lang,
        email.as_str(),
        Key::mail_invite_subject,
        Key::mail_invite_body,
        &[
            ("name", &name),
            ("admin", &admin.name),
            ("role", t(lang, role.role.label())),
            ("link", &set_password),
            ("forgot", &forgot),
        ],
    );
    let account = NewAccount { email, name, password_hash: unusable, role, email_verified: false, now };
    let audit = AuditEvent::of_request(AuditAction::RoleGranted, &state, &parts).detail(role_detail(&account.role));
    Ok(match store.create_account_with_link(&account, &token, &mail, Some(&audit)).await {
        Ok(account_id) => {
            state.outbox.queued();
            tracing::info!(account_id, by = admin.account_id, role = account.role.role.code(), "staff account created");
            see_other(&Notice::StaffInvited.on(NEW_STAFF_PATH))
        }
        Err(DbError::Conflict(Rule::AccountEmail)) => {
            errors.push("email", t(lang, Key::staff_err_email_taken));
            render_again(&state, parts, FormState { values, errors }).await
        }
        Err(err) => return Err(err.into()),
    })
}
