//! Who may call what, checked on the server for every action. Server functions and form
//! handlers ask here; a refusal carries the right status (401 for nobody signed in, 403 for
//! the wrong person), and is logged without personal data.

use crate::domain::{Actor, Role};
use crate::error::AppError;
use crate::server::auth::session::{self, CurrentSession};

/// The signed-in person of this request, or `Unauthorized`.
pub fn signed_in() -> Result<CurrentSession, AppError> {
    session::current().ok_or_else(|| refuse(AppError::Unauthorized))
}

/// The signed-in person, if they hold one of `roles`; otherwise `Unauthorized` or `Forbidden`.
pub fn acting_as(roles: &[Role]) -> Result<CurrentSession, AppError> {
    let current = signed_in()?;
    if permits(&current.actor, roles) {
        Ok(current)
    } else {
        Err(refuse(AppError::Forbidden))
    }
}

/// Whether `actor` holds one of `roles`; a refusal is logged.
pub fn permits(actor: &Actor, roles: &[Role]) -> bool {
    let allowed = roles.iter().any(|role| actor.has(*role));
    if !allowed {
        let wanted: Vec<_> = roles.iter().map(|r| r.code()).collect();
        tracing::warn!(account_id = actor.account_id, ?wanted, "refused: role missing");
    }
    allowed
}

/// Sets the response status for a refusal, where there is a response to set it on (a server
/// function's; a form handler's status comes from the error it returns).
pub fn refuse(err: AppError) -> AppError {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = axum::http::StatusCode::from_u16(err.status_code()) {
            response.set_status(status);
        }
    }
    err
}
