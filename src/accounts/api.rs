//! Server functions of accounts: what pages about my account read.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What an emailed link is for, as pages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkKind {
    ConfirmEmail,
    ResetPassword,
    ChangeEmail,
}

/// Whether an emailed link can still be used, so its page can say so before anyone types.
/// Anyone may ask: the answer is about a 256-bit secret the asker already holds.
#[server(endpoint = "accounts/link-is-valid")]
pub async fn link_is_valid(kind: LinkKind, code: String) -> Result<bool, AppError> {
    use crate::server::auth::{now, tokens, TokenPurpose};
    if !tokens::well_formed(&code) {
        return Ok(false);
    }
    let purpose = match kind {
        LinkKind::ConfirmEmail => TokenPurpose::VerifyEmail,
        LinkKind::ResetPassword => TokenPurpose::ResetPassword,
        LinkKind::ChangeEmail => TokenPurpose::ChangeEmail,
    };
    let store = crate::server::state::store()?;
    Ok(store.token_account(&tokens::sha256_hex(&code), purpose, now()).await?.is_some())
}

/// One of my signed-in devices, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// What the sign-out form sends back: the hash of the session's token, which opens
    /// nothing by itself, and which is only ever shown to the session's own account.
    pub id: String,
    /// Browser and system, from the user agent; empty when unrecognised.
    pub device: String,
    pub started: String,
    pub last_used: String,
    pub current: bool,
}

/// The sessions of the signed-in account, most recently used first.
#[server(endpoint = "accounts/my-sessions")]
pub async fn my_sessions() -> Result<Vec<SessionView>, AppError> {
    use crate::domain::lima_time::format_lima;
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    let sessions = store.sessions_of(current.actor.account_id).await?;
    Ok(sessions
        .into_iter()
        .map(|s| SessionView {
            current: s.token_hash == current.token_hash,
            id: s.token_hash,
            device: describe_device(&s.user_agent),
            started: format_lima(s.created_at),
            last_used: format_lima(s.last_seen_at),
        })
        .collect())
}

/// The company the signed-in account asked to act for, while a centre has not decided.
#[server(endpoint = "accounts/pending-join")]
pub async fn my_pending_join() -> Result<Option<String>, AppError> {
    let current = crate::server::access::signed_in()?;
    Ok(crate::server::state::store()?.pending_join(current.actor.account_id).await?)
}

/// The address the signed-in account is being moved to, while the link sent there is live.
#[server(endpoint = "accounts/pending-email-change")]
pub async fn my_pending_email_change() -> Result<Option<String>, AppError> {
    let current = crate::server::access::signed_in()?;
    let store = crate::server::state::store()?;
    Ok(store.pending_email_change(current.actor.account_id, crate::server::auth::now()).await?)
}

/// An account as the admins' roles page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleHolder {
    pub account_id: i64,
    pub name: String,
    pub email: String,
    pub roles: Vec<super::RoleGrant>,
}

/// The account an admin looks for, by email or account number; `None` when there is none.
#[server(endpoint = "accounts/roles-of")]
pub async fn roles_of(who: String) -> Result<Option<RoleHolder>, AppError> {
    crate::server::access::acting_as(&[super::Role::Admin])?;
    let store = crate::server::state::store()?;
    let account_id = match who.trim().parse::<i64>() {
        Ok(id) => Some(id),
        Err(_) => match crate::domain::Email::parse(&who) {
            Ok(email) => store.account_id_by_email(email.as_str()).await?,
            Err(_) => None,
        },
    };
    let Some(account_id) = account_id else { return Ok(None) };
    Ok(store.account_actor(account_id).await?.map(|actor| RoleHolder {
        account_id,
        name: actor.name,
        email: actor.email,
        roles: actor.roles,
    }))
}

/// "Browser · system" from a user agent, good enough for a person to recognise a device.
#[cfg(feature = "ssr")]
fn describe_device(user_agent: &str) -> String {
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(marker, _)| user_agent.contains(marker))
    .map(|(_, name)| name);
    [browser, system].into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::describe_device;

    #[test]
    fn devices_are_named_by_browser_and_system() {
        let android = "Mozilla/5.0 (Linux; Android 13; SM-A145M) AppleWebKit/537.36 (KHTML, like Gecko) \
                       Chrome/120.0.0.0 Mobile Safari/537.36";
        assert_eq!(describe_device(android), "Chrome · Android");
        let firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0";
        assert_eq!(describe_device(firefox), "Firefox · Windows");
        assert_eq!(describe_device("curl/8.0"), "");
    }
}
