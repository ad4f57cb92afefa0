//! Authentication on the server: password hashing, sessions, single-use email links, rate
//! limits, and the CSRF check that every state-changing request passes.

pub mod csrf;
pub mod limit_store;
pub mod limits;
pub mod password;
pub mod password_step;
pub mod session;
pub mod tokens;

use crate::domain::Email;
use crate::domain::{Actor, RoleGrant};

/// An account to create, its password already hashed.
#[derive(Clone, Debug)]
pub struct NewAccount {
    pub email: Email,
    pub name: String,
    pub password_hash: String,
    pub role: RoleGrant,
    /// Made by an admin: the address is taken as confirmed. Made by signing up: it is
    /// confirmed by the link sent to it, and until then the account cannot sign in.
    pub email_verified: bool,
    pub now: i64,
}

/// What sign-in needs: never leaves the server.
#[derive(Clone, sqlx::FromRow)]
pub struct Credentials {
    pub account_id: i64,
    pub password_hash: String,
    pub email_verified: bool,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("account_id", &self.account_id)
            .field("email_verified", &self.email_verified)
            .finish_non_exhaustive()
    }
}

#[derive(Clone, Debug)]
pub struct NewSession {
    pub token_hash: String,
    pub account_id: i64,
    pub now: i64,
    pub expires_at: i64,
    pub user_agent: String,
    /// When it passed a second factor, if it did (a session made to finish a sign-in after
    /// one, or by a test).
    pub second_factor_at: Option<i64>,
}

/// A stored session and who it belongs to.
#[derive(Clone, Debug)]
pub struct SessionRecord {
    pub actor: Actor,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    /// When the session last passed the account's second factor.
    pub second_factor_at: Option<i64>,
    /// Whether the account has a second factor set up.
    pub has_second_factor: bool,
}

/// One of my sessions, as the list of them shows it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionSummary {
    pub token_hash: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub user_agent: String,
}

/// What a single-use email link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    VerifyEmail,
    ResetPassword,
    /// Moves the account to the address the link was sent to.
    ChangeEmail,
}

impl TokenPurpose {
    pub fn code(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ResetPassword => "reset_password",
            TokenPurpose::ChangeEmail => "change_email",
        }
    }
}

/// A single-use link to store: only the hash of its token.
#[derive(Clone, Debug)]
pub struct NewToken {
    pub token_hash: String,
    pub purpose: TokenPurpose,
    pub now: i64,
    pub expires_at: i64,
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}
