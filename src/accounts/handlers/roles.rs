//! An admin gives an account another role or takes one away.

use super::kept;
use crate::accounts::pages::{GRANT_ROLE_FIELD, WHO};
use crate::accounts::{Role, RoleGrant, ROLES_PATH};
use crate::audit::AuditAction;
use crate::components::form::FormState;
use crate::components::notice::Notice;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{t, Key};
use crate::server::access::permits;
use crate::server::audit::{role_detail, AuditEvent};
use crate::server::db::prelude::*;
use crate::server::forms::{field, read, render_again};
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

/// Gives (`action=dar`) or takes away (`action=quitar`) one role of an account. Ids come
/// from the form, so each is checked here: the account must exist, a counsellor needs a
/// real centre and an employer a real company, and the last admin keeps that role.
pub async fn change_role(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let lang = ui.lang;
    let Some(admin) = ui.actor.as_ref() else { return Ok(plain_page::sign_in_first(ROLES_PATH)) };
    if !permits(admin, &[Role::Admin]) {
        return Err(AppError::Forbidden);
    }
    let account_id = field(&fields, "account").parse::<i64>().map_err(|_| AppError::NotFound)?;
    state.store.account_actor(account_id).await?.ok_or(AppError::NotFound)?;
    let role = Role::from_code(field(&fields, "role"));
    let back = format!("{ROLES_PATH}?{WHO}={account_id}");
    let mut values = kept(&fields, &["role", "centre", "company"]);
    values.push((WHO.to_string(), account_id.to_string()));
    let mut errors = FieldErrors::default();

    if field(&fields, "action") == "quitar" {
        let role = role.ok_or(AppError::NotFound)?;
        let audit = AuditEvent::of_request(AuditAction::RoleRevoked, &state, &parts).detail(role.code());
        return Ok(match state.store.revoke_role(account_id, role, &audit).await {
            Ok(_) => {
                tracing::info!(account_id, by = admin.account_id, role = role.code(), "role taken away");
                see_other(&format!("{back}&aviso={}", Notice::RoleRevoked.code()))
            }
            Err(DbError::Conflict(Rule::LastAdmin)) => {
                errors.push(GRANT_ROLE_FIELD, t(lang, Key::roles_err_last_admin));
                render_again(&state, parts, FormState { values, errors }).await
            }
            Err(err) => return Err(err.into()),
        });
    }

    let id_of = |name: &str| field(&fields, name).parse::<i64>().ok();
    let grant = match role {
        None => {
            errors.push(GRANT_ROLE_FIELD, t(lang, Key::staff_err_role));
            None
        }
        Some(Role::Counsellor) => match id_of("centre") {
            Some(centre) => Some(RoleGrant { role: Role::Counsellor, company_id: None, centre_id: Some(centre) }),
            None => {
                errors.push("centre", t(lang, Key::staff_err_centre));
                None
            }
        },
        Some(Role::Employer) => match id_of("company") {
            Some(company) => Some(RoleGrant { role: Role::Employer, company_id: Some(company), centre_id: None }),
            None => {
                errors.push("company", t(lang, Key::roles_err_company));
                None
            }
        },
        Some(role) => Some(RoleGrant { role, company_id: None, centre_id: None }),
    };
    let Some(grant) = grant else {
        return Ok(render_again(&state, parts, FormState { values, errors }).await);
    };
    let audit = AuditEvent::of_request(AuditAction::RoleGranted, &state, &parts).detail(role_detail(&grant));
    Ok(match state.store.grant_role(account_id, &grant, &audit).await {
        Ok(true) => {
            tracing::info!(account_id, by = admin.account_id, role = grant.role.code(), "role given");
            see_other(&format!("{back}&aviso={}", Notice::RoleGranted.code()))
        }
        Ok(false) => {
            errors.push(GRANT_ROLE_FIELD, t(lang, Key::roles_err_has_it));
            render_again(&state, parts, FormState { values, errors }).await
        }
        // The centre or company id named nothing: a tampered or stale form.
        Err(DbError::Conflict(_)) => {
            let (id, key) = if grant.role == Role::Counsellor {
                ("centre", Key::staff_err_centre)
            } else {
                ("company", Key::roles_err_company)
            };
            errors.push(id, t(lang, key));
            render_again(&state, parts, FormState { values, errors }).await
        }
        Err(err) => return Err(err.into()),
    })
}
