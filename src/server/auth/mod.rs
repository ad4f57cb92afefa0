//! Authentication on the server: password hashing, sessions, and the CSRF check that every
//! state-changing request passes.

pub mod csrf;
pub mod password;
pub mod session;

use crate::accounts::{Actor, RoleGrant};
use crate::domain::Email;

/// An account to create, its password already hashed.
#[derive(Clone, Debug)]
pub struct NewAccount {
    pub email: Email,
    pub name: String,
    pub password_hash: String,
    pub role: RoleGrant,
    pub now: i64,
}

/// What sign-in needs: never leaves the server.
#[derive(Clone, sqlx::FromRow)]
pub struct Credentials {
    pub account_id: i64,
    pub password_hash: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials").field("account_id", &self.account_id).finish_non_exhaustive()
    }
}

#[derive(Clone, Debug)]
pub struct NewSession {
    pub token_hash: String,
    pub account_id: i64,
    pub now: i64,
    pub expires_at: i64,
    pub user_agent: String,
}

/// A stored session and who it belongs to.
#[derive(Clone, Debug)]
pub struct SessionRecord {
    pub actor: Actor,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}
