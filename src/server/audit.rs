//! Writing the audit log: an [`AuditEvent`] is made where something happens and stored by
//! the same store call that makes the change, so a change and its record commit together.

use crate::audit::AuditAction;
use crate::server::auth::limits::client_ip;
use crate::server::auth::now;
use crate::server::auth::session::CurrentSession;
use crate::server::state::AppState;
use axum::http::request::Parts;

/// One event to append to the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEvent {
    pub at: i64,
    pub action: AuditAction,
    pub actor_id: Option<i64>,
    pub subject_id: Option<i64>,
    pub detail: String,
    pub ip: String,
}

impl AuditEvent {
    pub fn new(action: AuditAction, at: i64, ip: impl Into<String>) -> AuditEvent {
        AuditEvent { at, action, actor_id: None, subject_id: None, detail: String::new(), ip: ip.into() }
    }

    /// An event of this request: now, from the client's address, by whoever is signed in.
    pub fn of_request(action: AuditAction, state: &AppState, parts: &Parts) -> AuditEvent {
        let mut event = AuditEvent::new(action, now(), client_ip(parts, state.trust_forwarded_for));
        event.actor_id = parts.extensions.get::<CurrentSession>().map(|s| s.actor.account_id);
        event
    }

    pub fn by(mut self, account_id: i64) -> AuditEvent {
        self.actor_id = Some(account_id);
        self
    }

    pub fn about(mut self, account_id: i64) -> AuditEvent {
        self.subject_id = Some(account_id);
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> AuditEvent {
        self.detail = detail.into();
        self
    }
}

/// Appends an event that goes with no other change (a sign-in, an export). Losing the record
/// must not stop the person, so a failure is logged loudly instead of refusing them.
pub async fn record(state: &AppState, event: &AuditEvent) {
    if let Err(err) = state.store.record(event).await {
        tracing::error!(error = %err, action = event.action.code(), "cannot write the audit log");
    }
}

/// Writes down a change made to person `seeker_id`'s record in the register by someone other
/// than the person — their counsellor, acting for them: staff edits of a person's data are
/// audited as changes to accounts are. `person` is the person's account, when they have one;
/// what the person changes themselves is no event. `what` names the part changed.
pub async fn record_staff_edit(
    state: &AppState,
    parts: &Parts,
    action: AuditAction,
    seeker_id: i64,
    person: Option<i64>,
    what: &str,
) {
    let event = AuditEvent::of_request(action, state, parts).detail(format!("register {seeker_id}: {what}"));
    if event.actor_id.is_none() || event.actor_id == person {
        return;
    }
    let event = match person {
        Some(account) => event.about(account),
        None => event,
    };
    record(state, &event).await;
}

/// How a role shows in an event's detail: its code and the organisation it acts for.
pub fn role_detail(grant: &crate::domain::RoleGrant) -> String {
    match (grant.company_id, grant.centre_id) {
        (Some(company), _) => format!("{}: company {company}", grant.role.code()),
        (_, Some(centre)) => format!("{}: centre {centre}", grant.role.code()),
        _ => grant.role.code().to_string(),
    }
}
