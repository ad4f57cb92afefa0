//! Form endpoints of organisations for staff.

use super::{COMPANY_REVIEW_PATH, VERIFY_COMPANY_PATH};
use crate::audit::AuditAction;
use crate::components::notice::Notice;
use crate::domain::Role;
use crate::error::AppError;
use crate::i18n::Key;
use crate::server::access::permits;
use crate::server::audit::AuditEvent;
use crate::server::forms::{field, read};
use crate::server::mail::compose;
use crate::server::plain_page;
use crate::server::redirect::see_other;
use crate::server::state::AppState;
use crate::ui::Ui;
use axum::extract::{Request, State};
use axum::response::Response;

/// A counsellor or admin verifies a company: from now on it may publish vacancies. Who did
/// it, and when, is kept with the company.
pub async fn verify_company(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.as_ref() else { return Ok(plain_page::sign_in_first(VERIFY_COMPANY_PATH)) };
    if !permits(actor, &[Role::Counsellor, Role::Admin]) {
        return Err(AppError::Forbidden);
    }
    let company_id = field(&fields, "company").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let audit = AuditEvent::of_request(AuditAction::CompanyVerified, &state, &parts);
    if !state.store.verify_company(company_id, &audit).await? {
        // Already verified (by someone else a moment ago): the list shows it so.
        return Ok(see_other(COMPANY_REVIEW_PATH));
    }
    tracing::info!(company_id, by = actor.account_id, "company verified");
    Ok(see_other(&Notice::CompanyVerified.on(COMPANY_REVIEW_PATH)))
}

/// A counsellor or admin approves or turns down a request to join a company. The person is
/// told by email; approved, they act for the company from their next sign-in.
pub async fn decide_join(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.as_ref() else { return Ok(plain_page::sign_in_first(COMPANY_REVIEW_PATH)) };
    if !permits(actor, &[Role::Counsellor, Role::Admin]) {
        return Err(AppError::Forbidden);
    }
    let approve = match field(&fields, "decision") {
        "aprobar" => true,
        "rechazar" => false,
        _ => return Err(AppError::NotFound),
    };
    let account_id = field(&fields, "account").parse::<i64>().map_err(|_| AppError::NotFound)?;
    let action = if approve { AuditAction::RoleGranted } else { AuditAction::JoinRejected };
    let audit = AuditEvent::of_request(action, &state, &parts);
    let now = audit.at;
    let Some(decided) = state.store.decide_join_request(account_id, approve, &audit).await? else {
        // Decided by someone else a moment ago: the list shows how things stand.
        return Ok(see_other(COMPANY_REVIEW_PATH));
    };
    let sign_in = format!("{}{}", state.public_origin, crate::ui::SIGN_IN_PATH);
    let (subject, body, notice) = if approve {
        (Key::mail_join_approved_subject, Key::mail_join_approved_body, Notice::JoinApproved)
    } else {
        (Key::mail_join_rejected_subject, Key::mail_join_rejected_body, Notice::JoinRejected)
    };
    let mail = compose(
        ui.lang,
        &decided.email,
        subject,
        body,
        &[("name", &decided.name), ("company", &decided.company_name), ("sign_in", &sign_in)],
    );
    match state.store.queue_mail(&mail, now).await {
        Ok(_) => state.outbox.queued(),
        Err(err) => tracing::error!(error = %err, account_id, "cannot queue the join decision message"),
    }
    tracing::info!(account_id, company_id = decided.company_id, approve, by = actor.account_id, "join request decided");
    Ok(see_other(&notice.on(COMPANY_REVIEW_PATH)))
}
