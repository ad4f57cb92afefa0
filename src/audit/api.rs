//! The server function behind the audit log reader.

use super::{AuditFilter, AuditPage};
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the audit log, newest first, filtered. Admins only.
#[server(endpoint = "audit/events")]
pub async fn audit_events(filter: AuditFilter) -> Result<AuditPage, AppError> {
    use super::{AuditAction, PAGE_SIZE};
    use crate::audit::store::AuditQuery;
    use crate::domain::lima_time::lima_day_start;
    crate::server::access::acting_as(&[crate::domain::Role::Admin])?;
    let store = crate::server::state::store()?;
    let mut page = AuditPage { entries: Vec::new(), older: None, unknown_person: false, bad_date: false };
    let given = |value: &Option<String>| value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);

    let account_id = match given(&filter.person) {
        None => None,
        Some(person) => {
            let found = match person.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => match crate::domain::Email::parse(&person) {
                    Ok(email) => store.account_id_by_email(email.as_str()).await?,
                    Err(_) => None,
                },
            };
            if found.is_none() {
                page.unknown_person = true;
                return Ok(page);
            }
            found
        }
    };
    let day = |value: &Option<String>| match given(value) {
        None => Ok(None),
        Some(date) => lima_day_start(&date).map(Some).ok_or(()),
    };
    let (Ok(from), Ok(to)) = (day(&filter.from), day(&filter.to)) else {
        page.bad_date = true;
        return Ok(page);
    };
    let query = AuditQuery {
        action: given(&filter.action).filter(|code| AuditAction::from_code(code).is_some()),
        account_id,
        from,
        until: to.map(|start| start + 86_400),
        before: filter.before,
        limit: PAGE_SIZE as i64 + 1,
    };
    let mut entries = store.audit_events(&query).await?;
    if entries.len() > PAGE_SIZE {
        entries.truncate(PAGE_SIZE);
        page.older = entries.last().map(|e| e.id);
    }
    page.entries = entries;
    Ok(page)
}
