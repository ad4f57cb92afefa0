//! Accounts, roles and who is asking: signing up, in and out, emailed links to confirm an
//! address or reset a password, and my own account's security.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod routes;

use serde::{Deserialize, Serialize};

/// Where the sign-in form lives and posts to.
pub const SIGN_IN_PATH: &str = "/entrar";
/// Where the sign-out button posts to.
pub const SIGN_OUT_PATH: &str = "/salir";
/// The signed-in person's own page.
pub const ACCOUNT_PATH: &str = "/cuenta";
/// A job seeker creates an account.
pub const SIGN_UP_PATH: &str = "/registro";
/// An employer registers its company and its own account.
pub const EMPLOYER_SIGN_UP_PATH: &str = "/registro/empresa";
/// Where a person is sent after asking for an emailed link.
pub const CHECK_EMAIL_PATH: &str = "/revisa-tu-correo";
/// The emailed link that confirms a new account's email.
pub const CONFIRM_EMAIL_PATH: &str = "/registro/confirmar";
/// Asking for a password-reset link.
pub const FORGOT_PASSWORD_PATH: &str = "/contrasena/olvidada";
/// The emailed link that sets a new password.
pub const RESET_PASSWORD_PATH: &str = "/contrasena/nueva";
pub const CHANGE_PASSWORD_PATH: &str = "/cuenta/contrasena";
/// My signed-in devices, each of which I can sign out.
pub const SESSIONS_PATH: &str = "/cuenta/sesiones";
pub const END_SESSION_PATH: &str = "/cuenta/sesiones/cerrar";
pub const END_OTHER_SESSIONS_PATH: &str = "/cuenta/sesiones/cerrar-otras";
/// Counts as activity for the session: the session-timeout warning's "keep me signed in".
pub const KEEP_ALIVE_PATH: &str = "/cuenta/seguir";
/// Moving my account to another email address (needs my password).
pub const CHANGE_EMAIL_PATH: &str = "/cuenta/correo";
/// The emailed link that moves the account to the new address.
pub const CONFIRM_EMAIL_CHANGE_PATH: &str = "/cuenta/correo/confirmar";
/// Where the "download my data" button posts to.
pub const EXPORT_DATA_PATH: &str = "/cuenta/mis-datos";
/// Deleting my account (needs my password and an explicit confirmation).
pub const DELETE_ACCOUNT_PATH: &str = "/cuenta/eliminar";
/// An admin finds an account and gives it a role, or takes one away.
pub const ROLES_PATH: &str = "/cuentas/roles";
/// An admin creates a counsellor's or an admin's account.
pub const NEW_STAFF_PATH: &str = "/cuentas/nueva";
/// The sign-in page, returning to `back_to` (a local path) once signed in.
pub fn sign_in_returning_to(back_to: &str) -> String {
    format!("{SIGN_IN_PATH}?volver={}", back_to.replace('/', "%2F"))
}

/// The query parameter emailed links carry their token in.
pub const LINK_CODE: &str = "codigo";

/// What an account may act as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Seeker,
    Employer,
    Counsellor,
    Admin,
}

impl Role {
    pub fn label(self) -> crate::i18n::Key {
        use crate::i18n::Key;
        match self {
            Role::Seeker => Key::role_seeker,
            Role::Employer => Key::role_employer,
            Role::Counsellor => Key::role_counsellor,
            Role::Admin => Key::role_admin,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Role::Seeker => "seeker",
            Role::Employer => "employer",
            Role::Counsellor => "counsellor",
            Role::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        [Role::Seeker, Role::Employer, Role::Counsellor, Role::Admin].into_iter().find(|r| r.code() == code)
    }

    /// Staff sessions (everyone but job seekers) get the shorter NIST AAL2 timeouts.
    pub fn is_staff(self) -> bool {
        self != Role::Seeker
    }
}

/// One role of an account, with the organisation it acts for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleGrant {
    pub role: Role,
    pub company_id: Option<i64>,
    pub centre_id: Option<i64>,
}

/// The signed-in person a request comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub account_id: i64,
    pub name: String,
    pub email: String,
    pub roles: Vec<RoleGrant>,
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.roles.iter().any(|g| g.role == role)
    }

    pub fn is_staff(&self) -> bool {
        self.roles.iter().any(|g| g.role.is_staff())
    }
}

/// Everything Senda keeps about an account, as its owner downloads it (times in UTC, ISO
/// 8601).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyData {
    pub account: MyAccountData,
    pub roles: Vec<MyRoleData>,
    /// The company this account asked to act for, while nobody has decided.
    pub pending_join: Option<String>,
    pub sessions: Vec<MySessionData>,
    /// What the audit log holds about this account: sign-ins, changes, from which address.
    pub activity: Vec<MyActivityData>,
    /// The profile in the register of job seekers, when the account holds one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register: Option<crate::seekers::MyRegisterData>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MyAccountData {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub created_at: String,
    pub email_confirmed_at: Option<String>,
    pub language: Option<String>,
    pub preferences: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRoleData {
    pub role: String,
    pub company: Option<String>,
    pub centre: Option<String>,
    pub granted_at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySessionData {
    pub started_at: String,
    pub last_used_at: String,
    pub ends_at: String,
    pub browser: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyActivityData {
    pub at: String,
    pub action: String,
    pub detail: String,
    pub ip: String,
}
