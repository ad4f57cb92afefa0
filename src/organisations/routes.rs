//! Form endpoints of organisations for staff.

use super::{COMPANY_REVIEW_PATH, VERIFY_COMPANY_PATH};
use crate::accounts::Role;
use crate::audit::AuditAction;
use crate::components::notice::Notice;
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
use axum::response::{IntoResponse, Response};

/// A counsellor or admin verifies a company: from now on it may publish vacancies. Who did
/// it, and when, is kept with the company.
pub async fn verify_company(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.as_ref() else { return plain_page::sign_in_first(VERIFY_COMPANY_PATH) };
    if !permits(actor, &[Role::Counsellor, Role::Admin]) {
        return plain_page::forbidden(ui.lang);
    }
    let Ok(company_id) = field(&fields, "company").parse::<i64>() else {
        return crate::error::AppError::NotFound.into_response();
    };
    let audit = AuditEvent::of_request(AuditAction::CompanyVerified, &state, &parts);
    match state.store.verify_company(company_id, &audit).await {
        Ok(true) => {
            tracing::info!(company_id, by = actor.account_id, "company verified");
            see_other(&Notice::CompanyVerified.on(COMPANY_REVIEW_PATH))
        }
        // Already verified (by someone else a moment ago): the list shows it so.
        Ok(false) => see_other(COMPANY_REVIEW_PATH),
        Err(err) => crate::error::AppError::from(err).into_response(),
    }
}

/// A counsellor or admin approves or turns down a request to join a company. The person is
/// told by email; approved, they act for the company from their next sign-in.
pub async fn decide_join(State(state): State<AppState>, request: Request) -> Response {
    let (parts, fields) = read(request).await;
    let ui = Ui::from_request(&parts);
    let Some(actor) = ui.actor.as_ref() else { return plain_page::sign_in_first(COMPANY_REVIEW_PATH) };
    if !permits(actor, &[Role::Counsellor, Role::Admin]) {
        return plain_page::forbidden(ui.lang);
    }
    let approve = match field(&fields, "decision") {
        "aprobar" => true,
        "rechazar" => false,
        _ => return crate::error::AppError::NotFound.into_response(),
    };
    let Ok(account_id) = field(&fields, "account").parse::<i64>() else {
        return crate::error::AppError::NotFound.into_response();
    };
    let action = if approve { AuditAction::RoleGranted } else { AuditAction::JoinRejected };
    let audit = AuditEvent::of_request(action, &state, &parts);
    let now = audit.at;
    let decided = match state.store.decide_join_request(account_id, approve, &audit).await {
        Ok(Some(decided)) => decided,
        // Decided by someone else a moment ago: the list shows how things stand.
        Ok(None) => return see_other(COMPANY_REVIEW_PATH),
        Err(err) => return crate::error::AppError::from(err).into_response(),
    };
    let sign_in = format!("{}{}", state.public_origin, crate::accounts::SIGN_IN_PATH);
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
    see_other(&notice.on(COMPANY_REVIEW_PATH))
}
